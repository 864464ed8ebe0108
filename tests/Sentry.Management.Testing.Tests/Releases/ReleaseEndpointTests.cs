using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Releases;

public sealed class ReleaseEndpointTests
{
    private const string Sha = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";

    [Test]
    public async Task Creating_an_existing_version_answers_208_with_the_release()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        var body = $$"""{"version":"app@1.0.0","projects":["{{sentry.Project.Slug}}"],"ref":"main"}""";

        var first = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/", body);
        var second = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/", body);
        var noVersion = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/", """{"projects":["app"]}""");
        var noProjects = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/", """{"version":"2"}""");
        var unknownProject = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/", """{"version":"2","projects":["nope"]}""");
        var badVersion = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/", """{"version":"latest","projects":["app"]}""");
        var list = await http.GetJsonAsync("/api/0/organizations/local/releases/");

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(201));
            Assert.That(second.Status, Is.EqualTo(208));
            Assert.That(second.Body.GetProperty("id").GetInt64(), Is.EqualTo(first.Body.GetProperty("id").GetInt64()));
            Assert.That(first.Body.GetProperty("shortVersion").GetString(), Is.EqualTo("1.0.0"));
            Assert.That(first.Body.GetProperty("versionInfo").GetProperty("package").GetString(), Is.EqualTo("app"));
            Assert.That(first.Body.GetProperty("projects")[0].GetProperty("slug").GetString(), Is.EqualTo(sentry.Project.Slug));
            Assert.That(noVersion.Status, Is.EqualTo(400));
            Assert.That(noVersion.Body.GetProperty("version")[0].GetString(), Is.EqualTo("This field is required."));
            Assert.That(noProjects.Status, Is.EqualTo(400));
            Assert.That(noProjects.Body.GetProperty("projects")[0].GetString(), Is.EqualTo("This field is required."));
            Assert.That(unknownProject.Status, Is.EqualTo(400));
            Assert.That(badVersion.Status, Is.EqualTo(400));
            Assert.That(list.GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Commits_deploys_and_finalizing_show_on_the_release()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        var project = sentry.Project.Slug;
        await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/", $$"""{"version":"1.0","projects":["{{project}}"]}""");

        var withCommits = await http.SendJsonAsync(HttpMethod.Put, "/api/0/organizations/local/releases/1.0/", $$"""{"commits":[{"id":"{{Sha}}","repository":"acme/app","message":"Fix checkout","author_name":"Dev","author_email":"dev@local.test","patch_set":[{"path":"src/Checkout.cs","type":"M"},{"path":"README.md","type":"A"}]}]}""");
        var deploy = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/1.0/deploys/", """{"environment":"production","name":"first","url":"https://ci.local/1"}""");
        var noEnvironment = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/1.0/deploys/", """{"name":"x"}""");
        var finalized = await http.SendJsonAsync(HttpMethod.Put, "/api/0/organizations/local/releases/1.0/", """{"dateReleased":"2026-12-01T08:00:00Z"}""");
        var commits = await http.GetJsonAsync("/api/0/organizations/local/releases/1.0/commits/");
        var projectCommits = await http.GetJsonAsync($"/api/0/projects/local/{project}/releases/1.0/commits/");
        var files = await http.GetJsonAsync("/api/0/organizations/local/releases/1.0/commitfiles/");
        var deploys = await http.GetJsonAsync("/api/0/organizations/local/releases/1.0/deploys/");
        var repositories = await http.GetJsonAsync("/api/0/organizations/local/repos/");

        Assert.Multiple(() =>
        {
            Assert.That(withCommits.Body.GetProperty("commitCount").GetInt32(), Is.EqualTo(1));
            Assert.That(withCommits.Body.GetProperty("lastCommit").GetProperty("id").GetString(), Is.EqualTo(Sha));
            Assert.That(withCommits.Body.GetProperty("authors")[0].GetProperty("email").GetString(), Is.EqualTo("dev@local.test"));
            Assert.That(deploy.Status, Is.EqualTo(201));
            Assert.That(deploy.Body.GetProperty("environment").GetString(), Is.EqualTo("production"));
            Assert.That(noEnvironment.Status, Is.EqualTo(400));
            Assert.That(noEnvironment.Body.GetProperty("environment")[0].GetString(), Is.EqualTo("This field is required."));
            Assert.That(finalized.Body.GetProperty("dateReleased").GetString(), Is.EqualTo("2026-12-01T08:00:00.000000Z"));
            Assert.That(finalized.Body.GetProperty("deployCount").GetInt32(), Is.EqualTo(1));
            Assert.That(finalized.Body.GetProperty("lastDeploy").GetProperty("name").GetString(), Is.EqualTo("first"));
            Assert.That(commits[0].GetProperty("message").GetString(), Is.EqualTo("Fix checkout"));
            Assert.That(commits[0].GetProperty("repository").GetProperty("name").GetString(), Is.EqualTo("acme/app"));
            Assert.That(commits[0].GetProperty("releases")[0].GetProperty("version").GetString(), Is.EqualTo("1.0"));
            Assert.That(projectCommits.GetArrayLength(), Is.EqualTo(1));
            Assert.That(files.EnumerateArray().Select(f => f.GetProperty("filename").GetString()), Is.EqualTo(new[] { "src/Checkout.cs", "README.md" }));
            Assert.That(deploys.GetArrayLength(), Is.EqualTo(1));
            Assert.That(repositories.EnumerateArray().Select(r => r.GetProperty("name").GetString()), Is.EqualTo(new[] { "acme/app" }), "created on first use");
        });
    }

    [Test]
    public async Task A_repository_lists_the_commits_releases_recorded_for_it_newest_first()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        var project = sentry.Project.Slug;
        await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/", $$"""{"version":"1.0","projects":["{{project}}"],"commits":[{"id":"{{Sha}}","repository":"acme/app","message":"First","timestamp":"2026-11-01T10:00:00Z"}]}""");
        await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/", $$"""{"version":"2.0","projects":["{{project}}"],"commits":[{"id":"cccc","repository":"acme/app","message":"Second","timestamp":"2026-11-02T10:00:00Z"},{"id":"dddd","repository":"acme/other"}]}""");
        var repositories = await http.GetJsonAsync("/api/0/organizations/local/repos/");
        var app = repositories.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "acme/app").GetProperty("id").GetString();

        var commits = await http.GetJsonAsync($"/api/0/organizations/local/repos/{app}/commits/");
        var unknown = await http.SendJsonAsync(HttpMethod.Get, "/api/0/organizations/local/repos/999/commits/", null);

        Assert.Multiple(() =>
        {
            Assert.That(commits.EnumerateArray().Select(c => c.GetProperty("id").GetString()), Is.EqualTo(new[] { "cccc", Sha }));
            Assert.That(commits[0].GetProperty("releases")[0].GetProperty("version").GetString(), Is.EqualTo("2.0"));
            Assert.That(commits[1].GetProperty("repository").GetProperty("id").GetString(), Is.EqualTo(app));
            Assert.That(unknown.Status, Is.EqualTo(404));
        });
    }

    [Test]
    public async Task Refs_record_the_head_commit_and_replace_earlier_commits()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/", $$"""{"version":"1.0","projects":["{{sentry.Project.Slug}}"],"commits":[{"id":"{{Sha}}","repository":"acme/app"}]}""");

        var updated = await http.SendJsonAsync(HttpMethod.Put, "/api/0/organizations/local/releases/1.0/", """{"refs":[{"repository":"acme/app","commit":"bbbb","previousCommit":"aaaa"}]}""");
        var commits = await http.GetJsonAsync("/api/0/organizations/local/releases/1.0/commits/");
        var badRef = await http.SendJsonAsync(HttpMethod.Put, "/api/0/organizations/local/releases/1.0/", """{"refs":[{"commit":"cccc"}]}""");

        Assert.Multiple(() =>
        {
            Assert.That(updated.Status, Is.EqualTo(200));
            Assert.That(commits.EnumerateArray().Select(c => c.GetProperty("id").GetString()), Is.EqualTo(new[] { "bbbb" }));
            Assert.That(badRef.Status, Is.EqualTo(400));
            Assert.That(badRef.Body.GetProperty("refs")[0].GetString(), Does.Contain("repository"));
        });
    }

    [Test]
    public async Task Releases_are_listed_by_query_and_project_newest_first_and_paged()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        var project = sentry.Project.Slug;
        await http.SendJsonAsync(HttpMethod.Post, "/api/0/teams/local/local/projects/", """{"name":"Other"}""");
        foreach (var (version, owner) in new[] { ("app@1.0", project), ("app@1.1", project), ("other@1.0", "other") })
        {
            var (status, _) = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/", $$"""{"version":"{{version}}","projects":["{{owner}}"]}""");
            Assert.That(status, Is.EqualTo(201));
        }

        var byQuery = await http.GetJsonAsync("/api/0/organizations/local/releases/?query=app@");
        var byProject = await http.GetJsonAsync($"/api/0/projects/local/{project}/releases/");
        var page = await http.CallAsync(sentry, "GET", "/api/0/organizations/local/releases/?per_page=2");
        var otherProject = await http.SendJsonAsync(HttpMethod.Get, $"/api/0/projects/local/{project}/releases/other@1.0/");

        Assert.Multiple(() =>
        {
            Assert.That(byQuery.EnumerateArray().Select(r => r.GetProperty("version").GetString()), Is.EqualTo(new[] { "app@1.1", "app@1.0" }));
            Assert.That(byProject.GetArrayLength(), Is.EqualTo(2));
            Assert.That(page.Body.GetArrayLength(), Is.EqualTo(2));
            Assert.That(string.Join(",", page.Headers.GetValues("Link")), Does.Contain("rel=\"next\"; results=\"true\""));
            Assert.That(otherProject.Status, Is.EqualTo(404));
        });
    }

    [Test]
    public async Task Deleting_a_release_removes_it()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/", $$"""{"version":"1.0","projects":["{{sentry.Project.Slug}}"]}""");

        var deleted = await http.SendJsonAsync(HttpMethod.Delete, "/api/0/organizations/local/releases/1.0/");
        var gone = await http.SendJsonAsync(HttpMethod.Get, "/api/0/organizations/local/releases/1.0/");
        var again = await http.SendJsonAsync(HttpMethod.Delete, "/api/0/organizations/local/releases/1.0/");

        Assert.Multiple(() =>
        {
            Assert.That(deleted.Status, Is.EqualTo(204));
            Assert.That(gone.Status, Is.EqualTo(404));
            Assert.That(again.Status, Is.EqualTo(404));
        });
    }
}
