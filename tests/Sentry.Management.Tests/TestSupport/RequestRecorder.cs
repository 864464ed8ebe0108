using System.Net;
using RichardSzalay.MockHttp;

namespace Sentry.Management.Tests.TestSupport;

/// <summary>A request as it reached the network: method, raw URL (as encoded on the wire) and body text.</summary>
internal sealed record RecordedRequest(HttpMethod Method, string AbsoluteUri, string Path, string? Body)
{
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

/// <summary>Answers every request of a MockHttp handler through a function and keeps what was sent.</summary>
internal sealed class RequestRecorder
{
    private readonly List<RecordedRequest> _requests = [];

    internal IReadOnlyList<RecordedRequest> Requests => _requests;

    /// <summary>Answers requests matching <paramref name="method"/> and <paramref name="path"/> (any query) with <paramref name="respond"/>.</summary>
    internal void On(SentryTestHarness harness, HttpMethod method, string path, Func<RecordedRequest, HttpResponseMessage> respond) =>
        harness.Mock.When(method, SentryTestHarness.Url(path)).Respond(async request =>
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
            var recorded = new RecordedRequest(request.Method, request.RequestUri!.AbsoluteUri, request.RequestUri.AbsolutePath, body);
            _requests.Add(recorded);
            return respond(recorded);
        });

    /// <summary>Answers with a JSON body.</summary>
    internal void On(SentryTestHarness harness, HttpMethod method, string path, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        On(harness, method, path, _ => SentryTestHarness.Json(json, status));

    internal RecordedRequest Single()
    {
        Assert.That(_requests, Has.Count.EqualTo(1));
        return _requests[0];
    }
}
