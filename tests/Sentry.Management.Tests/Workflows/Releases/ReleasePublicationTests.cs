using System.Net;
using System.Text.Json.Nodes;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Workflows.Releases;

/// <summary><c>org.Releases.Publish(version)…RunAsync()</c>: the CI flow, idempotent on a re-run.</summary>
public class ReleasePublicationTests
{
    private const string Version = "api-1.2.3";
    private const string ReleasesPath = "/api/0/organizations/acme/releases/";
    private const string ReleasePath = ReleasesPath + Version + "/";
    private const string DeploysPath = ReleasePath + "deploys/";
    private const string ProjectReleasesPath = "/api/0/projects/acme/api/releases/";
    private const string Head = "4f2a9c1e0000000000000000000000000000beef";

    private static readonly ReleaseCommitData[] Commits =
    [
        new() { Id = Head, Repository = "acme/api", AuthorName = "Ann", AuthorEmail = "ann@example.com", Message = "Add retries", Timestamp = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero) },
        new() { Id = "1b2c3d4e", Repository = "acme/api", AuthorName = "Bob", AuthorEmail = "bob@example.com", Message = "Fix checkout" },
    ];

    private static ReleasePublication Full(SentryTestHarness h) =>
        h.Client.Organization("acme").Releases.Publish(Version)
            .ForProjects("api", "web")
            .WithRef("v1.2.3")
            .WithUrl(new Uri("https://github.com/acme/api/releases/v1.2.3"))
            .WithCommits(ReleaseCommits.Explicit(Commits))
            .Finalize()
            .WithDeploy("production", "run-7", new Uri("https://ci.example.com/runs/7"));

    [Test]
    public async Task A_first_run_creates_the_release_sets_commits_finalizes_and_records_the_deploy()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Post, ReleasesPath, WorkflowJson.Release(Version, reference: "v1.2.3"), HttpStatusCode.Created);
        log.On(h, HttpMethod.Put, ReleasePath, WorkflowJson.Release(Version, reference: "v1.2.3", commitCount: 2, lastCommit: Head));
        log.On(h, HttpMethod.Get, DeploysPath, "[]");
        log.On(h, HttpMethod.Post, DeploysPath, WorkflowJson.Deploy("production", "run-7"), HttpStatusCode.Created);

        var result = await Full(h).RunAsync();

        Assert.That(result.Steps.Select(s => (s.Name, s.Outcome)), Is.EqualTo(new[]
        {
            ("release", WorkflowOutcome.Created), ("commits", WorkflowOutcome.Updated), ("finalize", WorkflowOutcome.Updated), ("deploy", WorkflowOutcome.Created),
        }));
        Assert.That(result.Succeeded && result.Changed, Is.True);
        var writes = log.Requests.Where(r => r.Method != HttpMethod.Get).ToList();
        AssertJson(writes[0].Body, """{"version":"api-1.2.3","projects":["api","web"],"ref":"v1.2.3","url":"https://github.com/acme/api/releases/v1.2.3"}""");
        AssertJson(writes[1].Body, """{"commits":[{"id":"4f2a9c1e0000000000000000000000000000beef","repository":"acme/api","message":"Add retries","author_name":"Ann","author_email":"ann@example.com","timestamp":"2026-11-24T09:00:00+00:00"},{"id":"1b2c3d4e","repository":"acme/api","message":"Fix checkout","author_name":"Bob","author_email":"bob@example.com"}]}""");
        Assert.That(JsonNode.Parse(writes[2].Body!)!["dateReleased"]!.GetValue<DateTimeOffset>(), Is.EqualTo(h.Time.GetUtcNow()), "finalized by the client's clock");
        AssertJson(writes[3].Body, """{"environment":"production","name":"run-7","url":"https://ci.example.com/runs/7","projects":["api","web"]}""");
        Assert.That(result.Deploy!.Name, Is.EqualTo("run-7"));
        Assert.That(result.ToString(), Does.Contain("release: created - in api, web").And.Contain("deploy: created - to production (run-7)").And.EndWith("published"));
    }

    [Test]
    public async Task A_rerun_finds_every_step_and_changes_nothing()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        var existing = WorkflowJson.Release(Version, dateReleased: "2026-11-25T11:00:00Z", commitCount: 2, lastCommit: Head, reference: "v1.2.3");
        log.On(h, HttpMethod.Post, ReleasesPath, existing, HttpStatusCode.AlreadyReported);
        log.On(h, HttpMethod.Put, ReleasePath, existing);
        log.On(h, HttpMethod.Get, DeploysPath, $"[{WorkflowJson.Deploy("staging", null)},{WorkflowJson.Deploy("production", "run-7")}]");

        var result = await Full(h).RunAsync();

        Assert.That(result.Steps.Select(s => s.Outcome).Take(1), Is.EqualTo(new[] { WorkflowOutcome.Updated }), "the 208 release had no url yet, so it is set");
        Assert.That(result.Steps.Skip(1).Select(s => s.Outcome), Is.All.EqualTo(WorkflowOutcome.Found));
        Assert.That(result["finalize"].Detail, Does.Contain("already released at 2026-11-25 11:00:00Z"));
        Assert.That(result["commits"].Detail, Is.EqualTo("2 commit(s) already associated, ending at 4f2a9c1e0000"));
        Assert.That(log.Requests.Count(r => r.Method == HttpMethod.Post && r.Path == DeploysPath), Is.Zero, "no second deploy");
    }

    [Test]
    public async Task A_rerun_of_an_identical_release_reports_nothing_changed()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Post, ReleasesPath, WorkflowJson.Release(Version, dateReleased: "2026-11-25T11:00:00Z", reference: "v1.2.3"), HttpStatusCode.AlreadyReported);

        var result = await h.Client.Organization("acme").Releases.Publish(Version).ForProjects("api").WithRef("v1.2.3").Finalize().RunAsync();

        Assert.That(result.Steps.Select(s => s.Outcome), Is.EqualTo(new[] { WorkflowOutcome.Found, WorkflowOutcome.Skipped, WorkflowOutcome.Found, WorkflowOutcome.Skipped }));
        Assert.That(result.Changed, Is.False);
        Assert.That(result.ToString(), Does.EndWith("nothing changed"));
    }

    [Test]
    public async Task Refs_in_sentry_cli_notation_are_sent_as_refs_with_the_previous_commit()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Post, ReleasesPath, WorkflowJson.Release(Version), HttpStatusCode.Created);
        log.On(h, HttpMethod.Put, ReleasePath, WorkflowJson.Release(Version, commitCount: 3, lastCommit: Head));

        var result = await h.Client.Organization("acme").Releases.Publish(Version).ForProjects("api")
            .WithCommits(ReleaseCommits.FromRefs("acme/api@1b2c3d4.." + Head, "acme/web@9f8e7d6"))
            .RunAsync();

        AssertJson(log.Requests.Single(r => r.Method == HttpMethod.Put).Body, $$"""{"refs":[{"repository":"acme/api","commit":"{{Head}}","previousCommit":"1b2c3d4"},{"repository":"acme/web","commit":"9f8e7d6"}]}""");
        Assert.That(result["commits"].Detail, Is.EqualTo($"acme/api@1b2c3d4..{Head}, acme/web@9f8e7d6"));
    }

    [Test]
    public void Bad_input_fails_naming_it_before_any_request()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        var releases = h.Client.Organization("acme").Releases;

        Assert.That(() => releases.Publish(" "), Throws.ArgumentException.With.Message.Contains("version"));
        Assert.That(() => releases.Publish("latest"), Throws.ArgumentException.With.Message.Contains("latest"));
        Assert.That(() => releases.Publish(Version).ForProjects("Not A Slug"), Throws.ArgumentException.With.Message.Contains("Not A Slug"));
        Assert.That(() => ReleaseCommits.FromRefs("acme/api"), Throws.ArgumentException.With.Message.Contains("'acme/api' is not a commit spec"));
        Assert.That(() => releases.Publish(Version).WithCommits(ReleaseCommits.Explicit([])), Throws.ArgumentException.With.Message.Contains("empty"));
        Assert.That(() => releases.Publish(Version).WithDeploy(""), Throws.ArgumentException.With.Property("ParamName").EqualTo("environment"));
        var noProject = Assert.ThrowsAsync<InvalidOperationException>(() => releases.Publish(Version).RunAsync());
        Assert.That(noProject!.Message, Does.Contain("ForProjects"));
        Assert.That(log.Requests, Is.Empty);
    }

    [Test]
    public async Task A_refused_step_is_reported_failed_the_rest_skipped_and_EnsureSuccess_throws_with_what_was_done()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Post, ReleasesPath, WorkflowJson.Release(Version), HttpStatusCode.Created);
        log.On(h, HttpMethod.Put, ReleasePath, _ => SentryTestHarness.Json("""{"detail":"Unable to fetch commits from acme/api"}""", HttpStatusCode.BadRequest));

        var result = await Full(h).RunAsync();

        Assert.That(result.Steps.Select(s => s.Outcome), Is.EqualTo(new[] { WorkflowOutcome.Created, WorkflowOutcome.Failed, WorkflowOutcome.Skipped, WorkflowOutcome.Skipped }));
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result["commits"].Error, Is.InstanceOf<SentryValidationException>());
        Assert.That(result.ToString(), Does.Contain("commits: failed").And.Contain("Unable to fetch commits").And.Contain("finalize: skipped - not run: an earlier step failed"));
        var error = Assert.Throws<SentryWorkflowException>(() => result.EnsureSuccess());
        Assert.That(error!.Message, Does.Contain("stopped at 'commits'").And.Contain("release: created").And.Not.Contain(SentryTestHarness.Token));
    }

    [Test]
    public async Task Local_git_commits_start_after_the_previous_release_with_commits()
    {
        using var repo = new TempGitRepository();
        var first = repo.Commit("Initial commit");
        repo.Commit("Fix checkout", "Bob", "bob@example.com");
        var head = repo.Commit("Add retries");
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Get, ProjectReleasesPath, $"[{WorkflowJson.Release(Version)},{WorkflowJson.Release("api-1.2.2", lastCommit: first, dateCreated: "2026-11-21T10:00:00Z")},{WorkflowJson.Release("api-1.2.1", lastCommit: "0ld")}]");
        log.On(h, HttpMethod.Post, ReleasesPath, WorkflowJson.Release(Version), HttpStatusCode.Created);
        log.On(h, HttpMethod.Put, ReleasePath, WorkflowJson.Release(Version, commitCount: 2, lastCommit: head));

        var result = await h.Client.Organization("acme").Releases.Publish(Version).ForProjects("api")
            .WithCommits(ReleaseCommits.FromLocalGit(repo.Path)).RunAsync();

        var sent = JsonNode.Parse(log.Requests.Single(r => r.Method == HttpMethod.Put).Body!)!["commits"]!.AsArray();
        Assert.That(sent, Has.Count.EqualTo(2));
        Assert.That(sent[0]!["id"]!.GetValue<string>(), Is.EqualTo(head), "newest first");
        Assert.That(sent.Select(c => c!["repository"]!.GetValue<string>()), Is.All.EqualTo("acme/api"));
        Assert.That(result["commits"].Detail, Does.StartWith("2 commit(s) from acme/api since api-1.2.2"));
    }

    [Test]
    public void Local_git_without_the_previous_commit_fails_before_anything_changes_and_says_how_to_fix_it()
    {
        using var repo = new TempGitRepository();
        repo.Commit("Only commit");
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Get, ProjectReleasesPath, $"[{WorkflowJson.Release("api-1.2.2", lastCommit: "0123456789abcdef0123456789abcdef01234567")}]");

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => h.Client.Organization("acme").Releases.Publish(Version).ForProjects("api")
            .WithCommits(ReleaseCommits.FromLocalGit(repo.Path)).RunAsync());

        Assert.That(error!.Message, Does.Contain("api-1.2.2 ends at commit 0123456789ab").And.Contain("fetch-depth: 0").And.Contain("ignoreMissing"));
        Assert.That(log.Requests.Select(r => r.Method), Is.All.EqualTo(HttpMethod.Get));
    }

    [Test]
    public async Task Local_git_with_ignoreMissing_sends_the_last_commits_instead()
    {
        using var repo = new TempGitRepository();
        repo.Commit("One");
        repo.Commit("Two");
        var head = repo.Commit("Three");
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Get, ProjectReleasesPath, $"[{WorkflowJson.Release("api-1.2.2", lastCommit: "0123456789abcdef0123456789abcdef01234567")}]");
        log.On(h, HttpMethod.Post, ReleasesPath, WorkflowJson.Release(Version), HttpStatusCode.Created);
        log.On(h, HttpMethod.Put, ReleasePath, WorkflowJson.Release(Version, commitCount: 2, lastCommit: head));

        var result = await h.Client.Organization("acme").Releases.Publish(Version).ForProjects("api")
            .WithCommits(ReleaseCommits.FromLocalGit(repo.Path, ignoreMissing: true, initialDepth: 2)).RunAsync();

        var sent = JsonNode.Parse(log.Requests.Single(r => r.Method == HttpMethod.Put).Body!)!["commits"]!.AsArray();
        Assert.That(sent, Has.Count.EqualTo(2));
        Assert.That(result["commits"].Detail, Does.Contain("the last 2, since api-1.2.2's commit 0123456789ab is not in the local history"));
    }

    [Test]
    public async Task A_users_fake_can_stand_in_for_the_publication()
    {
        ReleasesClient releases = new FakeReleases();

        var result = await releases.Publish(Version).ForProjects("api").Finalize().RunAsync();

        Assert.That(result.Projects, Is.EqualTo(new[] { "api" }));
        Assert.That(result.Changed, Is.False);
        Assert.That(result["release"].Outcome, Is.EqualTo(WorkflowOutcome.Found));
    }

    private sealed class FakeReleases : ReleasesClient
    {
        public override ReleasePublication Publish(string version) => new FakePublication(version);
    }

    private sealed class FakePublication(string version) : ReleasePublication(version)
    {
        public override Task<ReleasePublishResult> RunAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new ReleasePublishResult(Version, Projects, [new WorkflowStep("release", WorkflowOutcome.Found, "already existed")], null, null));
    }

    private static void AssertJson(string? actual, string expected) =>
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(actual!), JsonNode.Parse(expected)), $"sent {actual}");
}
