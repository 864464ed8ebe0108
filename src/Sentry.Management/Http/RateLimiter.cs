namespace Sentry.Management.Http;

/// <summary>
/// Keeps each attempt within Sentry's announced limits: no more requests in flight than
/// <c>X-Sentry-Rate-Limit-ConcurrentLimit</c> allows, and no more requests in the window than it has remaining, counted down locally (<see cref="RequestWindow"/>).
/// Records every response's rate-limit headers in the shared <see cref="SentryRateLimitMonitor"/>.
/// </summary>
/// <remarks>
/// Not a handler of its own: <see cref="ResilienceHandler"/> enters it before each attempt and exits it with the
/// attempt's response, inside the async frame the attempt has anyway. As a handler it cost every call one more async
/// frame (its state machine, boxed when the send yields, and one more continuation on the way back).
/// </remarks>
internal sealed class RateLimiter
{
    private readonly ConcurrencyGate _gate;
    private readonly RequestWindow _window;
    private readonly SentryRateLimitMonitor _monitor;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _maxWait;

    internal RateLimiter(ConcurrencyGate gate, RequestWindow window, SentryRateLimitMonitor monitor, TimeProvider timeProvider, TimeSpan maxWait)
    {
        _gate = gate;
        _window = window;
        _monitor = monitor;
        _timeProvider = timeProvider;
        _maxWait = maxWait;
    }

    /// <summary>
    /// Takes a permit of the gate, then one request from the window, waiting for either as needed. Once it completes
    /// without an exception, the caller must call <see cref="Exit"/> exactly once; when it throws, nothing is held.
    /// </summary>
    internal ValueTask EnterAsync(CancellationToken cancellationToken)
    {
        // The common case waits for nothing and completes synchronously, without an async state machine.
        if (_gate.TryEnter())
        {
            TimeSpan wait;
            try
            {
                wait = _window.Take(_timeProvider.GetUtcNow(), _maxWait);
            }
            catch
            {
                _gate.Release();
                throw;
            }

            return wait <= TimeSpan.Zero ? default : WaitForWindowAsync(wait, cancellationToken);
        }

        return EnterSlowAsync(cancellationToken);
    }

    /// <summary>The attempt is over: records what its <paramref name="response"/> (if any) says about the limits and frees its permit.</summary>
    internal void Exit(HttpResponseMessage? response)
    {
        try
        {
            SentryRateLimitState? state = null;
            try
            {
                state = response is null ? null : RateLimitHeaders.Read(response, _timeProvider.GetUtcNow());
                if (state is not null)
                {
                    _monitor.Update(state);
                    if (state.ConcurrentLimit is > 0 and var limit)
                    {
                        _gate.SetServerLimit(limit);
                    }
                }
            }
            finally
            {
                _window.Completed(state);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask EnterSlowAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Holding a permit, so only requests about to leave count down the window, never those queued behind the gate.
            await TakeFromWindowAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    private async ValueTask WaitForWindowAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
            await TakeFromWindowAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    /// <summary>When the window is used up, waits for its reset rather than earn a 429.</summary>
    private async ValueTask TakeFromWindowAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        while ((wait = _window.Take(_timeProvider.GetUtcNow(), _maxWait)) > TimeSpan.Zero)
        {
            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
