using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Faults;

/// <summary>Our management client's HTTP pipeline against every management fault switch.</summary>
public sealed class PipelineFaultTests : LocalSentryFixture
{
    [Test]
    public async Task Retries_server_errors_and_succeeds()
    {
        Sentry.Faults.Management.ServerError(503, times: 2);
        using var client = Client();

        var organization = await client.DefaultOrganization.GetAsync();

        Assert.That(organization.Slug, Is.EqualTo(Org));
        Assert.That(Sentry.Faults.Management.ToString(), Is.EqualTo("none"), "both failures were consumed by retries");
    }

    [Test]
    public async Task Waits_out_a_short_rate_limit_and_succeeds()
    {
        Sentry.Faults.Management.RateLimit(TimeSpan.FromSeconds(1), times: 1);
        using var client = Client();

        var organization = await client.DefaultOrganization.GetAsync();

        Assert.That(organization.Slug, Is.EqualTo(Org));
    }

    [Test]
    public void Surfaces_a_long_rate_limit_as_SentryRateLimitedException()
    {
        Sentry.Faults.Management.RateLimit(TimeSpan.FromMinutes(10));
        using var client = Client(o => o.MaxRateLimitWait = TimeSpan.FromSeconds(1));

        Assert.ThrowsAsync<SentryRateLimitedException>(() => client.DefaultOrganization.GetAsync());
    }

    [Test]
    public async Task Retries_a_dropped_connection_of_a_read()
    {
        Sentry.Faults.Management.DropConnections(times: 1);
        using var client = Client();

        var organization = await client.DefaultOrganization.GetAsync();

        Assert.That(organization.Slug, Is.EqualTo(Org));
    }

    [Test]
    public void Gives_up_on_slow_responses_after_the_attempt_timeout()
    {
        Sentry.Faults.Management.Delay(TimeSpan.FromSeconds(2));
        using var client = Client(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 0;
        });

        Assert.ThrowsAsync<TimeoutException>(() => client.DefaultOrganization.GetAsync());
    }

    [Test]
    public async Task Stays_within_the_concurrency_and_per_second_limits()
    {
        Sentry.Faults.Management.Delay(TimeSpan.FromMilliseconds(20)).Limit(concurrent: 2, perSecond: 20);
        using var client = Client();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.DefaultOrganization.GetAsync()));

        Assert.That(results.Select(o => o.Slug), Has.All.EqualTo(Org));
    }

    private SentryManagementClient Client(Action<SentryManagementOptions>? configure = null) => ManagementClients.For(Sentry, options =>
    {
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        options.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
        configure?.Invoke(options);
    });
}
