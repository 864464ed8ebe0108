using System.Threading.Channels;

namespace Sentry.Management.Capture.Transport;

/// <summary>
/// The time bound of Sentry Logs batches: log entries stay in their queue (still counted as pending) until a batch is
/// due, which is when a full envelope's worth is waiting, the oldest has waited <see cref="SentryCaptureOptions.LogBatchInterval"/>,
/// or a flush or shutdown runs. A timer wakes a worker when the oldest entry becomes due, so a quiet app still sends
/// its few entries on time; a busy one fills batches by size and the timer stays idle.
/// </summary>
internal sealed class LogBatchGate : IDisposable
{
    private readonly ChannelReader<CaptureWork> _logs;
    private readonly int _fullBatch;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Action _wake;
    private readonly ITimer _timer;
    private int _armed;
    private int _flushes;
    private volatile bool _openForGood;
    private volatile bool _disposed;

    /// <param name="logs">The log queue the gate watches.</param>
    /// <param name="queueCapacity">The queue's size: a batch is full at that size too, or a small queue would overflow while it waits.</param>
    /// <param name="options">Batch size, interval and clock.</param>
    /// <param name="wake">Wakes an idle worker.</param>
    public LogBatchGate(ChannelReader<CaptureWork> logs, int queueCapacity, SentryCaptureOptions options, Action wake)
    {
        _logs = logs;
        _fullBatch = Math.Min(options.MaxLogsPerEnvelope, queueCapacity);
        _interval = options.LogBatchInterval;
        _time = options.TimeProvider;
        _wake = wake;
        _timer = _time.CreateTimer(static state => ((LogBatchGate)state!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Whether workers may take log entries now.</summary>
    public bool IsOpen
    {
        get
        {
            // Empty is closed even while flushing: an open gate with nothing behind it would keep idle workers spinning.
            if (!_logs.TryPeek(out var oldest))
            {
                return false;
            }

            if (IsForced || _logs.Count >= _fullBatch)
            {
                return true;
            }

            var wait = ((LogWork)oldest).Entry.Timestamp + _interval - _time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return true;
            }

            Arm(wait);
            return false;
        }
    }

    private bool IsForced => _openForGood || Volatile.Read(ref _flushes) > 0;

    /// <summary>After an entry is queued (on the capturing thread): whether to wake a worker now; otherwise the timer will.</summary>
    public bool Queued()
    {
        if (IsForced || _logs.Count >= _fullBatch)
        {
            return true;
        }

        Arm(_interval);
        return false;
    }

    /// <summary>Opens the gate until the returned scope ends: a flush sends the partial batch at once.</summary>
    public FlushScope Flushing()
    {
        Interlocked.Increment(ref _flushes);
        _wake();
        return new FlushScope(this);
    }

    /// <summary>Opens the gate for the rest of the runtime's life (shutdown drains every entry).</summary>
    public void OpenForGood() => _openForGood = true;

    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
    }

    private void Arm(TimeSpan wait)
    {
        // One timer at a time: if it fires before the oldest entry is due, the worker it wakes arms it again.
        if (Volatile.Read(ref _armed) == 0 && Interlocked.CompareExchange(ref _armed, 1, 0) == 0)
        {
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnDue()
    {
        Volatile.Write(ref _armed, 0);
        if (_disposed)
        {
            return;
        }

        try
        {
            _wake();
        }
        catch (ObjectDisposedException)
        {
            // The runtime shut down while the timer fired; shutdown drained the entries itself.
        }
    }

    /// <summary>Ends a flush's hold on the gate.</summary>
    internal readonly struct FlushScope(LogBatchGate gate) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref gate._flushes);
    }
}
