using System.Collections.Concurrent;
using System.Net;

namespace Sentry.Management.Tests.Capture.Support;

/// <summary>A request as the handler saw it.</summary>
public sealed record RecordedRequest(Uri Uri, string? Auth, string? ContentType, bool Gzipped, byte[] Body)
{
    public ParsedEnvelope Envelope => ParsedEnvelope.Parse(Body, Gzipped);
}

/// <summary>An in-memory HTTP handler that records envelopes and answers with what the test decides.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, HttpResponseMessage> _respond;

    public RecordingHandler(Func<RecordedRequest, HttpResponseMessage>? respond = null) =>
        _respond = respond ?? (_ => new HttpResponseMessage(HttpStatusCode.OK));

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public IEnumerable<ParsedEnvelope> Envelopes => Requests.Select(r => r.Envelope);

    public IEnumerable<ParsedItem> Items(string type) => Envelopes.SelectMany(e => e.Items).Where(i => i.Type == type);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.RequestUri!,
            request.Headers.TryGetValues("X-Sentry-Auth", out var auth) ? auth.Single() : null,
            request.Content.Headers.ContentType?.MediaType,
            request.Content.Headers.ContentEncoding.Contains("gzip"),
            body);
        Requests.Enqueue(recorded);
        return _respond(recorded);
    }
}
