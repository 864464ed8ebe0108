using Microsoft.Extensions.DependencyInjection;
using Sentry.Management.Api;
using Sentry.Management.Api.Releases;
using Sentry.Management.Api.Sessions;
using Sentry.Management.Api.Stats;
using Sentry.Management.Clients;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Clients;

public class ReleasesStatsRegistrationTests
{
    [Test]
    public void Dependency_injection_registers_the_area_clients_and_refit_interfaces()
    {
        var services = new ServiceCollection();
        services.AddSentryManagement(o =>
        {
            o.AuthToken = SentryTestHarness.Token;
            o.Organization = "acme";
        });
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<SentryManagementClient>();
        Assert.That(provider.GetRequiredService<ReleasesClient>(), Is.SameAs(client.Releases));
        Assert.That(provider.GetRequiredService<StatsClient>(), Is.SameAs(client.Stats));
        Assert.That(provider.GetRequiredService<SessionsClient>(), Is.SameAs(client.Sessions));
        Assert.That(provider.GetRequiredService<IReleasesApi>(), Is.Not.Null);
        Assert.That(provider.GetRequiredService<IStatsApi>(), Is.Not.Null);
        Assert.That(provider.GetRequiredService<ISessionsApi>(), Is.Not.Null);
    }

    [Test]
    public void SentryRefit_creates_the_interfaces()
    {
        using var http = new HttpClient { BaseAddress = new Uri(SentryTestHarness.BaseUrl) };

        Assert.That(SentryRefit.Create<IReleasesApi>(http), Is.Not.Null);
        Assert.That(SentryRefit.Create<IStatsApi>(http), Is.Not.Null);
        Assert.That(SentryRefit.Create<ISessionsApi>(http), Is.Not.Null);
    }

    [Test]
    public void The_client_creates_each_area_once()
    {
        using var h = new SentryTestHarness();

        var (releases, stats, sessions) = (h.Client.Releases, h.Client.Stats, h.Client.Sessions);

        Assert.That(h.Client.Releases, Is.SameAs(releases));
        Assert.That(h.Client.Stats, Is.SameAs(stats));
        Assert.That(h.Client.Sessions, Is.SameAs(sessions));
    }
}
