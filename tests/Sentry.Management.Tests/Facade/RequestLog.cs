using System.Net;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

/// <summary>
/// Records every request that reaches MockHttp (method, raw URL, body read while the request is alive) and
/// answers each with the same JSON, so tests can assert the exact wire form, including escaping.
/// </summary>
internal sealed class RequestLog
{
    private RequestLog()
    {
    }

    internal List<Recorded> Requests { get; } = [];

    internal Recorded Single => Requests.Count == 1 ? Requests[0] : throw new AssertionException($"Expected one request, got {Requests.Count}.");

    internal static RequestLog Answer(SentryTestHarness harness, string json, HttpStatusCode status = HttpStatusCode.OK, Func<HttpRequestMessage, string?>? link = null)
    {
        var log = new RequestLog();
        harness.Mock.Fallback.Respond(async request =>
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync();
            log.Requests.Add(new Recorded(request.Method, request.RequestUri!, body));
            return SentryTestHarness.Json(json, status, link?.Invoke(request));
        });
        return log;
    }

    internal sealed record Recorded(HttpMethod Method, Uri Uri, string? Body)
    {
        /// <summary>The path as sent, escapes kept.</summary>
        internal string RawPath => Uri.AbsoluteUri[SentryTestHarness.BaseUrl.Length..].Split('?')[0];

        /// <summary>The query as sent (without '?'), escapes kept.</summary>
        internal string RawQuery => Uri.AbsoluteUri.Contains('?') ? Uri.AbsoluteUri[(Uri.AbsoluteUri.IndexOf('?') + 1)..] : string.Empty;
    }
}
