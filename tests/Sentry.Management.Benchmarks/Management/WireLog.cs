using System.Collections.Concurrent;
using System.Net;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>One attempt as it left and came back below the client's pipeline: what the server really saw.</summary>
/// <param name="Completed">When the response arrived.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Status">The status code.</param>
/// <param name="OverConcurrency">For a 429: whether the answer said no concurrency slot was left (rather than no request in the window).</param>
internal readonly record struct WireAttempt(DateTimeOffset Completed, HttpMethod Method, HttpStatusCode Status, bool OverConcurrency);

/// <summary>
/// The primary handler's wrapper: records every attempt (retries included) with its status and completion time, so
/// 429s and successes are counted on the wire rather than from what the client chose to report.
/// </summary>
internal sealed class WireLog(TimeProvider time) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    private readonly ConcurrentQueue<WireAttempt> _attempts = new();

    public IReadOnlyCollection<WireAttempt> Attempts => _attempts;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var overConcurrency = response.StatusCode == HttpStatusCode.TooManyRequests
            && response.Headers.TryGetValues("X-Sentry-Rate-Limit-ConcurrentRemaining", out var left) && left.FirstOrDefault() == "0";
        _attempts.Enqueue(new WireAttempt(time.GetUtcNow(), request.Method, response.StatusCode, overConcurrency));
        return response;
    }
}
