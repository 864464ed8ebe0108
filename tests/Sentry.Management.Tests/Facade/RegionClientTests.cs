using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RichardSzalay.MockHttp;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

/// <summary>
/// An organization's data lives in one region of sentry.io: <see cref="SentryManagementClient.ForRegion(Uri)"/> gives a
/// client for it that keeps the root's pipeline (its handler, token, clock, logger, retries) and owns nothing of its own.
/// </summary>
public class RegionClientTests
{
    private const string Region = "https://de.sentry.example.com";

    [Test]
    public async Task A_region_client_sends_to_the_region_with_the_token_through_the_roots_handler()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Get, Region + "/api/0/organizations/acme/")
            .WithHeaders("Authorization", "Bearer " + SentryTestHarness.Token)
            .Respond(_ => SentryTestHarness.Json("""{"slug": "acme", "name": "Acme"}"""));

        var region = h.Client.ForRegion(new Uri(Region + "/some/path"));
        var org = await region.Organization("acme").GetAsync();

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(org.Slug, Is.EqualTo("acme"));
        Assert.That(region.Options.BaseUrl, Is.EqualTo(new Uri(Region + "/")));
        Assert.That(region.Options.Organization, Is.EqualTo("acme"), "the root's settings carry over");
        Assert.That(h.Client.Options.BaseUrl, Is.EqualTo(new Uri(SentryTestHarness.BaseUrl)), "the root keeps its own base URL");
    }

    [Test]
    public void The_same_origin_gives_the_same_client_and_the_roots_origin_gives_the_root()
    {
        using var h = new SentryTestHarness();

        var region = h.Client.ForRegion(new Uri(Region));

        Assert.That(h.Client.ForRegion(new Uri(Region + "/")), Is.SameAs(region));
        Assert.That(h.Client.ForRegion(new Uri(Region.ToUpperInvariant() + ":443/api/")), Is.SameAs(region));
        Assert.That(h.Client.ForRegion(new Uri(SentryTestHarness.BaseUrl + "/x/")), Is.SameAs(h.Client));
        Assert.That(region.ForRegion(new Uri(SentryTestHarness.BaseUrl)), Is.SameAs(h.Client), "a region hands out the root's clients");
        Assert.That(region.ForRegion(new Uri(Region)), Is.SameAs(region));
    }

    [Test]
    public async Task A_region_client_retries_on_the_roots_clock()
    {
        using var h = new SentryTestHarness(o => o.MaxRetries = 1);
        var calls = 0;
        h.Mock.When(HttpMethod.Get, Region + "/api/0/organizations/acme/").Respond(_ => ++calls == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : SentryTestHarness.Json("""{"slug": "acme"}"""));

        var org = await h.RunAsync(h.Client.ForRegion(new Uri(Region)).Organization("acme").GetAsync(), TimeSpan.FromSeconds(1));

        Assert.That(org.Slug, Is.EqualTo("acme"));
        Assert.That(calls, Is.EqualTo(2), "the backoff elapsed on the fake clock, so the region shares the root's TimeProvider");
    }

    [TestCase("ftp://de.sentry.example.com", "absolute https")]
    [TestCase("https://user:hunter2-secret@de.sentry.example.com", "user info")]
    [TestCase("https://de.sentry.example.com/?a=b", "query")]
    [TestCase("http://de.sentry.example.com", "http")]
    public void A_bad_region_url_is_refused_with_what_is_wrong_and_never_its_user_info(string url, string expected)
    {
        using var h = new SentryTestHarness();

        var error = Assert.Throws<ArgumentException>(() => h.Client.ForRegion(new Uri(url)));

        Assert.That(error!.ParamName, Is.EqualTo("regionUrl"));
        Assert.That(error.Message, Does.Contain(expected));
        Assert.That(error.Message, Does.Not.Contain("hunter2"));
        Assert.That(h.Mock.GetMatchCount(h.Mock.When("*")), Is.Zero);
    }

    [Test]
    public void A_relative_region_url_is_refused() =>
        Assert.Throws<ArgumentException>(() => new SentryTestHarness().Client.ForRegion(new Uri("/api/0/", UriKind.Relative)));

    [Test]
    public async Task Http_to_a_region_is_allowed_for_loopback_and_with_the_insecure_option()
    {
        using var h = new SentryTestHarness(o => o.AllowInsecureTransport = true);
        h.Mock.Expect(HttpMethod.Get, "http://region.internal:8080/api/0/organizations/acme/").Respond(_ => SentryTestHarness.Json("""{"slug": "acme"}"""));

        await h.Client.ForRegion(new Uri("http://region.internal:8080")).Organization("acme").GetAsync();
        using var strict = new SentryTestHarness();

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(strict.Client.ForRegion(new Uri("http://127.0.0.1:9000")).Options.BaseUrl, Is.EqualTo(new Uri("http://127.0.0.1:9000/")));
    }

    [Test]
    public async Task Disposing_a_region_client_does_nothing_and_disposing_the_root_disposes_it()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, Region + "/api/0/organizations/acme/").Respond(_ => SentryTestHarness.Json("""{"slug": "acme"}"""));
        var root = new SentryManagementClient(new SentryManagementOptions { AuthToken = SentryTestHarness.Token }, mock);
        var region = root.ForRegion(new Uri(Region));

        region.Dispose();
        var org = await region.Organization("acme").GetAsync();
        root.Dispose();

        Assert.That(org.Slug, Is.EqualTo("acme"));
        Assert.ThrowsAsync<ObjectDisposedException>(() => region.Organization("acme").GetAsync());
        Assert.Throws<ObjectDisposedException>(() => root.ForRegion(new Uri("https://us.sentry.example.com")));
    }

    [Test]
    public async Task A_region_client_logs_to_the_roots_logger_factory()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, Region + "/api/0/organizations/acme/").Respond(_ => SentryTestHarness.Json("""{"slug": "acme"}"""));
        using var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var root = new SentryManagementClient(new SentryManagementOptions { AuthToken = SentryTestHarness.Token }, mock, loggerFactory: factory);

        await root.ForRegion(new Uri(Region)).Organization("acme").GetAsync();

        Assert.That(logs.Messages, Has.Some.Contains("Sentry API GET /api/0/organizations/acme/ -> 200"));
        Assert.That(string.Join("\n", logs.Messages), Does.Not.Contain(SentryTestHarness.Token));
    }

    [Test]
    public async Task With_dependency_injection_a_region_runs_through_the_configured_primary_handler()
    {
        using var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, Region + "/api/0/organizations/acme/")
            .WithHeaders("Authorization", "Bearer " + SentryTestHarness.Token)
            .Respond("application/json", """{"slug": "acme"}""");
        var services = new ServiceCollection();
        services.AddSentryManagement(o => o.AuthToken = SentryTestHarness.Token).HttpClient.ConfigurePrimaryHttpMessageHandler(() => mock);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var org = await provider.GetRequiredService<SentryManagementClient>().ForRegion(new Uri(Region)).Organization("acme").GetAsync();

        mock.VerifyNoOutstandingExpectation();
        Assert.That(org.Slug, Is.EqualTo("acme"));
    }

    [Test]
    public async Task An_organization_on_sentry_io_is_located_once_and_then_called_in_its_region()
    {
        using var mock = new MockHttpMessageHandler();
        var located = mock.Expect(HttpMethod.Get, "https://sentry.io/api/0/organizations/acme/")
            .Respond("application/json", """{"slug": "acme", "links": {"organizationUrl": "https://acme.sentry.io", "regionUrl": "https://de.sentry.io"}}""");
        mock.When(HttpMethod.Get, "https://de.sentry.io/api/0/organizations/acme/projects/")
            .WithHeaders("Authorization", "Bearer " + SentryTestHarness.Token)
            .Respond("application/json", """[{"id": "1", "slug": "api", "name": "api"}]""");
        using var sentry = new SentryManagementClient(new SentryManagementOptions { AuthToken = SentryTestHarness.Token }, mock);

        var acme = await sentry.OrganizationInRegionAsync("acme");
        var again = await sentry.OrganizationInRegionAsync("acme");
        var projects = new List<string>();
        await foreach (var project in acme.Projects.List())
        {
            projects.Add(project.Slug!);
        }

        mock.VerifyNoOutstandingExpectation();
        Assert.That(mock.GetMatchCount(located), Is.EqualTo(1), "the region is read once per slug");
        Assert.That(again, Is.SameAs(acme));
        Assert.That(acme, Is.SameAs(sentry.ForRegion(new Uri("https://de.sentry.io")).Organization("acme")));
        Assert.That(projects, Is.EqualTo(new[] { "api" }));
    }

    [TestCase("https://sentry.example.com", "https://evil.example.org", TestName = "A self-hosted Sentry's region URL is not followed")]
    [TestCase("https://sentry.io", "https://evil.example.org", TestName = "A region off sentry.io is not followed")]
    [TestCase("https://sentry.io", "http://de.sentry.io", TestName = "An http region is not followed")]
    [TestCase("https://sentry.io", "https://acme.de.sentry.io", TestName = "A host two labels under sentry.io is not a region")]
    [TestCase("https://sentry.io", "https://de.sentry.io:8443", TestName = "A region on another port is not followed")]
    public async Task A_region_url_a_server_should_not_send_the_token_to_keeps_the_root(string baseUrl, string regionUrl)
    {
        using var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, baseUrl + "/api/0/organizations/acme/")
            .Respond("application/json", $$$"""{"slug": "acme", "links": {"regionUrl": "{{{regionUrl}}}"}}""");
        using var sentry = new SentryManagementClient(new SentryManagementOptions { AuthToken = SentryTestHarness.Token, BaseUrl = new Uri(baseUrl) }, mock);

        var acme = await sentry.OrganizationInRegionAsync("acme");

        mock.VerifyNoOutstandingExpectation();
        Assert.That(acme, Is.SameAs(sentry.Organization("acme")));
    }

    [Test]
    public async Task An_organization_without_a_region_stays_on_the_root()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url("/api/0/organizations/acme/")).Respond(_ => SentryTestHarness.Json("""{"slug": "acme"}"""));

        var acme = await h.Client.OrganizationInRegionAsync("acme");

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(acme, Is.SameAs(h.Client.Organization("acme")));
        Assert.ThrowsAsync<ArgumentException>(() => h.Client.OrganizationInRegionAsync("Not A Slug!"));
    }
}
