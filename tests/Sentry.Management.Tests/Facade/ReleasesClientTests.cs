using System.Net;
using System.Text.Json;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

public class ReleasesClientTests
{
    private static string CreateOrganizationRelease => SchemaExamples.Response("POST", "/api/0/organizations/{organization_id_or_slug}/releases/", "201");
    private static string GetOrganizationRelease => SchemaExamples.Response("GET", "/api/0/organizations/{organization_id_or_slug}/releases/{version}/");
    private static string ListOrganizationReleaseCommits => SchemaExamples.Response("GET", "/api/0/organizations/{organization_id_or_slug}/releases/{version}/commits/");
    private static string ListOrganizationReleases => SchemaExamples.Response("GET", "/api/0/organizations/{organization_id_or_slug}/releases/");
    private static string ListProjectReleaseCommits => SchemaExamples.Response("GET", "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/releases/{version}/commits/");
    private static string ListProjectReleases => SchemaExamples.Response("GET", "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/releases/");
    private static string UpdateOrganizationRelease => SchemaExamples.Response("PUT", "/api/0/organizations/{organization_id_or_slug}/releases/{version}/");

    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task List_sends_repeated_project_and_environment_filters_and_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, ListOrganizationReleases);

        var releases = await h.Client.Releases.List(query: "1.0", projects: ["web", "42"], environments: ["production", "staging"]).ToListAsync();

        var request = log.Single;
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(request.RawPath, Is.EqualTo("/api/0/organizations/acme/releases/"));
        Assert.That(request.RawQuery, Is.EqualTo("project=web&project=42&environment=production&environment=staging&query=1.0&per_page=100"));
        Assert.That(releases, Has.Count.EqualTo(1));
        var release = releases[0];
        Assert.That(release.Id, Is.EqualTo("1"));
        Assert.That(release.Version, Is.EqualTo("frontend@1.0.0"));
        Assert.That(release.Status, Is.EqualTo(ReleaseStatus.Open));
        Assert.That(release.VersionInfo!.Package, Is.EqualTo("frontend"));
        Assert.That(release.VersionInfo.Version!.Major, Is.EqualTo(1));
        Assert.That(release.VersionInfo.Version.Components, Is.EqualTo(3));
        Assert.That(release.DateCreated, Is.EqualTo(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(release.DateReleased, Is.Null);
        Assert.That(release.Projects![0].Slug, Is.EqualTo("sentry"));
        Assert.That(release.Projects[0].Platforms, Is.EqualTo(new[] { "javascript" }));
        Assert.That(release.Authors, Is.Empty);
    }

    [Test]
    public async Task List_follows_the_link_cursor()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(
            h,
            ListOrganizationReleases,
            link: r => SentryTestHarness.Link("/api/0/organizations/acme/releases/", "100:1:0", hasNext: !r.RequestUri!.Query.Contains("cursor")));

        var releases = await h.Client.Releases.List().ToListAsync();

        Assert.That(releases, Has.Count.EqualTo(2));
        Assert.That(log.Requests[1].RawQuery, Is.EqualTo("cursor=100%3A1%3A0&per_page=100"));
    }

    [Test]
    public async Task ListForProject_uses_the_project_path_and_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, ListProjectReleases);

        var releases = await h.Client.Organization("other-org").Project("web").Releases.List(environments: ["production"]).ToListAsync();

        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/projects/other-org/web/releases/"));
        Assert.That(log.Single.RawQuery, Is.EqualTo("environment=production&per_page=100"));
        Assert.That(releases.Single().ShortVersion, Is.EqualTo("frontend@1.0.0"));
    }

    [Test]
    public async Task Create_posts_the_release_with_commits_and_refs_and_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, CreateOrganizationRelease, HttpStatusCode.Created);

        var result = await h.Client.Releases.CreateOrGetAsync(new ReleaseCreate
        {
            Version = "frontend@1.0.0+build.7",
            Projects = ["web", "api"],
            Ref = "v1.0.0",
            Url = new Uri("https://github.com/acme/web/releases/tag/v1.0.0"),
            Commits =
            [
                new ReleaseCommitData
                {
                    Id = "a1b2c3",
                    Repository = "acme/web",
                    Message = "fix: things",
                    AuthorName = "Jane",
                    AuthorEmail = "jane@example.com",
                    Timestamp = Noon,
                    PatchSet = [new ReleaseCommitPatch { Path = "src/app.ts", Type = "M" }],
                },
            ],
            Refs = [new ReleaseRef { Repository = "acme/web", Commit = "a1b2c3", PreviousCommit = "000111" }],
        });

        var request = log.Single;
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.RawPath, Is.EqualTo("/api/0/organizations/acme/releases/"));
        Assert.That(request.RawQuery, Is.Empty);
        AssertJson(request.Body, """
            {"version":"frontend@1.0.0+build.7","projects":["web","api"],"ref":"v1.0.0",
             "url":"https://github.com/acme/web/releases/tag/v1.0.0",
             "commits":[{"id":"a1b2c3","repository":"acme/web","message":"fix: things","author_name":"Jane",
                         "author_email":"jane@example.com","timestamp":"2026-11-25T12:00:00+00:00",
                         "patch_set":[{"path":"src/app.ts","type":"M"}]}],
             "refs":[{"repository":"acme/web","commit":"a1b2c3","previousCommit":"000111"}]}
            """);
        Assert.That(result.AlreadyExisted, Is.False);
        Assert.That(result.Release.Version, Is.EqualTo("frontend@1.0.0"));
        Assert.That(result.Release.Projects![0].Id, Is.EqualTo("1"));
        Assert.That(result.Release.CurrentProjectMeta, Is.Empty);
    }

    [Test]
    public async Task Create_reports_208_as_already_existing()
    {
        using var h = new SentryTestHarness();
        RequestRecorder.Answer(h, CreateOrganizationRelease, HttpStatusCode.AlreadyReported);

        var result = await h.Client.Releases.CreateOrGetAsync(new ReleaseCreate { Version = "frontend@1.0.0", Projects = ["web"] });
        var release = await h.Client.Releases.CreateAsync(new ReleaseCreate { Version = "frontend@1.0.0", Projects = ["web"] });

        Assert.That(result.AlreadyExisted, Is.True);
        Assert.That(release.Version, Is.EqualTo("frontend@1.0.0"));
    }

    [TestCase("a/b", "'/'")]
    [TestCase("latest", "reserved")]
    [TestCase("", "required")]
    public void Create_rejects_versions_sentry_refuses_before_sending(string version, string messagePart)
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, "{}");

        var error = Assert.ThrowsAsync<ArgumentException>(() => h.Client.Releases.CreateAsync(new ReleaseCreate { Version = version, Projects = ["web"] }));

        Assert.That(error!.Message, Does.Contain(messagePart));
        Assert.That(log.Requests, Is.Empty);
    }

    [Test]
    public void Create_requires_a_project()
    {
        using var h = new SentryTestHarness();

        var error = Assert.ThrowsAsync<ArgumentException>(() => h.Client.Releases.CreateAsync(new ReleaseCreate { Version = "1.0", Projects = [] }));

        Assert.That(error!.Message, Does.Contain("at least one project"));
    }

    [Test]
    public async Task Get_asks_for_health_and_adoption_and_parses_the_full_schema_example()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, GetOrganizationRelease);

        var release = await h.Client.Releases.GetAsync("control@abc123", includeHealth: true, includeAdoptionStages: true);

        Assert.That(log.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/organizations/acme/releases/control%40abc123/"));
        Assert.That(log.Single.RawQuery, Is.EqualTo("health=1&adoptionStages=1"));
        AssertFullRelease(release);
    }

    [Test]
    public async Task Get_without_options_sends_no_query()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, GetOrganizationRelease);

        await h.Client.Releases.GetAsync("1.0");

        Assert.That(log.Single.RawQuery, Is.Empty);
    }

    [Test]
    public async Task Finalize_puts_only_the_release_date_and_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, UpdateOrganizationRelease);

        var release = await h.Client.Releases.FinalizeAsync("control@abc123", Noon);

        Assert.That(log.Single.Method, Is.EqualTo(HttpMethod.Put));
        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/organizations/acme/releases/control%40abc123/"));
        AssertJson(log.Single.Body, """{"dateReleased":"2026-11-25T12:00:00+00:00"}""");
        AssertFullRelease(release);
    }

    [Test]
    public async Task SetCommits_with_refs_puts_the_refs()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, UpdateOrganizationRelease);

        await h.Client.Releases.SetCommitsAsync("1.0", [new ReleaseRef { Repository = "acme/web", Commit = "def" }]);

        AssertJson(log.Single.Body, """{"refs":[{"repository":"acme/web","commit":"def"}]}""");
    }

    [Test]
    public async Task SetCommits_with_commits_puts_the_commits_with_snake_case_names()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, UpdateOrganizationRelease);

        await h.Client.Releases.SetCommitsAsync("1.0", [new ReleaseCommitData { Id = "abc", AuthorEmail = "a@b.c" }]);

        AssertJson(log.Single.Body, """{"commits":[{"id":"abc","author_email":"a@b.c"}]}""");
    }

    [Test]
    public async Task Update_puts_ref_and_url()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, UpdateOrganizationRelease);

        await h.Client.Organization("other").Releases.UpdateAsync("1.0", new ReleaseUpdate { Ref = "v1", Url = new Uri("https://ci.example.com/1") });

        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/organizations/other/releases/1.0/"));
        AssertJson(log.Single.Body, """{"ref":"v1","url":"https://ci.example.com/1"}""");
    }

    [Test]
    public async Task Delete_sends_delete_and_accepts_204()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, string.Empty, HttpStatusCode.NoContent);

        await h.Client.Releases.DeleteAsync("1.0");

        Assert.That(log.Single.Method, Is.EqualTo(HttpMethod.Delete));
        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/organizations/acme/releases/1.0/"));
    }

    [Test]
    public async Task ListCommits_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, ListOrganizationReleaseCommits);

        var commits = await h.Client.Releases.ListCommits("frontend@1.0.0").ToListAsync();

        Assert.That(log.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/organizations/acme/releases/frontend%401.0.0/commits/"));
        Assert.That(log.Single.RawQuery, Is.Empty);
        AssertCommit(commits.Single());
    }

    [Test]
    public async Task ListProjectCommits_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, ListProjectReleaseCommits);

        var commits = await h.Client.Project("web").Releases.ListCommits("frontend@1.0.0", new SentryPageOptions { StartCursor = "0:100:0" }).ToListAsync();

        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/projects/acme/web/releases/frontend%401.0.0/commits/"));
        Assert.That(log.Single.RawQuery, Is.EqualTo("cursor=0%3A100%3A0"));
        AssertCommit(commits.Single());
    }

    [Test]
    public async Task ListCommitFiles_parses_the_changed_files()
    {
        // The schema gives no example for this endpoint; this is the shape of Sentry's CommitFileChange serializer.
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, """
            [{"id": "11", "orgId": 2, "author": {"name": "Jane", "email": "jane@example.com"},
              "commitMessage": "fix: things", "filename": "src/app.ts", "type": "M", "repoName": "acme/web"}]
            """);

        var files = await h.Client.Releases.ListCommitFilesAsync("1.0");

        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/organizations/acme/releases/1.0/commitfiles/"));
        var file = files.Single();
        Assert.That((file.Id, file.OrgId, file.Filename, file.Type, file.RepoName, file.CommitMessage), Is.EqualTo(("11", "2", "src/app.ts", "M", "acme/web", "fix: things")));
        Assert.That(file.Author!.Email, Is.EqualTo("jane@example.com"));
    }

    [Test]
    public async Task ListDeploys_parses_deploys()
    {
        // The schema gives no example for deploys; the fields are the schema's required ones.
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, """
            [{"id": "53070941", "environment": "production", "dateStarted": null,
              "dateFinished": "2024-05-21T11:26:17.597793Z", "name": "deploy 7", "url": null}]
            """);

        var deploys = await h.Client.Releases.ListDeploys("1.0").ToListAsync();

        Assert.That(log.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/organizations/acme/releases/1.0/deploys/"));
        var deploy = deploys.Single();
        Assert.That((deploy.Id, deploy.Environment, deploy.Name, deploy.DateStarted), Is.EqualTo(("53070941", "production", "deploy 7", (DateTimeOffset?)null)));
        Assert.That(deploy.DateFinished!.Value.UtcDateTime, Is.EqualTo(new DateTime(2024, 5, 21, 11, 26, 17, 597, DateTimeKind.Utc).AddTicks(7930)));
    }

    [Test]
    public async Task CreateDeploy_posts_the_deploy()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, """{"id": "1", "environment": "production", "dateStarted": null, "dateFinished": "2026-11-25T12:05:00Z", "name": "ci-7", "url": "https://ci.example.com/7"}""", HttpStatusCode.Created);

        var deploy = await h.Client.Releases.CreateDeployAsync("app@1.0.0+7", new DeployCreate
        {
            Environment = "production",
            Name = "ci-7",
            Url = new Uri("https://ci.example.com/7"),
            DateStarted = Noon,
            DateFinished = Noon.AddMinutes(5),
            Projects = ["web"],
        });

        Assert.That(log.Single.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/organizations/acme/releases/app%401.0.0%2B7/deploys/"));
        AssertJson(log.Single.Body, """
            {"environment":"production","name":"ci-7","url":"https://ci.example.com/7",
             "dateStarted":"2026-11-25T12:00:00+00:00","dateFinished":"2026-11-25T12:05:00+00:00","projects":["web"]}
            """);
        Assert.That(deploy.Url, Is.EqualTo("https://ci.example.com/7"));
        Assert.That(deploy.DateFinished, Is.EqualTo(Noon.AddMinutes(5)));
    }

    [Test]
    public void CreateDeploy_requires_an_environment()
    {
        using var h = new SentryTestHarness();

        Assert.ThrowsAsync<ArgumentException>(() => h.Client.Releases.CreateDeployAsync("1.0", new DeployCreate { Environment = " " }));
    }

    [Test]
    public async Task Unknown_status_and_new_fields_are_kept()
    {
        using var h = new SentryTestHarness();
        RequestRecorder.Answer(h, """{"version": "1.0", "status": "frozen_later", "newField": [1]}""");

        var release = await h.Client.Releases.GetAsync("1.0");

        Assert.That(release.Status!.Value.Value, Is.EqualTo("frozen_later"));
        Assert.That(release.AdditionalProperties!["newField"][0].GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Health_numbers_read_including_the_24h_ones()
    {
        using var h = new SentryTestHarness();
        RequestRecorder.Answer(h, """
            {"version": "1.0", "projects": [{"slug": "web", "healthData": {"crashFreeSessions": 99.5, "crashFreeUsers": 98.25,
             "totalUsers24h": 5, "totalProjectUsers24h": 50, "totalSessions24h": 7, "totalProjectSessions24h": 70,
             "sessionsCrashed": 1, "adoption": 10.0, "stats": {"24h": [[1715126400, 3]]}}}]}
            """);

        var health = (await h.Client.Releases.GetAsync("1.0", includeHealth: true)).Projects![0].HealthData!;

        Assert.That((health.CrashFreeSessions, health.CrashFreeUsers, health.Adoption), Is.EqualTo((99.5, 98.25, 10.0)));
        Assert.That((health.TotalUsers24h, health.TotalProjectUsers24h, health.TotalSessions24h, health.TotalProjectSessions24h), Is.EqualTo((5, 50, 7, 70)));
        Assert.That(health.Stats!["24h"].Single().Value, Is.EqualTo(3));
    }

    [Test]
    public void Create_surfaces_a_400_as_a_validation_exception()
    {
        using var h = new SentryTestHarness();
        RequestRecorder.Answer(h, """{"version": ["Release with name 1.0 is not allowed"]}""", HttpStatusCode.BadRequest);

        Assert.ThrowsAsync<SentryValidationException>(() => h.Client.Releases.CreateOrGetAsync(new ReleaseCreate { Version = "1.0", Projects = ["web"] }));
    }

    [Test]
    public void Unknown_release_surfaces_as_not_found_on_every_kind_of_call()
    {
        using var h = new SentryTestHarness();
        RequestRecorder.Answer(h, """{"detail": "The requested resource does not exist"}""", HttpStatusCode.NotFound);

        Assert.ThrowsAsync<SentryNotFoundException>(() => h.Client.Releases.GetAsync("nope"));
        Assert.ThrowsAsync<SentryNotFoundException>(() => h.Client.Releases.ListCommitFilesAsync("nope"));
        Assert.ThrowsAsync<SentryNotFoundException>(() => h.Client.Releases.ListDeploys("nope").ToListAsync());
        Assert.ThrowsAsync<SentryNotFoundException>(() => h.Client.Releases.DeleteAsync("nope"));
    }

    private static void AssertFullRelease(Release release)
    {
        Assert.That(release.Id, Is.EqualTo("1122684517"));
        Assert.That(release.Version, Is.EqualTo("control@abc123"));
        Assert.That(release.VersionInfo!.BuildHash, Is.EqualTo("abc123"));
        Assert.That(release.VersionInfo.Version!.Raw, Is.EqualTo("abc123"));
        Assert.That(release.CommitCount, Is.EqualTo(2));
        Assert.That(release.DeployCount, Is.EqualTo(1));
        Assert.That(release.UserAgent, Is.EqualTo("Python-urllib/3.11"));

        var commit = release.LastCommit!;
        Assert.That(commit.Id, Is.EqualTo("xyz123"));
        Assert.That(commit.PullRequest!.Id, Is.EqualTo("70214"));
        Assert.That(commit.PullRequest.Repository!.Provider!.Name, Is.EqualTo("GitHub"));
        Assert.That(commit.PullRequest.Author!.Username, Is.EqualTo("rajraspberry"));
        Assert.That(commit.PullRequest.ExternalUrl, Is.EqualTo("https://github.com/raj/raspberries/pull/70214"));
        Assert.That(commit.Repository!.IntegrationId, Is.EqualTo("2933"));
        Assert.That(commit.Repository.ExternalId, Is.EqualTo("873328"));
        Assert.That(commit.Author!.Avatar!.AvatarType, Is.EqualTo("upload"));
        Assert.That(commit.Releases!.Select(r => r.Version), Has.Member("frontend@ghi012"));

        Assert.That(release.LastDeploy!.Id, Is.EqualTo("53070941"));
        Assert.That(release.LastDeploy.Environment, Is.EqualTo("canary-test-control"));
        Assert.That(release.LastDeploy.DateStarted, Is.Null);
        Assert.That(release.Authors!.Single().Email, Is.EqualTo("raj@raspberries"));

        var project = release.Projects!.Single();
        Assert.That(project.Platforms, Has.Count.EqualTo(3));
        Assert.That(project.HealthData!.CrashFreeSessions, Is.Null);
        Assert.That(project.HealthData.SessionsCrashed, Is.Zero);
        var series = project.HealthData.Stats!["24h"];
        Assert.That(series, Has.Count.EqualTo(14));
        Assert.That(series[0], Is.EqualTo(new StatsPoint(DateTimeOffset.FromUnixTimeSeconds(1715126400), 0)));

        Assert.That(release.AdoptionStages!["sentry"].Stage, Is.EqualTo("low_adoption"));
        Assert.That(release.AdoptionStages["sentry"].Adopted, Is.Null);
    }

    private static void AssertCommit(ReleaseCommit commit)
    {
        Assert.That(commit.Id, Is.EqualTo("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2"));
        Assert.That(commit.Message, Is.EqualTo("fix: handle empty release version"));
        Assert.That(commit.PullRequest, Is.Null);
        Assert.That(commit.SuspectCommitType, Is.Empty);
        Assert.That(commit.Releases!.Single().ShortVersion, Is.EqualTo("1.0.0"));
    }

    internal static void AssertJson(string? actual, string expected)
    {
        Assert.That(actual, Is.Not.Null);
        using var a = JsonDocument.Parse(actual!);
        using var e = JsonDocument.Parse(expected);
        Assert.That(JsonElement.DeepEquals(a.RootElement, e.RootElement), Is.True, $"Body was {actual}");
    }
}
