using RichardSzalay.MockHttp;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

public class OrganizationsClientTests
{
    [Test]
    public async Task Get_sends_bearer_token_and_user_agent_and_parses_the_organization()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url("/api/0/organizations/acme/"))
            .WithHeaders("Authorization", "Bearer " + SentryTestHarness.Token)
            .Respond(_ => SentryTestHarness.Json("""
                {"id": 2, "slug": "acme", "name": "Acme", "status": {"id": "active", "name": "active"},
                 "dateCreated": "2018-11-06T21:19:55.101Z", "require2FA": true, "brandNewField": {"x": 1},
                 "links": {"organizationUrl": "https://acme.sentry.io", "regionUrl": "https://us.sentry.io"}}
                """));

        var org = await h.Client.DefaultOrganization.GetAsync();

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(org.Id, Is.EqualTo("2"));
        Assert.That(org.Slug, Is.EqualTo("acme"));
        Assert.That(org.Status!.Id, Is.EqualTo(OrganizationStatus.Active));
        Assert.That(org.Require2FA, Is.True);
        Assert.That(org.Links!.RegionUrl, Is.EqualTo(new Uri("https://us.sentry.io")));
        Assert.That(org.AdditionalProperties!["brandNewField"].GetProperty("x").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Unknown_status_value_reads_and_keeps_its_text()
    {
        using var h = new SentryTestHarness();
        h.Mock.When(SentryTestHarness.Url("/api/0/organizations/acme/"))
            .Respond(_ => SentryTestHarness.Json("""{"slug": "acme", "status": {"id": "frozen_by_future_sentry", "name": "?"}}"""));

        var org = await h.Client.Organization("acme").GetAsync();

        Assert.That(org.Status!.Id.Value, Is.EqualTo("frozen_by_future_sentry"));
        Assert.That(org.Status.Id, Is.Not.EqualTo(OrganizationStatus.Active));
    }
}
