using Microsoft.Extensions.DependencyInjection;
using Sentry.Management.Api;
using Sentry.Management.Api.Alerts;
using Sentry.Management.Api.Events;
using Sentry.Management.Api.Issues;
using Sentry.Management.Clients;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Clients;

public class IssueAlertRegistrationTests
{
    [Test]
    public void Dependency_injection_provides_the_issue_event_and_alert_clients_and_apis()
    {
        var services = new ServiceCollection();
        services.AddSentryManagement(o =>
        {
            o.AuthToken = SentryTestHarness.Token;
            o.BaseUrl = new Uri(SentryTestHarness.BaseUrl);
            o.Organization = "acme";
        });
        using var provider = services.BuildServiceProvider();

        var root = provider.GetRequiredService<SentryManagementClient>();
        Assert.That(provider.GetRequiredService<IssuesClient>(), Is.SameAs(root.Issues));
        Assert.That(provider.GetRequiredService<EventsClient>(), Is.SameAs(root.Events));
        Assert.That(provider.GetRequiredService<AlertsClient>(), Is.SameAs(root.Alerts));
        Assert.That(provider.GetRequiredService<IIssuesApi>(), Is.Not.Null);
        Assert.That(provider.GetRequiredService<IEventsApi>(), Is.Not.Null);
        Assert.That(provider.GetRequiredService<IAlertsApi>(), Is.Not.Null);
    }

    [Test]
    public void SentryRefit_creates_the_new_interfaces()
    {
        using var http = new HttpClient { BaseAddress = new Uri(SentryTestHarness.BaseUrl) };
        Assert.That(SentryRefit.Create<IIssuesApi>(http), Is.Not.Null);
        Assert.That(SentryRefit.Create<IEventsApi>(http), Is.Not.Null);
        Assert.That(SentryRefit.Create<IAlertsApi>(http), Is.Not.Null);
    }

    [Test]
    public void Area_clients_are_created_once()
    {
        using var h = new SentryTestHarness();
        var (issues, events, alerts) = (h.Client.Issues, h.Client.Events, h.Client.Alerts);
        Assert.That(h.Client.Issues, Is.SameAs(issues));
        Assert.That(h.Client.Events, Is.SameAs(events));
        Assert.That(h.Client.Alerts, Is.SameAs(alerts));
    }
}
