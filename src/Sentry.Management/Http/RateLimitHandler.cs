namespace Sentry.Management.Http;

/// <summary>
/// Keeps each attempt within Sentry's announced limits: no more requests in flight than
/// <c>X-Sentry-Rate-Limit-ConcurrentLimit</c> allows, and no more requests in the window than it has remaining, counted down locally (<see cref="RequestWindow"/>).
/// Records every response's rate-limit headers in the shared <see cref="SentryRateLimitMonitor"/>.
/// </summary>
internal sealed class RateLimitHandler : DelegatingHandler
{
    private readonly ConcurrencyGate _gate;
    private readonly RequestWindow _window;
    private readonly SentryRateLimitMonitor _monitor;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _maxWait;

    internal RateLimitHandler(ConcurrencyGate gate, RequestWindow window, SentryRateLimitMonitor monitor, TimeProvider timeProvider, TimeSpan maxWait)
    {
        _gate = gate;
        _window = window;
        _monitor = monitor;
        _timeProvider = timeProvider;
        _maxWait = maxWait;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Holding a permit, so only requests about to leave count down the window, never those queued behind the gate.
            await TakeFromWindowAsync(cancellationToken).ConfigureAwait(false);
            SentryRateLimitState? state = null;
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                state = RateLimitHeaders.Read(response, _timeProvider.GetUtcNow());
                if (state is not null)
                {
                    _monitor.Update(state);
                    if (state.ConcurrentLimit is > 0 and var limit)
                    {
                        _gate.SetServerLimit(limit);
                    }
                }

                return response;
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
