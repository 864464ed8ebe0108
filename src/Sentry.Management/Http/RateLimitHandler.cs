namespace Sentry.Management.Http;

/// <summary>
/// Keeps each attempt within Sentry's announced limits: no more requests in flight than
/// <c>X-Sentry-Rate-Limit-ConcurrentLimit</c> allows, and no request while the window has none remaining.
/// Records every response's rate-limit headers in the shared <see cref="SentryRateLimitMonitor"/>.
/// </summary>
internal sealed class RateLimitHandler : DelegatingHandler
{
    private readonly ConcurrencyGate _gate;
    private readonly SentryRateLimitMonitor _monitor;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _maxWait;

    internal RateLimitHandler(ConcurrencyGate gate, SentryRateLimitMonitor monitor, TimeProvider timeProvider, TimeSpan maxWait)
    {
        _gate = gate;
        _monitor = monitor;
        _timeProvider = timeProvider;
        _maxWait = maxWait;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await WaitForWindowAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (RateLimitHeaders.Read(response, _timeProvider.GetUtcNow()) is { } state)
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
            _gate.Release();
        }
    }

    /// <summary>When the last response said the window is used up, waits for its reset rather than earn a 429.</summary>
    private async ValueTask WaitForWindowAsync(CancellationToken cancellationToken)
    {
        if (_monitor.Current is not { Remaining: <= 0, ResetsAt: { } resetsAt })
        {
            return;
        }

        var wait = resetsAt - _timeProvider.GetUtcNow();
        if (wait > TimeSpan.Zero && wait <= _maxWait)
        {
            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
