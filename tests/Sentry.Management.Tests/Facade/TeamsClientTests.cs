using System.Net;
using RichardSzalay.MockHttp;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

public class TeamsClientTests
{
    private const string TeamJson = """
        {"id": "5151492858", "slug": "ancient-gabelers", "name": "Ancient Gabelers", "dateCreated": "2021-06-12T23:38:54.168307Z",
         "isMember": true, "teamRole": "admin", "flags": {"idp:provisioned": false}, "access": ["team:admin"], "hasAccess": true,
         "isPending": false, "memberCount": 1, "avatar": {"avatarType": "letter_avatar", "avatarUuid": null, "avatarUrl": null}}
        """;

    [Test]
    public async Task List_uses_the_organization_teams_endpoint()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url("/api/0/organizations/acme/teams/")).WithExactQueryString("per_page=100")
            .Respond(_ => SentryTestHarness.Json($"[{TeamJson}]"));

        var teams = await h.Client.Teams.List().ToListAsync();

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(teams[0].TeamRole, Is.EqualTo("admin"));
        Assert.That(teams[0].Avatar!.AvatarType, Is.EqualTo("letter_avatar"));
    }

    [Test]
    public async Task Get_create_update_delete_and_projects()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url("/api/0/teams/acme/ancient-gabelers/")).Respond(_ => SentryTestHarness.Json(TeamJson));
        h.Mock.Expect(HttpMethod.Post, SentryTestHarness.Url("/api/0/organizations/acme/teams/"))
            .WithJsonBody("""{"slug": "ancient-gabelers", "name": "Ancient Gabelers"}""").Respond(_ => SentryTestHarness.Json(TeamJson, HttpStatusCode.Created));
        h.Mock.Expect(HttpMethod.Put, SentryTestHarness.Url("/api/0/teams/acme/ancient-gabelers/"))
            .WithJsonBody("""{"slug": "gabelers"}""").Respond(_ => SentryTestHarness.Json(TeamJson));
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url("/api/0/teams/acme/ancient-gabelers/projects/"))
            .Respond(_ => SentryTestHarness.Json("""[{"id": "6758470122493650", "slug": "the-spoiled-yoghurt"}]"""));
        h.Mock.Expect(HttpMethod.Delete, SentryTestHarness.Url("/api/0/teams/acme/ancient-gabelers/")).Respond(HttpStatusCode.NoContent);

        var team = await h.Client.Organization("acme").Teams.GetAsync("ancient-gabelers");
        var created = await h.Client.Organization("acme").Teams.CreateAsync("ancient-gabelers", "Ancient Gabelers");
        await h.Client.Organization("acme").Teams.UpdateAsync("ancient-gabelers", "gabelers");
        var projects = await h.Client.Organization("acme").Teams.ListProjects("ancient-gabelers").ToListAsync();
        await h.Client.Organization("acme").Teams.DeleteAsync("ancient-gabelers");

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(team.Id, Is.EqualTo("5151492858"));
        Assert.That(created.MemberCount, Is.EqualTo(1));
        Assert.That(projects[0].Slug, Is.EqualTo("the-spoiled-yoghurt"));
    }
}
