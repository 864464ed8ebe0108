namespace Sentry.Management.Benchmarks;

/// <summary>
/// A slow link in front of the loopback sink: one request at a time, each held for a fixed delay, so the sink
/// accepts a few hundred envelopes a second however many an SDK sends at once. Both SDKs send through it.
/// </summary>
internal sealed class SlowLinkHandler(TimeSpan delay) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly SemaphoreSlim _one = new(1, 1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _one.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _one.Dispose();
        }

        base.Dispose(disposing);
    }
}
