namespace Sentry.Management.Tests.TestSupport;

/// <summary>A primary handler that runs a delegate with the request's cancellation token (MockHttp does not pass it on).</summary>
internal sealed class FuncHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        send(request, cancellationToken);
}
