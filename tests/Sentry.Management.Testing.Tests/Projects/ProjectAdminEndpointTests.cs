using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Projects;

public sealed class ProjectAdminEndpointTests
{
    [Test]
    public async Task Create_in_the_organization_update_and_delete_a_project()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);

        var created = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/projects/", """{"name":"Web App","platform":"javascript"}""");
        var noName = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/projects/", """{"platform":"javascript"}""");
        var taken = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/projects/", $$"""{"name":"x","slug":"{{sentry.Project.Slug}}"}""");
        var listed = await http.GetJsonAsync("/api/0/organizations/local/projects/?query=web");
        var updated = await http.SendJsonAsync(HttpMethod.Put, "/api/0/projects/local/web-app/", """{"name":"Web","slug":"web","platform":"javascript-react"}""");
        var clash = await http.SendJsonAsync(HttpMethod.Put, "/api/0/projects/local/web/", $$"""{"slug":"{{sentry.Project.Slug}}"}""");
        var keys = await http.GetJsonAsync("/api/0/projects/local/web/keys/");
        var rules = await http.GetJsonAsync("/api/0/projects/local/web/rules/");
        var deleted = await http.SendJsonAsync(HttpMethod.Delete, "/api/0/projects/local/web/");
        var gone = await http.SendJsonAsync(HttpMethod.Get, "/api/0/projects/local/web/");

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(201));
            Assert.That(created.Body.GetProperty("slug").GetString(), Is.EqualTo("web-app"));
            Assert.That(noName.Status, Is.EqualTo(400));
            Assert.That(noName.Body.GetProperty("name")[0].GetString(), Is.EqualTo("This field is required."));
            Assert.That(taken.Status, Is.EqualTo(409));
            Assert.That(listed.EnumerateArray().Select(p => p.GetProperty("slug").GetString()), Is.EqualTo(new[] { "web-app" }));
            Assert.That(updated.Status, Is.EqualTo(200));
            Assert.That(updated.Body.GetProperty("slug").GetString(), Is.EqualTo("web"));
            Assert.That(updated.Body.GetProperty("platform").GetString(), Is.EqualTo("javascript-react"));
            Assert.That(clash.Status, Is.EqualTo(400));
            Assert.That(clash.Body.GetProperty("slug")[0].GetString(), Does.Contain("already using that slug"));
            Assert.That(keys.GetArrayLength(), Is.EqualTo(1), "a new project gets a client key");
            Assert.That(rules[0].GetProperty("name").GetString(), Is.EqualTo("Send a notification for high priority issues"), "and Sentry's default alert rule");
            Assert.That(deleted.Status, Is.EqualTo(204));
            Assert.That(gone.Status, Is.EqualTo(404));
        });
    }

    [Test]
    public async Task Project_teams_are_listed_added_and_removed()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        var project = sentry.Project.Slug;
        await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/teams/", """{"slug":"platform"}""");

        var added = await http.SendJsonAsync(HttpMethod.Post, $"/api/0/projects/local/{project}/teams/platform/");
        var teams = await http.GetJsonAsync($"/api/0/projects/local/{project}/teams/");
        var removed = await http.SendJsonAsync(HttpMethod.Delete, $"/api/0/projects/local/{project}/teams/local/");
        var after = await http.GetJsonAsync($"/api/0/projects/local/{project}/teams/");
        var noTeam = await http.SendJsonAsync(HttpMethod.Post, $"/api/0/projects/local/{project}/teams/nope/");

        Assert.Multiple(() =>
        {
            Assert.That(added.Status, Is.EqualTo(201));
            Assert.That(teams.EnumerateArray().Select(t => t.GetProperty("slug").GetString()), Is.EqualTo(new[] { "local", "platform" }));
            Assert.That(removed.Status, Is.EqualTo(200));
            Assert.That(removed.Body.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("slug").GetString()), Is.EqualTo(new[] { "platform" }));
            Assert.That(after.GetArrayLength(), Is.EqualTo(1));
            Assert.That(noTeam.Status, Is.EqualTo(404));
        });
    }
}
