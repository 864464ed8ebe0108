using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Sentry.Management.Api;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.DependencyInjection;

/// <summary>
/// Each area of <see cref="SentryManagementClient"/>: its client and Refit interface resolve from dependency injection,
/// <see cref="SentryRefit"/> creates the interface, and the client creates the area once. A new area is one line in
/// <see cref="Areas"/>; the last two tests fail until it is there.
/// </summary>
public class AreaRegistrationTests
{
    private static readonly Area[] Areas =
    [
        Area.Of<OrganizationsClient, IOrganizationsApi>(c => c.Organizations),
        Area.Of<ProjectsClient, IProjectsApi>(c => c.Projects),
        Area.Of<TeamsClient, ITeamsApi>(c => c.Teams),
        Area.Of<ProjectKeysClient, IProjectKeysApi>(c => c.ProjectKeys),
        Area.Of<IdentityClient, IIdentityApi>(c => c.Identity),
        Area.Of<IssuesClient, IIssuesApi>(c => c.Issues),
        Area.Of<EventsClient, IEventsApi>(c => c.Events),
        Area.Of<AlertsClient, IAlertsApi>(c => c.Alerts),
        Area.Of<ReleasesClient, IReleasesApi>(c => c.Releases),
        Area.Of<StatsClient, IStatsApi>(c => c.Stats),
        Area.Of<SessionsClient, ISessionsApi>(c => c.Sessions),
    ];

    private static IEnumerable<string> AreaNames() => Areas.Select(a => a.Name);

    [TestCaseSource(nameof(AreaNames))]
    public void Dependency_injection_provides_the_area_client_and_its_refit_interface(string name)
    {
        var area = Find(name);
        var services = new ServiceCollection();
        services.AddSentryManagement(o =>
        {
            o.AuthToken = SentryTestHarness.Token;
            o.BaseUrl = new Uri(SentryTestHarness.BaseUrl);
            o.Organization = "acme";
        });
        using var provider = services.BuildServiceProvider();

        var root = provider.GetRequiredService<SentryManagementClient>();
        Assert.That(provider.GetRequiredService(area.Client), Is.SameAs(area.Property(root)));
        Assert.That(provider.GetRequiredService(area.Api), Is.Not.Null);
    }

    [TestCaseSource(nameof(AreaNames))]
    public void SentryRefit_creates_the_area_interface(string name)
    {
        var area = Find(name);
        using var http = new HttpClient { BaseAddress = new Uri(SentryTestHarness.BaseUrl) };

        Assert.That(area.CreateRefit(http), Is.Not.Null);
    }

    [TestCaseSource(nameof(AreaNames))]
    public void The_client_creates_the_area_once(string name)
    {
        var area = Find(name);
        using var h = new SentryTestHarness();

        var first = area.Property(h.Client);

        Assert.That(area.Property(h.Client), Is.SameAs(first));
    }

    [Test]
    public void Every_area_client_of_SentryManagementClient_is_listed()
    {
        var clients = typeof(SentryManagementClient).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.PropertyType)
            .Where(t => t.Namespace == typeof(SentryManagementClient).Namespace && t.Name.EndsWith("Client", StringComparison.Ordinal));

        Assert.That(Areas.Select(a => a.Client), Is.EquivalentTo(clients));
    }

    [Test]
    public void Every_refit_interface_of_the_library_is_listed()
    {
        var apis = typeof(SentryRefit).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && t.Namespace?.StartsWith(typeof(SentryRefit).Namespace!, StringComparison.Ordinal) == true && t.Name.EndsWith("Api", StringComparison.Ordinal));

        Assert.That(Areas.Select(a => a.Api), Is.EquivalentTo(apis));
    }

    private static Area Find(string name) => Areas.Single(a => a.Name == name);

    /// <summary>One area: its name, client type, Refit interface, the property exposing it and the Refit factory for it.</summary>
    private sealed record Area(string Name, Type Client, Type Api, Func<SentryManagementClient, object> Property, Func<HttpClient, object> CreateRefit)
    {
        internal static Area Of<TClient, TApi>(Func<SentryManagementClient, TClient> property)
            where TClient : class
            where TApi : class =>
            new(typeof(TClient).Name[..^"Client".Length], typeof(TClient), typeof(TApi), property, http => SentryRefit.Create<TApi>(http));
    }
}
