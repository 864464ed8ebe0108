using System.Collections.Concurrent;
using System.Net;

namespace Sentry.Management.Tests.Capture.Support;

/// <summary>A request's URL and headers as the innermost handler saw them.</summary>
public sealed record SeenRequest(Uri Uri, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>An innermost handler that records URL and headers of every request and answers with the status the test picks.</summary>
public sealed class HeaderRecorder(Func<HttpRequestMessage, HttpStatusCode>? status = null) : HttpMessageHandler
{
    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new SeenRequest(request.RequestUri!, headers));
        return Task.FromResult(new HttpResponseMessage(status?.Invoke(request) ?? HttpStatusCode.OK) { Content = new StringContent("{}") });
    }
}
