using RichardSzalay.MockHttp;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

/// <summary><see cref="SentryManagementClient.Options"/> shows the settings in effect; writing to it changes none of them.</summary>
public class ClientOptionsTests
{
    [Test]
    public async Task Changing_the_options_read_from_a_client_changes_neither_its_calls_nor_what_it_reports()
    {
        using var h = new SentryTestHarness(o => o.MaxRetries = 0);
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url("/api/0/organizations/acme/"))
            .WithHeaders("Authorization", "Bearer " + SentryTestHarness.Token)
            .Respond(_ => SentryTestHarness.Json("""{"slug": "acme"}"""));

        var seen = h.Client.Options;
        seen.AuthToken = "changed-token-value";
        seen.BaseUrl = new Uri("https://elsewhere.example.org");
        seen.Organization = "other";
        seen.Timeout = TimeSpan.FromMilliseconds(1);
        var org = await h.Client.DefaultOrganization.GetAsync();

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(org.Slug, Is.EqualTo("acme"));
        Assert.That(h.Client.Options, Is.Not.SameAs(seen));
        Assert.That((h.Client.Options.BaseUrl, h.Client.Options.Organization, h.Client.Options.Timeout), Is.EqualTo((new Uri(SentryTestHarness.BaseUrl), "acme", new SentryManagementOptions().Timeout)));
    }
}
