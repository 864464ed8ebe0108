using System.Net;
using RichardSzalay.MockHttp;

namespace Sentry.Management.Tests.TestSupport;

/// <summary>A request as it reached the network: method, raw URL (as encoded on the wire) and body text (read while the request was alive).</summary>
internal sealed record RecordedRequest(HttpMethod Method, string AbsoluteUri, string Path, string? Body)
{
    internal Uri Uri => new(AbsoluteUri);

    /// <summary>The path as sent, escapes kept.</summary>
    internal string RawPath => AbsoluteUri[SentryTestHarness.BaseUrl.Length..].Split('?')[0];

    /// <summary>The query as sent (without '?'), escapes kept.</summary>
    internal string RawQuery => AbsoluteUri.Contains('?', StringComparison.Ordinal) ? AbsoluteUri[(AbsoluteUri.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;

    /// <summary>The values of a query parameter, decoded, in order (repeated parameters give several).</summary>
    internal IReadOnlyList<string> Query(string name) =>
        [.. (new Uri(AbsoluteUri).Query.TrimStart('?')).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => Uri.UnescapeDataString(pair[0]) == name)
            .Select(pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : string.Empty)];

    /// <summary>The names of the query parameters, in order, repeated ones once.</summary>
    internal IReadOnlyList<string> QueryNames =>
        [.. (new Uri(AbsoluteUri).Query.TrimStart('?')).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => Uri.UnescapeDataString(pair.Split('=', 2)[0])).Distinct()];
}

/// <summary>The one recorder of management requests: answers requests of a MockHttp handler and keeps what was sent, so tests assert the exact wire form, escaping included.</summary>
internal sealed class RequestRecorder
{
    private readonly List<RecordedRequest> _requests = [];

    internal IReadOnlyList<RecordedRequest> Requests => _requests;

    internal RecordedRequest Single => _requests.Count == 1 ? _requests[0] : throw new AssertionException($"Expected one request, got {_requests.Count}.");

    /// <summary>Answers every request (MockHttp's fallback) with the same JSON, and records them.</summary>
    internal static RequestRecorder Answer(SentryTestHarness harness, string json, HttpStatusCode status = HttpStatusCode.OK, Func<HttpRequestMessage, string?>? link = null)
    {
        var recorder = new RequestRecorder();
        harness.Mock.Fallback.Respond(async request =>
        {
            await recorder.RecordAsync(request).ConfigureAwait(false);
            return SentryTestHarness.Json(json, status, link?.Invoke(request));
        });
        return recorder;
    }

    /// <summary>Answers requests matching <paramref name="method"/> and <paramref name="path"/> (any query) with <paramref name="respond"/>.</summary>
    internal void On(SentryTestHarness harness, HttpMethod method, string path, Func<RecordedRequest, HttpResponseMessage> respond) =>
        harness.Mock.When(method, SentryTestHarness.Url(path)).Respond(async request => respond(await RecordAsync(request).ConfigureAwait(false)));

    /// <summary>Answers with a JSON body.</summary>
    internal void On(SentryTestHarness harness, HttpMethod method, string path, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        On(harness, method, path, _ => SentryTestHarness.Json(json, status));

    private async Task<RecordedRequest> RecordAsync(HttpRequestMessage request)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!.AbsoluteUri, request.RequestUri.AbsolutePath, body);
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        return recorded;
    }
}
