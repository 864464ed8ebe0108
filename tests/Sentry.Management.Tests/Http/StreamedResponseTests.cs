using System.Net;
using System.Text;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Http;

/// <summary>A large successful body is read once, as a stream, into the deserializer: never loaded into memory first.</summary>
public class StreamedResponseTests
{
    private static readonly Uri BaseUrl = new(SentryTestHarness.BaseUrl);

    [Test]
    public async Task A_large_page_is_deserialized_from_the_stream_without_being_buffered()
    {
        var body = IssuePage(count: 100, culpritLength: 400);
        Assert.That(body.Length, Is.GreaterThan(16 * 1024), "the page must be large enough to be streamed");
        var primary = new TrackingHandler(body);
        using var client = new SentryManagementClient(new SentryManagementOptions { BaseUrl = BaseUrl, AuthToken = SentryTestHarness.Token }, primary);

        var issues = await client.Organization("acme").Project("backend").Issues.List().ToListAsync();

        Assert.That(issues, Has.Count.EqualTo(100));
        Assert.That(issues[0].Id, Is.EqualTo("1"));
        Assert.That(issues[99].Id, Is.EqualTo("100"));
        Assert.That(issues[99].Culprit, Has.Length.EqualTo(400));
        Assert.That(primary.Content!.StreamsOpened, Is.EqualTo(1));
        Assert.That(primary.Content.CopiedToBuffer, Is.False, "the body was loaded into memory before deserializing");
        Assert.That(primary.Content.Disposed, Is.True, "the response body was not released after the page was read");
    }

    [Test]
    public async Task A_small_body_is_still_read_whole_as_before()
    {
        var primary = new TrackingHandler(IssuePage(count: 2, culpritLength: 10));
        using var client = new SentryManagementClient(new SentryManagementOptions { BaseUrl = BaseUrl, AuthToken = SentryTestHarness.Token }, primary);

        var issues = await client.Organization("acme").Project("backend").Issues.List().ToListAsync();

        Assert.That(issues, Has.Count.EqualTo(2));
        Assert.That(primary.Content!.CopiedToBuffer, Is.True);
    }

    [Test]
    public void A_large_body_that_is_not_the_expected_json_still_fails_the_call()
    {
        var body = Encoding.UTF8.GetBytes("{\"not\": \"a list\", \"padding\": \"" + new string('x', 20_000) + "\"}");
        var primary = new TrackingHandler(body);
        using var client = new SentryManagementClient(new SentryManagementOptions { BaseUrl = BaseUrl, AuthToken = SentryTestHarness.Token }, primary);

        var error = Assert.CatchAsync<Exception>(async () => await client.Organization("acme").Project("backend").Issues.List().ToListAsync());

        // Refit's deserialization error, as before; its inner exception now says the body was streamed, not buffered.
        Assert.That(error, Is.InstanceOf<Refit.ApiException>(), error!.ToString());
        Assert.That(error.InnerException?.Message, Does.Contain("not the JSON the call expects"));
    }

    private static byte[] IssuePage(int count, int culpritLength)
    {
        var json = new StringBuilder("[");
        for (var i = 1; i <= count; i++)
        {
            json.Append(i > 1 ? "," : string.Empty)
                .Append("{\"id\":\"").Append(i).Append("\",\"shortId\":\"BACKEND-").Append(i)
                .Append("\",\"title\":\"Error ").Append(i).Append("\",\"culprit\":\"").Append('c', culpritLength).Append("\"}");
        }

        return Encoding.UTF8.GetBytes(json.Append(']').ToString());
    }

    /// <summary>Answers with one JSON body whose content records how it was read, as a network body would be read once.</summary>
    private sealed class TrackingHandler(byte[] body) : HttpMessageHandler
    {
        public TrackingContent? Content { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Content = new TrackingContent(body);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = Content, RequestMessage = request });
        }
    }

    private sealed class TrackingContent : HttpContent
    {
        private readonly byte[] _body;

        public TrackingContent(byte[] body)
        {
            _body = body;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            Headers.ContentLength = body.Length;
        }

        public int StreamsOpened { get; private set; }

        public bool CopiedToBuffer { get; private set; }

        public bool Disposed { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            CopiedToBuffer = true;
            return stream.WriteAsync(_body).AsTask();
        }

        protected override Task<Stream> CreateContentReadStreamAsync()
        {
            StreamsOpened++;
            return Task.FromResult<Stream>(new MemoryStream(_body, writable: false));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
