using System.Net;
using RichardSzalay.MockHttp;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Workflows.Doctor;

/// <summary><c>sentry.DiagnoseAsync()</c>: each check, what is wrong and how to fix it, never the token.</summary>
public class DiagnoseTests
{
    private const string AllScopes = """["org:read","team:read","project:write","project:releases","alerts:write","event:write","member:read"]""";

    private static string Root(string scopes) => """{"version":"0","user":{"id":"1","email":"ann@example.com"},"auth":{"scopes":""" + scopes + "}}";

    private static RequestRecorder Scenario(SentryTestHarness h, string scopes = AllScopes, HttpStatusCode envelope = HttpStatusCode.OK, bool project = true)
    {
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Get, "/api/0/", Root(scopes));
        log.On(h, HttpMethod.Get, "/api/0/organizations/acme/", """{"id":"1","slug":"acme","name":"Acme"}""");
        if (project)
        {
            log.On(h, HttpMethod.Get, "/api/0/projects/acme/backend/", WorkflowJson.Project("backend"));
        }
        else
        {
            log.NotFound(h, HttpMethod.Get, "/api/0/projects/acme/backend/");
        }

        log.On(h, HttpMethod.Get, "/api/0/projects/acme/backend/keys/", $"[{WorkflowJson.Key("Default")}]");
        h.Mock.When(HttpMethod.Post, WorkflowJson.IngestHost + WorkflowJson.EnvelopePath).Respond(_ => SentryTestHarness.Json("{}", envelope));
        return log;
    }

    private static Task<SentryDiagnosis> Diagnose(SentryTestHarness h, DiagnosisOptions? options = null) =>
        h.RunAsync(h.Client.DiagnoseAsync(options ?? new DiagnosisOptions { Project = "backend" }), TimeSpan.FromMilliseconds(100));

    [Test]
    public async Task A_working_setup_passes_every_check_and_the_test_event_is_accepted()
    {
        using var h = new SentryTestHarness();
        Scenario(h);

        var report = await Diagnose(h);

        Assert.That(report.Checks.Select(c => (c.Name, c.Status)), Is.EqualTo(new[]
        {
            ("token", DiagnosticStatus.Pass), ("scopes", DiagnosticStatus.Pass), ("organization", DiagnosticStatus.Pass),
            ("project", DiagnosticStatus.Pass), ("ingestion", DiagnosticStatus.Pass), ("releases", DiagnosticStatus.Pass),
        }));
        Assert.That(report.Healthy, Is.True);
        Assert.That(report["token"].Detail, Does.StartWith("valid, user ann@example.com (id 1)"));
        Assert.That(report["ingestion"].Detail, Is.EqualTo("a test event sent to https://abc123@o1.ingest.example.com:443/42 was accepted"));
        Assert.That(report.Scopes.Select(s => s.Workflow), Is.EqualTo(new[] { "bootstrap", "releases", "alerts", "triage", "release health", "watch", "external issues", "members" }));
        Assert.That(report.Scopes, Has.All.Property(nameof(WorkflowScopeCheck.Ok)).True);
        Assert.That(report.ToString(), Does.StartWith("Sentry doctor, https://sentry.example.com/: healthy").And.Contain("[pass] project: backend (id 42, csharp) reachable").And.Not.Contain(SentryTestHarness.Token));
    }

    [Test]
    public async Task Missing_scopes_are_listed_per_workflow_with_where_to_create_a_token()
    {
        using var h = new SentryTestHarness();
        Scenario(h, scopes: """["org:read","project:read","event:read"]""");

        var report = await Diagnose(h);

        Assert.That(report["scopes"].Status, Is.EqualTo(DiagnosticStatus.Warn));
        Assert.That(report["scopes"].Detail, Is.EqualTo("missing team:read, project:write, project:releases, alerts:write, event:write, member:read, needed by: bootstrap, releases, alerts, triage, external issues, members"));
        Assert.That(report["releases"].Status, Is.EqualTo(DiagnosticStatus.Fail));
        Assert.That(report["releases"].Fix, Is.EqualTo("create a token with project:releases (or an organization token, org:ci) at https://sentry.example.com/settings/account/api/auth-tokens/."));
        Assert.That(report.Scopes.Single(s => s.Workflow == "release health").Ok, Is.True);
        Assert.That(report.Healthy, Is.False);
        Assert.That(report.ToString(), Does.Match(@"\n    releases +missing project:releases"));
    }

    [TestCase("project:releases", "org:ci", true)]
    [TestCase("project:releases", "project:write", true)]
    [TestCase("project:read", "project:admin", true)]
    [TestCase("event:read", "event:write", true)]
    [TestCase("event:write", "event:read", false)]
    [TestCase("org:integrations", "org:admin", true)]
    [TestCase("alerts:write", "org:ci", false)]
    public void Scopes_include_the_narrower_ones_as_Sentry_grants_them(string needed, string granted, bool expected) =>
        Assert.That(WorkflowScopes.IsGranted(needed, [granted]), Is.EqualTo(expected));

    [Test]
    public async Task A_rejected_token_fails_with_the_fix_and_the_rest_is_skipped_without_showing_the_token()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Get, "/api/0/", _ => SentryTestHarness.Json("""{"detail":"Invalid token"}""", HttpStatusCode.Unauthorized));

        var report = await Diagnose(h, new DiagnosisOptions { Project = "backend", SendTestEvent = false });

        Assert.That(report["token"].Status, Is.EqualTo(DiagnosticStatus.Fail));
        Assert.That(report["token"].Fix, Does.Contain("create a new token at https://sentry.example.com/settings/account/api/auth-tokens/"));
        Assert.That(report.Checks.Skip(1).Select(c => c.Status), Is.All.EqualTo(DiagnosticStatus.Skipped));
        Assert.That(report.Scopes, Is.Empty);
        Assert.That(report.ToString(), Does.Not.Contain(SentryTestHarness.Token).And.Not.Contain("TEST-TOKEN"));
    }

    [Test]
    public async Task An_unknown_project_fails_and_no_test_event_is_sent()
    {
        using var h = new SentryTestHarness();
        var log = Scenario(h, project: false);

        var report = await Diagnose(h);

        Assert.That(report["project"].Status, Is.EqualTo(DiagnosticStatus.Fail));
        Assert.That(report["project"].Detail, Is.EqualTo("'backend' does not exist in acme or the token cannot see it"));
        Assert.That(report["ingestion"].Status, Is.EqualTo(DiagnosticStatus.Skipped));
        Assert.That(log.Requests.Any(r => r.Path.EndsWith("/keys/", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public async Task A_test_event_Sentry_refuses_fails_ingestion()
    {
        using var h = new SentryTestHarness();
        Scenario(h, envelope: HttpStatusCode.Forbidden);

        var report = await Diagnose(h);

        Assert.That(report["ingestion"].Status, Is.EqualTo(DiagnosticStatus.Fail));
        Assert.That(report["ingestion"].Detail, Does.StartWith("a test event to https://abc123@o1.ingest.example.com:443/42 was"));
        Assert.That(report["ingestion"].Fix, Does.Contain("client key is active"));
    }

    [Test]
    public async Task Release_creation_is_proven_only_when_asked_by_creating_and_deleting_a_test_release()
    {
        using var h = new SentryTestHarness();
        var log = Scenario(h);
        var version = "sentry-management-doctor-" + h.Time.GetUtcNow().ToUnixTimeSeconds();
        log.On(h, HttpMethod.Post, "/api/0/organizations/acme/releases/", WorkflowJson.Release(version), HttpStatusCode.Created);
        log.On(h, HttpMethod.Delete, "/api/0/organizations/acme/releases/" + version + "/", _ => new HttpResponseMessage(HttpStatusCode.NoContent));

        var plain = await Diagnose(h, new DiagnosisOptions { Project = "backend", SendTestEvent = false });
        Assert.That(log.Requests.Any(r => r.Method == HttpMethod.Post), Is.False, "no stray release unless asked");
        Assert.That(plain["releases"].Detail, Is.EqualTo("the token's scopes allow creating releases"));

        var proven = await Diagnose(h, new DiagnosisOptions { Project = "backend", SendTestEvent = false, CreateTestRelease = true });

        Assert.That(proven["releases"].Detail, Is.EqualTo($"created and deleted release {version}"));
        Assert.That(log.Requests.Where(r => r.Method != HttpMethod.Get).Select(r => r.Method), Is.EqualTo(new[] { HttpMethod.Post, HttpMethod.Delete }));
    }

    [Test]
    public void Bad_options_fail_naming_them_before_any_request()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Get, "/api/0/", Root(AllScopes));

        Assert.That(() => h.Client.DiagnoseAsync(new DiagnosisOptions { Project = "Not A Slug" }), Throws.ArgumentException.With.Message.Contains("Project"));
        Assert.That(() => h.Client.DiagnoseAsync(new DiagnosisOptions { Dsn = "nope" }), Throws.ArgumentException.With.Message.Contains("Dsn"));
        Assert.That(log.Requests, Is.Empty);
    }
}
