using Microsoft.Extensions.DependencyInjection;
using Sentry.Management.Api;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.DependencyInjection;

/// <summary>
/// Each area listed in <see cref="SentryAreas"/> (the one list of areas): its Refit interface resolves from dependency
/// injection and <see cref="SentryRefit"/> creates it; and the list names every Refit interface of the library, so a
/// new area fails here until it has its line.
/// </summary>
public class AreaRegistrationTests
{
    private static IEnumerable<string> AreaNames() => SentryAreas.All.Select(a => a.Api.Name);

    [TestCaseSource(nameof(AreaNames))]
    public void Dependency_injection_provides_the_refit_interface(string name)
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

        Assert.That(provider.GetRequiredService(area.Api), Is.InstanceOf(area.Api));
    }

    [TestCaseSource(nameof(AreaNames))]
    public void SentryRefit_creates_the_area_interface(string name)
    {
        var area = Find(name);
        using var http = new HttpClient { BaseAddress = new Uri(SentryTestHarness.BaseUrl) };

        Assert.That(area.Create(http), Is.InstanceOf(area.Api));
    }

    [Test]
    public void Every_refit_interface_of_the_library_is_listed_once()
    {
        var apis = typeof(SentryRefit).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && t.Namespace == typeof(SentryRefit).Namespace && t.Name.EndsWith("Api", StringComparison.Ordinal));

        Assert.That(SentryAreas.All.Select(a => a.Api), Is.EquivalentTo(apis));
    }

    [Test]
    public void SentryRefit_refuses_an_interface_that_is_not_an_area()
    {
        using var http = new HttpClient { BaseAddress = new Uri(SentryTestHarness.BaseUrl) };

        var error = Assert.Throws<ArgumentException>(() => SentryRefit.Create<IDisposable>(http));
        Assert.That(error!.Message, Does.Contain("IDisposable"));
    }

    [Test]
    public void The_client_hands_out_one_organization_client_per_slug_and_one_project_client_per_slug()
    {
        using var h = new SentryTestHarness();

        var acme = h.Client.Organization("acme");
        var backend = acme.Project("backend");

        Assert.That(h.Client.Organization("acme"), Is.SameAs(acme));
        Assert.That(h.Client.Organization("other"), Is.Not.SameAs(acme));
        Assert.That(acme.Project("backend"), Is.SameAs(backend));
        Assert.That(h.Client.Projects, Is.SameAs(h.Client.DefaultOrganization.Projects));
    }

    private static SentryArea Find(string name) => SentryAreas.All.Single(a => a.Api.Name == name);
}
