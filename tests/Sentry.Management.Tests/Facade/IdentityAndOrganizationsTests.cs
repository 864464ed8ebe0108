using System.Net;
using RichardSzalay.MockHttp;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

public class IdentityAndOrganizationsTests
{
    [Test]
    public async Task Organizations_list_sends_query_owner_and_page_size()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url("/api/0/organizations/")).WithExactQueryString("query=acme&owner=true&per_page=100")
            .Respond(_ => SentryTestHarness.Json("""[{"id": "2", "slug": "acme", "name": "Acme", "features": ["session-replay-video"]}]"""));

        var orgs = await h.Client.Organizations.List("acme", owner: true).ToListAsync();

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(orgs[0].Features, Does.Contain("session-replay-video"));
    }

    [Test]
    public async Task Organization_update_puts_the_changed_settings()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Put, SentryTestHarness.Url("/api/0/organizations/acme/"))
            .WithJsonBody("""{"name": "Acme Inc", "require2FA": true, "scrubIPAddresses": true, "sensitiveFields": ["ssn"]}""")
            .Respond(_ => SentryTestHarness.Json("""{"slug": "acme", "name": "Acme Inc", "require2FA": true}"""));

        var org = await h.Client.Organization("acme").UpdateAsync(new OrganizationUpdate { Name = "Acme Inc", Require2FA = true, ScrubIPAddresses = true, SensitiveFields = ["ssn"] });

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(org.Name, Is.EqualTo("Acme Inc"));
    }

    [Test]
    public async Task Identity_check_reports_user_scopes_and_organization_reach()
    {
        using var h = new SentryTestHarness();
        h.Mock.When(HttpMethod.Get, SentryTestHarness.Url("/api/0/"))
            .Respond(_ => SentryTestHarness.Json("""{"version": "0", "auth": {"scopes": ["org:read", "project:releases"]}, "user": {"id": "1", "name": "Jane", "email": "jane@example.com"}}"""));
        h.Mock.When(HttpMethod.Get, SentryTestHarness.Url("/api/0/organizations/acme/")).WithExactQueryString("detailed=0")
            .Respond(_ => SentryTestHarness.Json("""{"slug": "acme", "name": "Acme"}"""));
        h.Mock.When(HttpMethod.Get, SentryTestHarness.Url("/api/0/organizations/other/"))
            .Respond(HttpStatusCode.Forbidden, "application/json", """{"detail": "You do not have permission to perform this action."}""");

        var ok = await h.Client.Identity.CheckAsync();
        var denied = await h.Client.Organization("other").CheckAccessAsync();

        Assert.That(ok.User!.Name, Is.EqualTo("Jane"));
        Assert.That(ok.Scopes, Does.Contain("project:releases"));
        Assert.That(ok.CanReachOrganization, Is.True);
        Assert.That(denied.CanReachOrganization, Is.False);
        Assert.That(denied.OrganizationError, Does.Contain("permission"));
    }

    [Test]
    public void Identity_check_with_a_bad_token_throws_unauthorized()
    {
        using var h = new SentryTestHarness();
        h.Mock.When(HttpMethod.Get, SentryTestHarness.Url("/api/0/"))
            .Respond(HttpStatusCode.Unauthorized, "application/json", """{"detail": "Invalid token"}""");

        var ex = Assert.ThrowsAsync<SentryAuthorizationException>(() => h.Client.Identity.CheckAsync());

        Assert.That(ex!.IsForbidden, Is.False);
    }
}
