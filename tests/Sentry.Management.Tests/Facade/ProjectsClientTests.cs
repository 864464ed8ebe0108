using System.Net;
using RichardSzalay.MockHttp;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

public class ProjectsClientTests
{
    private const string ProjectJson = """
        {"id": "4505278496", "slug": "pump-station", "name": "Pump Station", "platform": "python",
         "dateCreated": "2021-01-14T22:08:52.711809Z", "isBookmarked": false, "isMember": true, "status": "active",
         "features": ["alert-filters"], "firstEvent": "2021-01-14T22:08:52.711809Z", "hasAccess": true,
         "team": {"id": "2", "name": "Powerful Abolitionist", "slug": "powerful-abolitionist"},
         "teams": [{"id": "2", "name": "Powerful Abolitionist", "slug": "powerful-abolitionist"}],
         "organization": {"id": "2", "slug": "the-interstellar-jurisdiction", "name": "The Interstellar Jurisdiction"}}
        """;

    [Test]
    public async Task List_gets_the_organization_projects_with_query_and_page_size()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url("/api/0/organizations/acme/projects/"))
            .WithExactQueryString("query=pump&per_page=100")
            .Respond(_ => SentryTestHarness.Json($"[{ProjectJson}]"));

        var projects = await h.Client.Organization("acme").Projects.List("pump").ToListAsync();

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(projects, Has.Count.EqualTo(1));
        Assert.That(projects[0].Teams![0].Slug, Is.EqualTo("powerful-abolitionist"));
        Assert.That(projects[0].Status, Is.EqualTo(ProjectStatus.Active));
    }

    [Test]
    public async Task Get_parses_the_project()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url("/api/0/projects/acme/pump-station/")).WithoutQuery()
            .Respond(_ => SentryTestHarness.Json(ProjectJson));

        var project = await h.Client.Organization("acme").Project("pump-station").GetAsync();

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(project.Id, Is.EqualTo("4505278496"));
        Assert.That(project.Platform, Is.EqualTo("python"));
        Assert.That(project.FirstEvent, Is.EqualTo(DateTimeOffset.Parse("2021-01-14T22:08:52.711809Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(project.Organization!.Slug, Is.EqualTo("the-interstellar-jurisdiction"));
    }

    [Test]
    public async Task Create_posts_under_the_team_with_snake_case_default_rules()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Post, SentryTestHarness.Url("/api/0/teams/acme/backend/projects/"))
            .WithJsonBody("""{"name": "Pump Station", "slug": "pump-station", "platform": "python", "default_rules": false}""")
            .Respond(_ => SentryTestHarness.Json(ProjectJson, HttpStatusCode.Created));

        var project = await h.Client.Organization("acme").Projects.CreateAsync("backend", new ProjectCreate { Name = "Pump Station", Slug = "pump-station", Platform = "python", DefaultRules = false });

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(project.Slug, Is.EqualTo("pump-station"));
    }

    [Test]
    public async Task Update_puts_only_the_set_fields()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Put, SentryTestHarness.Url("/api/0/projects/acme/pump-station/"))
            .WithJsonBody("""{"name": "Pump", "resolveAge": 24, "highlightTags": ["release"]}""")
            .Respond(_ => SentryTestHarness.Json(ProjectJson));

        await h.Client.Organization("acme").Project("pump-station").UpdateAsync(new ProjectUpdate { Name = "Pump", ResolveAge = 24, HighlightTags = ["release"] });

        h.Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Delete_sends_delete_and_accepts_204()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Delete, SentryTestHarness.Url("/api/0/projects/acme/pump-station/")).Respond(HttpStatusCode.NoContent);

        await h.Client.Organization("acme").Project("pump-station").DeleteAsync();

        h.Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Team_access_is_listed_added_and_removed()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url("/api/0/projects/acme/pump-station/teams/"))
            .Respond(_ => SentryTestHarness.Json("""[{"id": "4502349234123", "slug": "ancient-gabelers", "name": "Ancient Gabelers", "memberCount": 3, "flags": {"idp:provisioned": false}}]"""));
        h.Mock.Expect(HttpMethod.Post, SentryTestHarness.Url("/api/0/projects/acme/pump-station/teams/ancient-gabelers/"))
            .Respond(_ => SentryTestHarness.Json(ProjectJson, HttpStatusCode.Created));
        h.Mock.Expect(HttpMethod.Delete, SentryTestHarness.Url("/api/0/projects/acme/pump-station/teams/ancient-gabelers/"))
            .Respond(_ => SentryTestHarness.Json(ProjectJson));

        var teams = await h.Client.Organization("acme").Project("pump-station").Teams.List().ToListAsync();
        await h.Client.Organization("acme").Project("pump-station").Teams.AddAsync("ancient-gabelers");
        await h.Client.Organization("acme").Project("pump-station").Teams.RemoveAsync("ancient-gabelers");

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(teams[0].MemberCount, Is.EqualTo(3));
        Assert.That(teams[0].Flags!["idp:provisioned"], Is.False);
    }

    [TestCase("../admin")]
    [TestCase("acme/other")]
    [TestCase("with space")]
    [TestCase("")]
    public void Invalid_project_slug_is_rejected_before_any_request(string slug)
    {
        using var h = new SentryTestHarness();

        var ex = Assert.Throws<ArgumentException>(() => h.Client.Organization("acme").Project(slug).GetAsync());

        Assert.That(ex!.Message, Does.Contain("project"));
        Assert.That(ex.ParamName, Is.EqualTo("projectSlug"));
    }

    [Test]
    public void Missing_organization_without_a_default_names_the_setting()
    {
        using var h = new SentryTestHarness(o => o.Organization = null);

        var list = Assert.Throws<InvalidOperationException>(() => h.Client.Projects.List());
        var get = Assert.ThrowsAsync<InvalidOperationException>(() => h.Client.Project("backend").GetAsync());

        Assert.That(list!.Message, Does.Contain("SentryManagementOptions.Organization").And.Contain("SENTRY_ORG"));
        Assert.That(get!.Message, Is.EqualTo(list.Message));
    }
}
