using System.Net;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Workflows.Bootstrap;

/// <summary><c>org.BootstrapProjectAsync</c>: find or create team, project and key, then a configured capture client.</summary>
public class ProjectBootstrapTests
{
    private const string TeamPath = "/api/0/teams/acme/platform/";
    private const string ProjectPath = "/api/0/projects/acme/backend/";
    private const string CreateProjectPath = "/api/0/teams/acme/platform/projects/";
    private const string KeysPath = "/api/0/projects/acme/backend/keys/";

    private static ProjectBootstrapOptions Options() => new()
    {
        Project = "backend",
        Team = "platform",
        Platform = "csharp",
        Environment = "production",
        Release = "backend@1.0.0",
        ServerName = "web-1",
        SampleRate = 0.5,
        TracesSampleRate = 0.25,
        FilterRules = { new SentryFilterRule { Type = SentryFilterTarget.Exception, Pattern = "Network timeout", Action = SentryFilterAction.Ignore } },
        ConfigureCapture = o => o.Compression = System.IO.Compression.CompressionLevel.NoCompression,
    };

    [Test]
    public async Task A_new_project_is_created_under_the_team_with_a_key_and_a_configured_capture_client()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Get, TeamPath, WorkflowJson.Team("platform"));
        log.NotFound(h, HttpMethod.Get, ProjectPath);
        log.On(h, HttpMethod.Post, CreateProjectPath, WorkflowJson.Project("backend"), HttpStatusCode.Created);
        log.On(h, HttpMethod.Get, KeysPath, "[]");
        log.On(h, HttpMethod.Post, KeysPath, WorkflowJson.Key("Default"), HttpStatusCode.Created);
        string? envelope = null;
        h.Mock.When(HttpMethod.Post, WorkflowJson.IngestHost + WorkflowJson.EnvelopePath).Respond(async request =>
        {
            envelope = await request.Content!.ReadAsStringAsync();
            return SentryTestHarness.Json("{}");
        });

        var options = Options();
        options.SampleRate = 1; // every event kept, so the one below is sent (0.5 would drop it half the time)

        await using var boot = await h.Client.Organization("acme").BootstrapProjectAsync(options);

        Assert.That(boot.Steps.Select(s => (s.Name, s.Outcome)), Is.EqualTo(new[]
        {
            ("team platform", WorkflowOutcome.Found),
            ("project backend", WorkflowOutcome.Created),
            ("key Default", WorkflowOutcome.Created),
        }));
        Assert.That(boot.Changed, Is.True);
        var create = log.Requests.Single(r => r.Method == HttpMethod.Post && r.Path == CreateProjectPath);
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(create.Body!), JsonNode.Parse("""{"name":"backend","slug":"backend","platform":"csharp"}""")), create.Body);
        Assert.That(log.Requests.Single(r => r.Method == HttpMethod.Post && r.Path == KeysPath).Body, Is.EqualTo("""{"name":"Default"}"""));
        Assert.That(boot.Dsn, Is.EqualTo("https://abc123@o1.ingest.example.com/42"));
        Assert.That(boot.CaptureClient.Dsn.ProjectId, Is.EqualTo("42"));

        // The capture client sends with the settings asked for.
        boot.CaptureClient.CaptureMessage("hello");
        Assert.That(await h.RunAsync(boot.CaptureClient.FlushAsync(TimeSpan.FromSeconds(10)), TimeSpan.FromMilliseconds(50)), Is.True);
        Assert.That(envelope, Does.Contain("\"environment\":\"production\"").And.Contain("\"release\":\"backend@1.0.0\"").And.Contain("\"server_name\":\"web-1\""));
        Assert.That(boot.ToString(), Does.Contain("project backend: created").And.Contain("set up").And.Not.Contain("s3cr3t"));
    }

    [Test]
    public async Task A_rerun_finds_everything_and_changes_nothing()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Get, TeamPath, WorkflowJson.Team("platform"));
        log.On(h, HttpMethod.Get, ProjectPath, WorkflowJson.Project("backend"));
        log.On(h, HttpMethod.Get, KeysPath, $"[{WorkflowJson.Key("Default")}]");

        await using var boot = await h.Client.Organization("acme").BootstrapProjectAsync(Options());

        Assert.That(boot.Steps.Select(s => s.Outcome), Is.All.EqualTo(WorkflowOutcome.Found));
        Assert.That(boot.Changed, Is.False);
        Assert.That(log.Requests.Select(r => r.Method), Is.All.EqualTo(HttpMethod.Get));
        Assert.That(boot.ToString(), Does.EndWith("nothing changed"));
    }

    [Test]
    public async Task A_found_project_with_another_platform_or_team_is_left_as_is_and_the_difference_reported()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Get, TeamPath, WorkflowJson.Team("platform"));
        log.On(h, HttpMethod.Get, ProjectPath, WorkflowJson.Project("backend", platform: "python", team: "data"));
        log.On(h, HttpMethod.Get, KeysPath, $"[{WorkflowJson.Key("Default")}]");

        await using var boot = await h.Client.Organization("acme").BootstrapProjectAsync(Options());

        Assert.That(boot.Steps[1].Detail, Is.EqualTo("its platform is python, not csharp (left as is); owned by data, not platform (left as is)"));
        Assert.That(log.Requests.Select(r => r.Method), Is.All.EqualTo(HttpMethod.Get));
    }

    [Test]
    public void An_unknown_team_fails_naming_it_before_anything_is_created()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.NotFound(h, HttpMethod.Get, TeamPath);

        var error = Assert.ThrowsAsync<ArgumentException>(() => h.Client.Organization("acme").BootstrapProjectAsync(Options()));

        Assert.That(error!.Message, Does.Contain("Team 'platform' does not exist in organization 'acme'").And.Contain("CreateTeamIfMissing"));
        Assert.That(log.Requests.Select(r => r.Method), Is.All.EqualTo(HttpMethod.Get));
    }

    [Test]
    public async Task An_unknown_team_is_created_when_asked()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.NotFound(h, HttpMethod.Get, TeamPath);
        log.On(h, HttpMethod.Post, "/api/0/organizations/acme/teams/", WorkflowJson.Team("platform"), HttpStatusCode.Created);
        log.On(h, HttpMethod.Get, ProjectPath, WorkflowJson.Project("backend"));
        log.On(h, HttpMethod.Get, KeysPath, $"[{WorkflowJson.Key("Default")}]");
        var options = Options();
        options.CreateTeamIfMissing = true;

        await using var boot = await h.Client.Organization("acme").BootstrapProjectAsync(options);

        Assert.That(boot.Steps[0], Is.EqualTo(new WorkflowStep("team platform", WorkflowOutcome.Created, string.Empty)));
        Assert.That(log.Requests.Single(r => r.Method == HttpMethod.Post).Body, Is.EqualTo("""{"slug":"platform"}"""));
    }

    [TestCase(nameof(ProjectBootstrapOptions.SampleRate), "SampleRate must be between 0 and 1")]
    [TestCase(nameof(ProjectBootstrapOptions.Project), "options.Project")]
    [TestCase(nameof(ProjectBootstrapOptions.FilterRules), "FilterRules[0] has no pattern")]
    public void Bad_options_fail_naming_the_setting_before_any_request(string setting, string expected)
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Get, TeamPath, WorkflowJson.Team("platform"));
        var options = Options();
        switch (setting)
        {
            case nameof(ProjectBootstrapOptions.SampleRate): options.SampleRate = 1.5; break;
            case nameof(ProjectBootstrapOptions.Project): options.Project = "Not A Slug!"; break;
            default: options.FilterRules.Add(new SentryFilterRule()); options.FilterRules.RemoveAt(0); break;
        }

        var error = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => h.Client.Organization("acme").BootstrapProjectAsync(options));

        Assert.That(error!.Message, Does.Contain(expected));
        Assert.That(log.Requests, Is.Empty);
    }

    [Test]
    public async Task A_named_key_is_created_when_only_other_keys_exist_and_found_by_name_otherwise()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Get, TeamPath, WorkflowJson.Team("platform"));
        log.On(h, HttpMethod.Get, ProjectPath, WorkflowJson.Project("backend"));
        log.On(h, HttpMethod.Get, KeysPath, $"[{WorkflowJson.Key("Default")},{WorkflowJson.Key("Old", "ddd444", active: false)}]");
        log.On(h, HttpMethod.Post, KeysPath, WorkflowJson.Key("ci", "fff999"), HttpStatusCode.Created);
        var options = Options();
        options.KeyName = "ci";

        await using var boot = await h.Client.Organization("acme").BootstrapProjectAsync(options);

        Assert.That(boot.Steps[2].Name, Is.EqualTo("key ci"));
        Assert.That(boot.Steps[2].Outcome, Is.EqualTo(WorkflowOutcome.Created));
        Assert.That(boot.Key.Public, Is.EqualTo("fff999"));
        Assert.That(log.Requests.Single(r => r.Method == HttpMethod.Get && r.Path == KeysPath).Query("status"), Is.EqualTo(new[] { "active" }));
    }

    [Test]
    public void A_step_refused_after_something_was_created_reports_what_was_done()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.NotFound(h, HttpMethod.Get, TeamPath);
        log.On(h, HttpMethod.Post, "/api/0/organizations/acme/teams/", WorkflowJson.Team("platform"), HttpStatusCode.Created);
        log.NotFound(h, HttpMethod.Get, ProjectPath);
        log.On(h, HttpMethod.Post, CreateProjectPath, _ => SentryTestHarness.Json("""{"detail":"You do not have permission to perform this action."}""", HttpStatusCode.Forbidden));
        var options = Options();
        options.CreateTeamIfMissing = true;

        var error = Assert.ThrowsAsync<SentryWorkflowException>(() => h.Client.Organization("acme").BootstrapProjectAsync(options));

        Assert.That(error!.FailedStep, Is.EqualTo("project backend"));
        Assert.That(error.InnerException, Is.InstanceOf<SentryAuthorizationException>());
        Assert.That(error.Steps.Select(s => s.Outcome), Is.EqualTo(new[] { WorkflowOutcome.Created, WorkflowOutcome.Failed }));
        Assert.That(error.Message, Does.Contain("Done before: team platform: created").And.Not.Contain(SentryTestHarness.Token));
    }
}
