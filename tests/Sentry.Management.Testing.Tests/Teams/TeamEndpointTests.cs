using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Teams;

public sealed class TeamEndpointTests
{
    [Test]
    public async Task A_new_organization_has_its_default_team_owning_the_project()
    {
        await using var sentry = await LocalSentry.StartAsync(new LocalSentryOptions { Organization = "acme" });
        using var http = new LocalSentryHttp(sentry);

        var teams = await http.GetJsonAsync("/api/0/organizations/acme/teams/");
        var project = await http.GetJsonAsync($"/api/0/projects/acme/{sentry.Project.Slug}/");

        Assert.Multiple(() =>
        {
            Assert.That(teams.EnumerateArray().Select(t => t.GetProperty("slug").GetString()), Is.EqualTo(new[] { "acme" }));
            Assert.That(teams[0].GetProperty("isMember").GetBoolean(), Is.True);
            Assert.That(teams[0].GetProperty("projects")[0].GetProperty("slug").GetString(), Is.EqualTo(sentry.Project.Slug));
            Assert.That(project.GetProperty("teams")[0].GetProperty("slug").GetString(), Is.EqualTo("acme"));
        });
    }

    [Test]
    public async Task Create_get_update_and_delete_a_team()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);

        var created = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/teams/", """{"name":"Platform Team"}""");
        var duplicate = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/teams/", """{"slug":"platform-team"}""");
        var empty = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/teams/", "{}");
        var invalid = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/teams/", """{"slug":"Not A Slug"}""");
        var renamed = await http.SendJsonAsync(HttpMethod.Put, "/api/0/teams/local/platform-team/", """{"slug":"platform","name":"Platform"}""");
        var byNewSlug = await http.GetJsonAsync("/api/0/teams/local/platform/");
        var oldSlug = await http.SendJsonAsync(HttpMethod.Get, "/api/0/teams/local/platform-team/");
        var deleted = await http.SendJsonAsync(HttpMethod.Delete, "/api/0/teams/local/platform/");
        var gone = await http.SendJsonAsync(HttpMethod.Get, "/api/0/teams/local/platform/");

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(201));
            Assert.That(created.Body.GetProperty("slug").GetString(), Is.EqualTo("platform-team"), "the slug is derived from the name");
            Assert.That(created.Body.GetProperty("teamRole").GetString(), Is.EqualTo("admin"), "the creator joins as team admin");
            Assert.That(duplicate.Status, Is.EqualTo(409));
            Assert.That(duplicate.Body.GetProperty("detail").GetString(), Is.EqualTo("A team with this slug already exists."));
            Assert.That(empty.Status, Is.EqualTo(400));
            Assert.That(empty.Body.GetProperty("non_field_errors")[0].GetString(), Is.EqualTo("A name or slug is required"));
            Assert.That(invalid.Status, Is.EqualTo(400));
            Assert.That(invalid.Body.GetProperty("slug")[0].GetString(), Does.StartWith("Enter a valid slug"));
            Assert.That(renamed.Status, Is.EqualTo(200));
            Assert.That(byNewSlug.GetProperty("name").GetString(), Is.EqualTo("Platform"));
            Assert.That(byNewSlug.GetProperty("organization").GetProperty("slug").GetString(), Is.EqualTo("local"));
            Assert.That(oldSlug.Status, Is.EqualTo(404));
            Assert.That(deleted.Status, Is.EqualTo(204));
            Assert.That(gone.Status, Is.EqualTo(404));
            Assert.That(gone.Body.GetProperty("detail").GetString(), Is.EqualTo("The requested resource does not exist"));
        });
    }

    [Test]
    public async Task Team_lists_page_with_Link_cursors()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        for (var i = 0; i < 4; i++)
        {
            var (status, _) = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/teams/", $$"""{"slug":"team-{{i}}"}""");
            Assert.That(status, Is.EqualTo(201));
        }

        var first = await http.CallAsync(sentry, "GET", "/api/0/organizations/local/teams/?per_page=3");
        var second = await http.CallAsync(sentry, "GET", "/api/0/organizations/local/teams/?per_page=3&cursor=0:3:0");
        var link = string.Join(",", first.Headers.GetValues("Link"));

        Assert.Multiple(() =>
        {
            Assert.That(first.Body.GetArrayLength(), Is.EqualTo(3));
            Assert.That(link, Does.Contain("rel=\"next\"; results=\"true\"; cursor=\"0:3:0\""));
            Assert.That(second.Body.GetArrayLength(), Is.EqualTo(2), "5 teams: the default and 4 new ones");
            Assert.That(string.Join(",", second.Headers.GetValues("Link")), Does.Contain("rel=\"next\"; results=\"false\""));
        });
    }

    [Test]
    public async Task Team_projects_are_created_in_and_listed_by_the_team()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/teams/", """{"slug":"platform"}""");

        var created = await http.SendJsonAsync(HttpMethod.Post, "/api/0/teams/local/platform/projects/", """{"name":"Backend","platform":"python"}""");
        var duplicate = await http.SendJsonAsync(HttpMethod.Post, "/api/0/teams/local/platform/projects/", """{"name":"Backend"}""");
        var projects = await http.GetJsonAsync("/api/0/teams/local/platform/projects/");
        var members = await http.GetJsonAsync("/api/0/teams/local/platform/members/");

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(201));
            Assert.That(created.Body.GetProperty("slug").GetString(), Is.EqualTo("backend"));
            Assert.That(created.Body.GetProperty("teams")[0].GetProperty("slug").GetString(), Is.EqualTo("platform"));
            Assert.That(duplicate.Status, Is.EqualTo(409));
            Assert.That(duplicate.Body.GetProperty("detail").GetString(), Is.EqualTo("A project with this slug already exists."));
            Assert.That(projects.EnumerateArray().Select(p => p.GetProperty("slug").GetString()), Is.EqualTo(new[] { "backend" }));
            Assert.That(members.EnumerateArray().Select(m => m.GetProperty("email").GetString()), Is.EqualTo(new[] { "owner@local.test" }));
            Assert.That(members[0].GetProperty("teamRole").GetString(), Is.EqualTo("admin"));
        });
    }
}
