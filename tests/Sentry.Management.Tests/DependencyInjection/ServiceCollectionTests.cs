using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;
using Sentry.Management.Api;

namespace Sentry.Management.Tests.DependencyInjection;

public class ServiceCollectionTests
{
    [Test]
    public async Task Options_bind_from_a_configuration_section_and_calls_go_through_the_pipeline()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sentry:authToken"] = "sntrys_from_config",
            ["Sentry:url"] = "https://self-hosted.example.com/sentry/",
            ["Sentry:organization"] = "acme",
            ["Sentry:management:maxRetries"] = "5",
            ["Sentry:management:timeout"] = "00:00:42",
        }).Build();
        using var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, "https://self-hosted.example.com/sentry/api/0/organizations/acme/")
            .WithHeaders("Authorization", "Bearer sntrys_from_config")
            .Respond("application/json", """{"slug": "acme"}""");
        var services = new ServiceCollection();
        var builder = services.AddSentryManagement(config.GetSection("Sentry"));
        builder.HttpClient.ConfigurePrimaryHttpMessageHandler(() => mock);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var options = provider.GetRequiredService<IOptions<SentryManagementOptions>>().Value;
        var org = await provider.GetRequiredService<OrganizationClient>().GetAsync();

        mock.VerifyNoOutstandingExpectation();
        Assert.That(org.Slug, Is.EqualTo("acme"));
        Assert.That(options.MaxRetries, Is.EqualTo(5));
        Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(42)));
    }

    [Test]
    public async Task Refit_interfaces_resolve_and_share_the_pipeline_and_the_rate_limit_monitor()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("https://sentry.io/api/0/organizations/acme/").Respond(_ =>
        {
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("""{"slug": "acme"}""") };
            response.Headers.TryAddWithoutValidation("X-Sentry-Rate-Limit-Remaining", "17");
            return response;
        });
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddSentryManagement(o => o.AuthToken = "sntrys_x").HttpClient.ConfigurePrimaryHttpMessageHandler(() => mock);
        await using var provider = services.BuildServiceProvider();

        var api = provider.GetRequiredService<IOrganizationsApi>();
        await api.GetAsync("acme");

        Assert.That(provider.GetRequiredService<SentryManagementClient>().RateLimits.Current!.Remaining, Is.EqualTo(17));
        Assert.That(provider.GetRequiredService<SentryRateLimitMonitor>(), Is.SameAs(provider.GetRequiredService<SentryManagementClient>().RateLimits));
    }

    [Test]
    public void Invalid_options_fail_with_every_problem_named()
    {
        var services = new ServiceCollection();
        services.AddSentryManagement(o => o.BaseUrl = new Uri("http://insecure.example.com"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<SentryManagementClient>());

        Assert.That(ex!.Message, Does.Contain("AuthToken").And.Contain("AllowInsecureTransport"));
    }

    [Test]
    public async Task User_handlers_chained_on_the_builder_run_once_per_attempt_inside_the_retries()
    {
        var attempts = 0;
        using var mock = new MockHttpMessageHandler();
        mock.When("https://sentry.io/api/0/organizations/acme/").Respond(_ => ++attempts == 1
            ? new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway)
            : new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("""{"slug": "acme"}""") });
        var seen = new CountingHandler();
        var services = new ServiceCollection();
        services.AddSentryManagement(o => { o.AuthToken = "sntrys_x"; o.RetryBaseDelay = TimeSpan.FromMilliseconds(1); })
            .HttpClient.AddHttpMessageHandler(() => seen).ConfigurePrimaryHttpMessageHandler(() => mock);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<SentryManagementClient>().Organization("acme").GetAsync();

        Assert.That(seen.Count, Is.EqualTo(2));
        Assert.That(seen.SawAuthorization, Is.True, "auth is added inside, before user handlers see the request");
    }

    [Test]
    public async Task Adding_twice_combines_the_options_without_doubling_the_pipeline()
    {
        var attempts = 0;
        using var mock = new MockHttpMessageHandler();
        mock.When("https://sentry.io/api/0/organizations/acme/").Respond(_ =>
        {
            attempts++;
            return new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway);
        });
        var services = new ServiceCollection();
        services.AddSentryManagement(o => o.AuthToken = "sntrys_x");
        services.AddSentryManagement(o => { o.MaxRetries = 1; o.RetryBaseDelay = TimeSpan.FromMilliseconds(1); })
            .HttpClient.ConfigurePrimaryHttpMessageHandler(() => mock);
        await using var provider = services.BuildServiceProvider();

        Assert.ThrowsAsync<SentryApiException>(() => provider.GetRequiredService<SentryManagementClient>().Organization("acme").GetAsync());

        Assert.That(attempts, Is.EqualTo(2), "one retry, from one resilience handler");
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        internal int Count;
        internal bool SawAuthorization;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Count++;
            SawAuthorization = request.Headers.Authorization is not null;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
