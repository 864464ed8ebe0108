using System.Net;

namespace Sentry.Management.Benchmarks;

/// <summary>The innermost handler of the HTTP benchmarks: answers 200 synchronously, so only the handlers above it are measured.</summary>
internal sealed class OkHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
}
