using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;
using Sentry.Management.Http;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Http;

/// <summary>
/// Every call asks for a compressed answer and reads a gzip or brotli body decoded, without the socket handler's
/// own decompression: over a real socket from the default pipeline, and through handlers a user hands in.
/// </summary>
public class CompressedResponseTests
{
    private const string ProjectJson = """{"id": "42", "slug": "backend", "name": "Backend", "platform": "csharp"}""";
    private static readonly string ProjectUrl = SentryTestHarness.Url("/api/0/projects/acme/backend/");

    [Test]
    public async Task The_default_pipeline_asks_for_gzip_and_brotli_and_reads_both_over_a_real_socket()
    {
        using var server = new CompressingServer(ProjectJson);
        using var client = new SentryManagementClient(new SentryManagementOptions { BaseUrl = server.Url, AuthToken = SentryTestHarness.Token });

        server.Coding = "gzip";
        var gzipped = await client.Organization("acme").Project("backend").GetAsync();
        server.Coding = "br";
        var brotli = await client.Organization("acme").Project("backend").GetAsync();

        Assert.That(server.AcceptEncodings, Is.EqualTo(new[] { DecodedResponseContent.AcceptEncoding, DecodedResponseContent.AcceptEncoding }));
        Assert.That(server.CompressedBodies, Is.EqualTo(2), "the server did not compress, so nothing was decoded");
        Assert.That(gzipped.Slug, Is.EqualTo("backend"));
        Assert.That(brotli.Name, Is.EqualTo("Backend"));
        Assert.That(SentryHttpPipeline.CreatePrimaryHandler().AutomaticDecompression, Is.EqualTo(DecompressionMethods.None), "the socket handler would decode again");
    }

    [Test]
    public async Task With_dependency_injection_and_no_added_handlers_the_pipeline_decodes()
    {
        using var server = new CompressingServer(ProjectJson);

        var project = await GetThroughDependencyInjectionAsync(server, _ => { });

        Assert.That(project.Slug, Is.EqualTo("backend"));
        Assert.That(server.CompressedBodies, Is.EqualTo(1));
        Assert.That(server.AcceptEncodings, Is.EqualTo(new[] { DecodedResponseContent.AcceptEncoding }), "the socket handler's own decompression rewrote the header");
    }

    [Test]
    public async Task Handlers_added_with_dependency_injection_see_answers_decoded_as_over_automatic_decompression()
    {
        using var server = new CompressingServer(ProjectJson);
        var seen = new BodyReadingHandler();

        var project = await GetThroughDependencyInjectionAsync(server, http => http.AddHttpMessageHandler(() => seen));

        Assert.That(project.Slug, Is.EqualTo("backend"));
        Assert.That(server.CompressedBodies, Is.EqualTo(1));
        Assert.That(seen.Bodies, Is.EqualTo(new[] { ProjectJson }), "the added handler saw the compressed bytes");
    }

    [Test]
    public async Task A_primary_handler_the_user_configures_with_dependency_injection_is_left_as_configured()
    {
        using var server = new CompressingServer(ProjectJson);
        var seen = new BodyReadingHandler();

        var project = await GetThroughDependencyInjectionAsync(server, http => http
            .AddHttpMessageHandler(() => seen)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }));

        Assert.That(project.Slug, Is.EqualTo("backend"), "the pipeline still decodes what the user's handler did not");
        Assert.That(server.AcceptEncodings, Is.EqualTo(new[] { DecodedResponseContent.AcceptEncoding }), "the user's handler was made to decompress");
        Assert.That(seen.Bodies.Single(), Is.Not.EqualTo(ProjectJson), "below the pipeline, over the user's own handler, the body is as it came");
    }

    [Test]
    public async Task A_large_compressed_page_is_decoded_as_it_streams_into_the_deserializer()
    {
        // Varied text, so the compressed body is large too: the page is streamed, not buffered first.
        var random = new Random(7);
        var json = new StringBuilder("[");
        for (var i = 1; i <= 300; i++)
        {
            var culprit = new string(Enumerable.Range(0, 120).Select(_ => (char)('a' + random.Next(26))).ToArray());
            json.Append(i > 1 ? "," : string.Empty).Append("{\"id\":\"").Append(i).Append("\",\"culprit\":\"").Append(culprit).Append("\"}");
        }

        var body = Compress(Encoding.UTF8.GetBytes(json.Append(']').ToString()), "gzip");
        Assert.That(body.Length, Is.GreaterThan(16 * 1024 / 4), "too small a body to be streamed");
        using var h = new SentryTestHarness();
        h.Mock.When(HttpMethod.Get, SentryTestHarness.Url("/api/0/projects/acme/backend/issues/")).Respond(_ => Encoded(body, "gzip"));

        var issues = await h.Client.Organization("acme").Project("backend").Issues.List().ToListAsync();

        Assert.That(issues, Has.Count.EqualTo(300));
        Assert.That(issues[299].Id, Is.EqualTo("300"));
        Assert.That(issues[299].Culprit, Has.Length.EqualTo(120));
    }

    [Test]
    public void A_compressed_error_answer_still_gives_the_typed_error_and_its_detail()
    {
        using var h = new SentryTestHarness();
        h.Mock.When(HttpMethod.Get, ProjectUrl).Respond(_ => Encoded(Compress("""{"detail": "The requested resource does not exist"}"""u8.ToArray(), "br"), "br", HttpStatusCode.NotFound));

        var error = Assert.ThrowsAsync<SentryNotFoundException>(() => h.Client.Organization("acme").Project("backend").GetAsync());

        Assert.That(error!.Detail, Is.EqualTo("The requested resource does not exist"));
    }

    [Test]
    public async Task Through_a_handler_the_user_hands_in_the_call_asks_for_compression_too_and_keeps_identity_answers()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Get, ProjectUrl)
            .With(r => r.Headers.NonValidated.TryGetValues("Accept-Encoding", out var codings) && codings.ToString() == DecodedResponseContent.AcceptEncoding)
            .Respond("application/json", ProjectJson);

        var project = await h.Client.Organization("acme").Project("backend").GetAsync();

        Assert.That(project.Slug, Is.EqualTo("backend"));
        h.Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void A_coding_that_was_not_asked_for_is_left_as_it_came()
    {
        foreach (var coding in new[] { "deflate", "zstd", "gzip, br" })
        {
            using var response = Encoded([1, 2, 3], coding);
            var original = response.Content;

            DecodedResponseContent.Apply(response);

            Assert.That(response.Content, Is.SameAs(original), coding);
        }
    }

    [Test]
    public async Task A_decoded_body_reads_the_same_by_every_path_and_drops_the_compressed_headers()
    {
        var text = Encoding.UTF8.GetBytes(ProjectJson);
        foreach (var coding in new[] { "gzip", "GZIP", "x-gzip", "br" })
        {
            using var response = Encoded(Compress(text, string.Equals(coding, "br", StringComparison.OrdinalIgnoreCase) ? "br" : "gzip"), coding);
            response.Content.Headers.TryAddWithoutValidation("Content-Language", "en");

            DecodedResponseContent.Apply(response);
            var content = response.Content;

            Assert.That(content.Headers.ContentEncoding, Is.Empty, coding);
            Assert.That(content.Headers.ContentLength, Is.Null, coding);
            Assert.That(content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), coding);
            Assert.That(content.Headers.ContentLanguage, Is.EqualTo(new[] { "en" }), coding);
            Assert.That(await content.ReadAsStringAsync(), Is.EqualTo(ProjectJson), coding);
        }

        using var sync = Encoded(Compress(text, "gzip"), "gzip");
        DecodedResponseContent.Apply(sync);
        using var reader = new StreamReader(sync.Content.ReadAsStream());
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(ProjectJson));
    }

    [Test]
    public void A_caller_that_sets_the_codings_itself_keeps_them()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ProjectUrl);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "identity");

        DecodedResponseContent.Accept(request);

        Assert.That(request.Headers.AcceptEncoding.Select(e => e.Value), Is.EqualTo(new[] { "identity" }));
    }

    private static HttpResponseMessage Encoded(byte[] body, string coding, HttpStatusCode status = HttpStatusCode.OK)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.TryAddWithoutValidation("Content-Encoding", coding);
        return new HttpResponseMessage(status) { Content = content };
    }

    private static byte[] Compress(byte[] body, string coding) => CompressingServer.Compress(body, coding);

    /// <summary>The project GET through a client registered with <c>AddSentryManagement</c>, its HTTP client configured by <paramref name="configure"/>.</summary>
    private static async Task<Project> GetThroughDependencyInjectionAsync(CompressingServer server, Action<IHttpClientBuilder> configure)
    {
        var services = new ServiceCollection();
        configure(services.AddSentryManagement(o => { o.BaseUrl = server.Url; o.AuthToken = SentryTestHarness.Token; }).HttpClient);
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<SentryManagementClient>().Organization("acme").Project("backend").GetAsync();
    }

    /// <summary>A user's handler that reads every answer's body, as an audit or logging handler does.</summary>
    private sealed class BodyReadingHandler : DelegatingHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            Bodies.Add(await response.Content.ReadAsStringAsync(cancellationToken));
            return response;
        }
    }
}
