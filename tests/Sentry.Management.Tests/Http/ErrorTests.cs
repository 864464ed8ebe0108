using System.Net;
using Microsoft.Extensions.Logging;
using RichardSzalay.MockHttp;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Http;

public class ErrorTests
{
    private const string OrgUrl = SentryTestHarness.BaseUrl + "/api/0/organizations/acme/";

    [TestCase(HttpStatusCode.NotFound, typeof(SentryNotFoundException))]
    [TestCase(HttpStatusCode.Unauthorized, typeof(SentryAuthorizationException))]
    [TestCase(HttpStatusCode.Forbidden, typeof(SentryAuthorizationException))]
    [TestCase(HttpStatusCode.BadRequest, typeof(SentryValidationException))]
    [TestCase(HttpStatusCode.Conflict, typeof(SentryApiException))]
    public void Status_maps_to_the_typed_exception_with_method_path_and_detail(HttpStatusCode status, Type expected)
    {
        using var h = new SentryTestHarness();
        h.Mock.When(HttpMethod.Get, OrgUrl).Respond(_ =>
        {
            var response = SentryTestHarness.Json("""{"detail": "The requested resource does not exist"}""", status);
            response.Headers.TryAddWithoutValidation("X-Sentry-Request-Id", "req-42");
            return response;
        });

        var ex = Assert.CatchAsync<SentryApiException>(() => h.Client.Organization("acme").GetAsync());

        Assert.That(ex, Is.TypeOf(expected));
        Assert.That(ex!.StatusCode, Is.EqualTo(status));
        Assert.That(ex.Method, Is.EqualTo("GET"));
        Assert.That(ex.Path, Is.EqualTo("/api/0/organizations/acme/"));
        Assert.That(ex.Detail, Is.EqualTo("The requested resource does not exist"));
        Assert.That(ex.RequestId, Is.EqualTo("req-42"));
        Assert.That(ex.Message, Does.Contain("GET /api/0/organizations/acme/").And.Contain(((int)status).ToString()).And.Contain("req-42"));
        if (ex is SentryAuthorizationException auth)
        {
            Assert.That(auth.IsForbidden, Is.EqualTo(status == HttpStatusCode.Forbidden));
        }
    }

    [Test]
    public void Field_errors_of_a_validation_answer_are_exposed_per_field()
    {
        using var h = new SentryTestHarness();
        h.Mock.When(HttpMethod.Post, SentryTestHarness.Url("/api/0/organizations/acme/teams/"))
            .Respond(_ => SentryTestHarness.Json("""{"slug": ["Enter a valid slug.", "Too long."], "name": "This field may not be blank."}""", HttpStatusCode.BadRequest));

        var ex = Assert.ThrowsAsync<SentryValidationException>(() => h.Client.Organization("acme").Teams.CreateAsync("web"));

        Assert.That(ex!.FieldErrors["slug"], Is.EqualTo(new[] { "Enter a valid slug.", "Too long." }));
        Assert.That(ex.FieldErrors["name"], Is.EqualTo(new[] { "This field may not be blank." }));
        Assert.That(ex.Message, Does.Contain("slug: Enter a valid slug."));
    }

    [Test]
    public void Html_error_page_from_a_proxy_gives_a_clear_message_not_a_json_error()
    {
        using var h = new SentryTestHarness(o => o.MaxRetries = 0);
        h.Mock.When(HttpMethod.Get, OrgUrl).Respond(HttpStatusCode.BadGateway, "text/html",
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");

        var ex = Assert.ThrowsAsync<SentryApiException>(() => h.Client.Organization("acme").GetAsync());

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(ex.Message, Does.Contain("not JSON").And.Contain("text/html").And.Contain("proxy"));
        Assert.That(ex.ResponseBody, Does.Contain("nginx"));
        Assert.That(ex.Detail, Is.Null);
    }

    [Test]
    public void Token_never_appears_in_exception_text_even_when_the_server_echoes_it()
    {
        var logs = new ListLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, OrgUrl).Respond(HttpStatusCode.Unauthorized, "application/json",
            $$"""{"detail": "Invalid token: Bearer {{SentryTestHarness.Token}}"}""");
        var options = new SentryManagementOptions { AuthToken = SentryTestHarness.Token, BaseUrl = new Uri(SentryTestHarness.BaseUrl) };
        using var client = new SentryManagementClient(options, mock, loggerFactory: loggerFactory);

        var ex = Assert.ThrowsAsync<SentryAuthorizationException>(() => client.Organization("acme").GetAsync());

        var everything = string.Join("\n", ex!.ToString(), ex.Message, ex.ResponseBody, ex.Detail, options.ToString(), client.Options.ToString(), string.Join("\n", logs.Messages));
        Assert.That(everything, Does.Not.Contain(SentryTestHarness.Token));
        Assert.That(everything, Does.Not.Contain("must-never-leak"));
        Assert.That(ex.Detail, Does.Contain("[redacted]"));
        Assert.That(logs.Messages, Is.Not.Empty, "the failed call should have been logged");
    }

    [Test]
    public async Task Token_is_sent_only_to_the_configured_origin()
    {
        using var h = new SentryTestHarness();
        HttpRequestMessage? foreign = null;
        h.Mock.When("https://elsewhere.example.org/*").Respond(req => { foreign = req; return SentryTestHarness.Json("{}"); });
        var http = new HttpClient(new Sentry.Management.Http.SentryHttpPipeline(h.Options, new SentryRateLimitMonitor(), h.Time, null).CreateHandlers() is var hs ? Chain(hs, h.Mock) : null!);

        using var response = await http.GetAsync(new Uri("https://elsewhere.example.org/steal"));

        Assert.That(foreign, Is.Not.Null);
        Assert.That(foreign!.Headers.Authorization, Is.Null);
    }

    [Test]
    public async Task Token_goes_to_a_region_only_once_it_was_added_and_never_to_another_host()
    {
        using var h = new SentryTestHarness();
        var seen = new List<string>();
        h.Mock.When("*").Respond(req =>
        {
            seen.Add($"{req.RequestUri!.Host} {req.Headers.Authorization?.Parameter ?? "-"}");
            return SentryTestHarness.Json("{}");
        });
        var pipeline = new Sentry.Management.Http.SentryHttpPipeline(h.Options, new SentryRateLimitMonitor(), h.Time, null);
        using var http = new HttpClient(pipeline.CreateHandlerChain(h.Mock), disposeHandler: false);

        (await http.GetAsync(new Uri("https://de.sentry.example.com/api/0/"))).Dispose();
        pipeline.TokenOrigins.Add(new Uri("https://de.sentry.example.com/"));
        (await http.GetAsync(new Uri("https://de.sentry.example.com/api/0/"))).Dispose();
        (await http.GetAsync(new Uri("https://DE.sentry.example.com:443/api/0/"))).Dispose();
        (await http.GetAsync(new Uri("http://de.sentry.example.com/api/0/"))).Dispose();
        (await http.GetAsync(new Uri("https://de.sentry.example.com.evil.example/api/0/"))).Dispose();

        Assert.That(seen, Is.EqualTo(new[]
        {
            "de.sentry.example.com -",
            $"de.sentry.example.com {SentryTestHarness.Token}",
            $"de.sentry.example.com {SentryTestHarness.Token}",
            "de.sentry.example.com -",
            "de.sentry.example.com.evil.example -",
        }));
    }

    private static HttpMessageHandler Chain(IReadOnlyList<DelegatingHandler> handlers, HttpMessageHandler inner)
    {
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }
}
