using System.Collections.Concurrent;

namespace Sentry.Management.Http;

/// <summary>
/// Cancellation sources that cancel themselves after a delay (on the pipeline's <see cref="TimeProvider"/>) or when a
/// parent token is cancelled: the call's total timeout and each attempt's timeout. With the system clock they are
/// pooled and re-armed (a call that completes quickly resets the timer instead of allocating a new one); with any
/// other clock (a test's fake) each is new, since only its constructor binds a source to that clock.
/// </summary>
/// <remarks>
/// They replace Polly's two timeout strategies around and inside its retry strategy: each strategy was one more async
/// frame and pipeline component per call for what is a timer and a token. Polly stays the retry engine.
/// </remarks>
internal sealed class Deadlines
{
    private const int PoolLimit = 64;

    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentQueue<CancellationTokenSource>? _pool;
    private int _pooled;

    internal Deadlines(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _pool = timeProvider == TimeProvider.System ? new ConcurrentQueue<CancellationTokenSource>() : null;
    }

    /// <summary>A source that cancels after <paramref name="delay"/> or with <paramref name="parent"/>; hand it back with <see cref="Return"/>.</summary>
    internal Deadline Start(TimeSpan delay, CancellationToken parent)
    {
        CancellationTokenSource source;
        if (_pool is null)
        {
            source = new CancellationTokenSource(delay, _timeProvider);
        }
        else
        {
            if (_pool.TryDequeue(out var pooled))
            {
                Interlocked.Decrement(ref _pooled);
                source = pooled;
            }
            else
            {
                source = new CancellationTokenSource();
            }

            source.CancelAfter(delay);
        }

        var registration = parent.CanBeCanceled
            ? parent.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source)
            : default;
        return new Deadline(source, registration);
    }

    /// <summary>Ends <paramref name="deadline"/>: unhooks it from its parent and pools or disposes its source.</summary>
    internal void Return(in Deadline deadline)
    {
        deadline.Registration.Dispose();
        var source = deadline.Source;
        if (_pool is not null && source.TryReset())
        {
            if (Interlocked.Increment(ref _pooled) <= PoolLimit)
            {
                _pool.Enqueue(source);
                return;
            }

            Interlocked.Decrement(ref _pooled);
        }

        source.Dispose();
    }
}

/// <summary>A running deadline: its source (whose token the guarded work observes) and its link to the parent token.</summary>
/// <param name="Source">Cancelled when the deadline passes or the parent is cancelled.</param>
/// <param name="Registration">The link that cancels <paramref name="Source"/> with the parent token.</param>
internal readonly record struct Deadline(CancellationTokenSource Source, CancellationTokenRegistration Registration)
{
    /// <summary>The token the guarded work observes.</summary>
    public CancellationToken Token => Source.Token;

    /// <summary>Whether the deadline passed while <paramref name="parent"/> itself was not cancelled.</summary>
    public bool Expired(CancellationToken parent) => Source.IsCancellationRequested && !parent.IsCancellationRequested;
}
