using System.Net;
using RichardSzalay.MockHttp;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

/// <summary>The facade over members, integrations, the events table and issue notes.</summary>
public class MembersIntegrationsDiscoverClientTests
{
    [Test]
    public async Task Finding_a_member_reads_pages_until_the_email_or_username_matches()
    {
        using var h = new SentryTestHarness();
        var path = "/api/0/organizations/acme/members/";
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url(path)).WithoutQuery()
            .Respond(_ => SentryTestHarness.Json("""[{"id": "1", "email": "ann@example.com", "user": {"id": "10", "username": "ann"}}]""", link: SentryTestHarness.Link(path, "0:100:0", hasNext: true)));
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url(path)).WithExactQueryString("cursor=0:100:0")
            .Respond(_ => SentryTestHarness.Json("""[{"id": "2", "email": "bob@example.com", "user": {"id": "11", "username": "bobby", "email": "bob@example.com"}}]""", link: SentryTestHarness.Link(path, "0:200:0", hasNext: false)));

        var bob = await h.Client.Organization("acme").Members.FindAsync("BOBBY");

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(bob!.Id, Is.EqualTo("2"));
    }

    [Test]
    public async Task An_unknown_member_is_null_not_an_exception()
    {
        using var h = new SentryTestHarness();
        h.Mock.When(HttpMethod.Get, SentryTestHarness.Url("/api/0/organizations/acme/members/")).Respond(_ => SentryTestHarness.Json("""[{"id": "1", "email": "ann@example.com"}]"""));

        Assert.That(await h.Client.Organization("acme").Members.FindAsync("nobody@example.com"), Is.Null);
    }

    [TestCase(HttpStatusCode.Created, TeamMembershipChange.Added)]
    [TestCase(HttpStatusCode.Accepted, TeamMembershipChange.Requested)]
    [TestCase(HttpStatusCode.NoContent, TeamMembershipChange.AlreadyMember)]
    public async Task Adding_to_a_team_says_what_Sentry_did(HttpStatusCode status, TeamMembershipChange expected)
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Post, SentryTestHarness.Url("/api/0/organizations/acme/members/42/teams/backend/"))
            .Respond(_ => status == HttpStatusCode.Created ? SentryTestHarness.Json("""{"id": "3", "slug": "backend"}""", status) : new HttpResponseMessage(status));

        var change = await h.Client.Organization("acme").Members.AddToTeamAsync("42", "backend");

        Assert.That(change, Is.EqualTo(expected));
    }

    [Test]
    public async Task A_slack_workspace_is_found_by_name_or_domain()
    {
        using var h = new SentryTestHarness();
        h.Mock.When(HttpMethod.Get, SentryTestHarness.Url("/api/0/organizations/acme/integrations/")).WithExactQueryString("providerKey=slack")
            .Respond(_ => SentryTestHarness.Json("""[{"id": 24, "name": "Acme HQ", "domainName": "acme-hq.slack.com", "provider": {"key": "slack", "name": "Slack", "features": ["alert-rule"]}, "status": "active"}]"""));

        var byName = await h.Client.Organization("acme").Integrations.FindAsync("slack", "acme hq");
        var byDomain = await h.Client.Organization("acme").Integrations.FindAsync("slack", "acme-hq.slack.com");
        var missing = await h.Client.Organization("acme").Integrations.FindAsync("slack", "other");

        Assert.That(byName!.Id, Is.EqualTo("24"));
        Assert.That(byDomain!.Provider!.Features, Does.Contain("alert-rule"));
        Assert.That(missing, Is.Null);
    }

    [Test]
    public async Task Discover_pages_follow_the_cursor_and_stop_on_the_last_page()
    {
        using var h = new SentryTestHarness();
        var path = "/api/0/organizations/acme/events/";
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url(path)).WithExactQueryString("field=release&field=count%28%29&dataset=errors&per_page=2&sort=-count%28%29")
            .Respond(_ => SentryTestHarness.Json("""{"data": [{"release": "1.0", "count()": 5}, {"release": "1.1", "count()": 3}], "meta": {"fields": {"count()": "integer"}}}""", link: SentryTestHarness.Link(path, "0:2:0", hasNext: true)));
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url(path)).WithExactQueryString("field=release&field=count%28%29&dataset=errors&per_page=2&sort=-count%28%29&cursor=0:2:0")
            .Respond(_ => SentryTestHarness.Json("""{"data": [{"release": "1.2", "count()": 1}], "meta": {}}""", link: SentryTestHarness.Link(path, "0:4:0", hasNext: false)));

        var rows = new List<string?>();
        await foreach (var row in h.Client.Organization("acme").Discover.QueryAllAsync(new DiscoverQuery { Fields = ["release", "count()"], PerPage = 2, Sort = "-count()" }))
        {
            rows.Add(row["release"].GetString());
        }

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(rows, Is.EqualTo(new[] { "1.0", "1.1", "1.2" }));
    }

    [Test]
    public void A_discover_query_that_Sentry_would_reject_fails_before_any_request_naming_the_problem()
    {
        using var h = new SentryTestHarness();
        var discover = h.Client.Organization("acme").Discover;

        var noFields = Assert.ThrowsAsync<ArgumentException>(() => discover.QueryAsync(new DiscoverQuery { Fields = [] }));
        var badSort = Assert.ThrowsAsync<ArgumentException>(() => discover.QueryAsync(new DiscoverQuery { Fields = ["title"], Sort = "-count()" }));
        var both = Assert.ThrowsAsync<ArgumentException>(() => discover.QueryAsync(new DiscoverQuery { Fields = ["title"], StatsPeriod = "24h", Start = h.Time.GetUtcNow() }));

        Assert.That(noFields!.Message, Does.Contain("at least one field"));
        Assert.That(badSort!.Message, Does.Contain("-count()").And.Contain("not one of the query's fields"));
        Assert.That(both!.Message, Does.Contain("StatsPeriod"));
        Assert.That(h.Mock.GetMatchCount(h.Mock.Fallback), Is.Zero);
    }

    [Test]
    public async Task Notes_are_added_and_listed_on_the_issue()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Post, SentryTestHarness.Url("/api/0/organizations/acme/issues/123/notes/"))
            .WithJsonBody("""{"text": "Deployed a fix"}""").Respond(_ => SentryTestHarness.Json("""{"id": "9", "type": "note", "data": {"text": "Deployed a fix"}}""", HttpStatusCode.Created));
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url("/api/0/organizations/acme/issues/123/notes/"))
            .Respond(_ => SentryTestHarness.Json("""[{"id": "9", "type": "note", "data": {"text": "Deployed a fix"}}]"""));

        var note = await h.Client.Organization("acme").Issues.AddNoteAsync("123", "Deployed a fix");
        var notes = await h.Client.Organization("acme").Issues.ListNotes("123").ToListAsync();

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(note.Id, Is.EqualTo("9"));
        Assert.That(notes.Single().Data!.Value.GetProperty("text").GetString(), Is.EqualTo("Deployed a fix"));
    }
}
