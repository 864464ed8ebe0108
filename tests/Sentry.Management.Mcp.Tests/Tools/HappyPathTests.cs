using RichardSzalay.MockHttp;
using System.Text.Json;
using Sentry.Management.Mcp.Tests.TestSupport;

namespace Sentry.Management.Mcp.Tests.Tools;

/// <summary>Every tool once against the fake Sentry: the right requests go out, and markdown and structured content say what came back.</summary>
public class HappyPathTests
{
    private const string Org = "/api/0/organizations/acme";
    private const string Proj = "/api/0/projects/acme/api";

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("whoami", new { organizationSlug = "acme" }, "Ada Lovelace", b =>
        {
            b.Get("/api/0/", Samples.Root);
            b.Get(Org + "/", Samples.Organization);
        });
        yield return Case("find_organizations", new { }, "**acme**", b => b.Get("/api/0/organizations/", Samples.List(Samples.Organization)));
        yield return Case("find_teams", new { organizationSlug = "acme" }, "**backend**", b => b.Get(Org + "/teams/", Samples.List(Samples.Team)));
        yield return Case("create_team", new { organizationSlug = "acme", name = "Backend Team" }, "Team created", b => b.Answer(HttpMethod.Post, Org + "/teams/", Samples.Team, System.Net.HttpStatusCode.Created));
        yield return Case("find_projects", new { organizationSlug = "acme" }, "**api**", b => b.Get(Org + "/projects/", Samples.List(Samples.Project)));
        yield return Case("create_project", new { organizationSlug = "acme", teamSlug = "backend", name = "API", platform = "csharp" }, "o1.ingest.sentry.io", b =>
        {
            b.Answer(HttpMethod.Post, "/api/0/teams/acme/backend/projects/", Samples.Project, System.Net.HttpStatusCode.Created);
            b.Get(Proj + "/keys/", Samples.List(Samples.Key));
        });
        yield return Case("update_project", new { organizationSlug = "acme", projectSlug = "api", name = "API v2", confirm = true }, "Project updated", b => b.Answer(HttpMethod.Put, Proj + "/", Samples.Project));
        yield return Case("add_team_to_project", new { organizationSlug = "acme", projectSlug = "api", teamSlug = "backend" }, "added to", b => b.Answer(HttpMethod.Post, Proj + "/teams/backend/", Samples.Project, System.Net.HttpStatusCode.Created));
        yield return Case("remove_team_from_project", new { organizationSlug = "acme", projectSlug = "api", teamSlug = "backend", confirm = true }, "removed from", b => b.Answer(HttpMethod.Delete, Proj + "/teams/backend/", Samples.Project));
        yield return Case("find_dsns", new { organizationSlug = "acme", projectSlug = "api" }, "https://abc123@o1.ingest.sentry.io/11", b => b.Get(Proj + "/keys/", Samples.List(Samples.Key)));
        yield return Case("create_dsn", new { organizationSlug = "acme", projectSlug = "api", name = "Production" }, "DSN created", b => b.Answer(HttpMethod.Post, Proj + "/keys/", Samples.Key, System.Net.HttpStatusCode.Created));
        yield return Case("update_dsn", new { organizationSlug = "acme", projectSlug = "api", keyId = "abc123", isActive = false, confirm = true }, "DSN updated", b => b.Answer(HttpMethod.Put, Proj + "/keys/abc123/", Samples.Key));
        yield return Case("delete_dsn", new { organizationSlug = "acme", projectSlug = "api", keyId = "abc123", confirm = true }, "deleted", b => b.Answer(HttpMethod.Delete, Proj + "/keys/abc123/", string.Empty, System.Net.HttpStatusCode.NoContent));
        yield return Case("find_releases", new { organizationSlug = "acme" }, "api@1.2.0", b => b.Get(Org + "/releases/", Samples.List(Samples.Release)));
        yield return Case("get_release_details", new { organizationSlug = "acme", releaseVersion = "api@1.2.0" }, "Fix the checkout", b =>
        {
            b.Get(Org + "/releases/api%401.2.0/", Samples.Release);
            b.Get(Org + "/releases/api%401.2.0/deploys/", Samples.List(Samples.Deploy));
            b.Get(Org + "/releases/api%401.2.0/commits/", Samples.List(Samples.Commit));
        });
        yield return Case("create_release", new { organizationSlug = "acme", version = "api@1.2.0", projects = new[] { "api" } }, "Release created", b => b.Answer(HttpMethod.Post, Org + "/releases/", Samples.Release, System.Net.HttpStatusCode.Created));
        yield return Case("set_release_commits", new { organizationSlug = "acme", version = "api@1.2.0", refs = new[] { new { repository = "acme/api", commit = "abc" } }, confirm = true }, "Commits set", b => b.Answer(HttpMethod.Put, Org + "/releases/api%401.2.0/", Samples.Release));
        yield return Case("create_deploy", new { organizationSlug = "acme", version = "api@1.2.0", environment = "production" }, "Deploy recorded", b => b.Answer(HttpMethod.Post, Org + "/releases/api%401.2.0/deploys/", Samples.Deploy, System.Net.HttpStatusCode.Created));
        yield return Case("finalize_release", new { organizationSlug = "acme", version = "api@1.2.0" }, "Release finalized", b => b.Answer(HttpMethod.Put, Org + "/releases/api%401.2.0/", Samples.Release));
        yield return Case("search_issues", new { organizationSlug = "acme", query = "is:unresolved level:error" }, "**API-1**", b => b.Get(Org + "/issues/", Samples.List(Samples.Issue)));
        yield return Case("get_issue_details", new { organizationSlug = "acme", issueId = "1001" }, "Checkout.cs:42", b =>
        {
            b.Get(Org + "/issues/1001/", Samples.Issue);
            b.Get(Org + "/issues/1001/events/latest/", Samples.Event);
        });
        yield return Case("search_issue_events", new { organizationSlug = "acme", issueId = "1001" }, "0123456789abcdef0123456789abcdef", b => b.Get(Org + "/issues/1001/events/", Samples.List(Samples.Event)));
        yield return Case("get_issue_tag_values", new { organizationSlug = "acme", issueId = "1001", tagKey = "browser" }, "Chrome 120", b => b.Get(Org + "/issues/1001/tags/browser/", Samples.Tag));
        yield return Case("update_issue", new { organizationSlug = "acme", issueId = "1001", status = "resolved", confirm = true }, "status → resolved", b => b.Answer(HttpMethod.Put, Org + "/issues/1001/", Samples.Issue));
        yield return Case("update_issue", new { organizationSlug = "acme", issueId = "1001", status = "resolved", reason = "fixed in api@1.2.0", confirm = true }, "Note `2001` added", b =>
        {
            b.Answer(HttpMethod.Put, Org + "/issues/1001/", Samples.Issue);
            b.Answer(HttpMethod.Post, Org + "/issues/1001/notes/", Samples.Note, System.Net.HttpStatusCode.Created);
        });
        yield return Case("add_issue_note", new { organizationSlug = "acme", issueId = "1001", text = "Looking into it", mentions = new[] { "user:1" } }, "Note added to issue 1001", b => b.Answer(HttpMethod.Post, Org + "/issues/1001/notes/", Samples.Note, System.Net.HttpStatusCode.Created));
        yield return Case("search_events", new { organizationSlug = "acme", query = "level:error" }, "title: NullReferenceException", b => b.Get(Org + "/events/", Samples.DiscoverRows));
        yield return Case("bulk_update_issues", new { organizationSlug = "acme", query = "is:unresolved", status = "resolved" }, "Dry run: 1 issues would change", b => b.Get(Org + "/issues/", Samples.List(Samples.Issue)));
        yield return Case("bulk_delete_issues", new { organizationSlug = "acme", query = "is:unresolved" }, "Dry run: 1 issues would change (delete)", b => b.Get(Org + "/issues/", Samples.List(Samples.Issue)));
        yield return Case("find_alert_rules", new { organizationSlug = "acme", projectSlug = "api" }, "High Error Rate Alert", b => b.Get(Proj + "/rules/", Samples.List(Samples.IssueRule)));
        yield return Case("get_alert_rule", new { organizationSlug = "acme", kind = "metric", ruleIdOrName = "41" }, "Errors above 10", b => b.Get(Org + "/alert-rules/41/", Samples.MetricRule));
        yield return Case(
            "create_alert_rule",
            new { organizationSlug = "acme", projectSlug = "api", name = "High Error Rate Alert", conditions = new[] { new { id = "sentry.rules.conditions.event_frequency.EventFrequencyCondition", value = 100, interval = "1m" } }, actions = new[] { new { id = "sentry.integrations.slack.notify_action.SlackNotifyServiceAction", channel = "#alerts" } } },
            "Issue alert rule created",
            b => b.Answer(HttpMethod.Post, Proj + "/rules/", Samples.IssueRule, System.Net.HttpStatusCode.Created));
        yield return Case(
            "update_alert_rule",
            new { organizationSlug = "acme", projectSlug = "api", ruleId = "31", name = "High Error Rate Alert", conditions = new[] { new { id = "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition" } }, actions = new[] { new { id = "sentry.rules.actions.notify_event_service.NotifyEventServiceAction", service = "mail" } }, confirm = true },
            "Issue alert rule updated",
            b => b.Answer(HttpMethod.Put, Proj + "/rules/31/", Samples.IssueRule));
        yield return Case(
            "create_metric_alert",
            new { organizationSlug = "acme", name = "Errors above 10", aggregate = "count()", query = "level:error", projects = new[] { "api" }, triggers = new[] { new { label = "critical", alertThreshold = 10 } } },
            "Metric alert created",
            b => b.Answer(HttpMethod.Post, Org + "/alert-rules/", Samples.MetricRule, System.Net.HttpStatusCode.Created));
        yield return Case(
            "update_metric_alert",
            new { organizationSlug = "acme", alertRuleId = "41", name = "Errors above 10", aggregate = "count()", projects = new[] { "api" }, triggers = new[] { new { label = "critical", alertThreshold = 20 } }, confirm = true },
            "Metric alert updated",
            b => b.Answer(HttpMethod.Put, Org + "/alert-rules/41/", Samples.MetricRule));
        yield return Case("get_organization_stats", new { organizationSlug = "acme", period = "24h" }, "outcome=accepted: 1234", b => b.Get(Org + "/stats_v2/", Samples.StatsV2));
        yield return Case("get_release_health", new { organizationSlug = "acme", version = "api@1.2.0" }, "Crash-free sessions: 97", b =>
        {
            b.Mock.When(HttpMethod.Get, SentryBackend.BaseUrl + Org + "/sessions/").WithQueryString("query", "release:\"api@1.2.0\"").Respond("application/json", Samples.Sessions(0.97, 100));
            b.Mock.When(HttpMethod.Get, SentryBackend.BaseUrl + Org + "/sessions/").WithQueryString("query", "release:\"api@1.1.0\"").Respond("application/json", Samples.Sessions(0.99, 300));
            b.Get(Org + "/sessions/", Samples.Sessions(0.98, 400));
            b.Get(Org + "/releases/", Samples.List(Samples.Release, Samples.Release.Replace("api@1.2.0", "api@1.1.0", StringComparison.Ordinal)));
        });
        yield return Case("doctor", new { organizationSlug = "acme", projectSlug = "api" }, "organization acme: reachable", b =>
        {
            b.Get("/api/0/", Samples.Root);
            b.Get(Org + "/", Samples.Organization);
            b.Get(Proj + "/", Samples.Project);
        });
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Tool_answers_from_the_facade(string tool, object arguments, string expected, Action<SentryBackend> setup)
    {
        await using var mcp = await McpHarness.StartAsync();
        setup(mcp.Backend);

        var result = await mcp.CallAsync(tool, arguments);

        Assert.That(result.IsError, Is.Not.True, result.Text());
        Assert.That(result.Text(), Does.Contain(expected));
        Assert.That(result.StructuredContent, Is.Not.Null);
        Assert.That(result.StructuredContent!.Value.ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(result.Text() + result.StructuredContent.Value.GetRawText(), Does.Not.Contain(SentryBackend.Token).And.Not.Contain("s3cr3t-never-shown"));

        var declared = (await mcp.ListToolsAsync()).Single(t => t.Name == tool).OutputSchema!.Value;
        var schema = Json.Schema.JsonSchema.FromText(declared.GetRawText(), new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() }, new Uri($"https://mcp.sentry-management.invalid/{tool}"));
        var evaluation = schema.Evaluate(result.StructuredContent.Value, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        Assert.That(evaluation.IsValid, Is.True, $"structuredContent of {tool} matches its outputSchema: {string.Join("; ", (evaluation.Details ?? []).SelectMany(d => (d.Errors ?? new Dictionary<string, string>()).Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")))}");
    }

    [Test]
    public async Task Get_issue_details_resolves_a_short_id_and_shows_frames_innermost_first_with_breadcrumbs()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Get(Org + "/shortids/API-1/", """{"groupId":"1001","shortId":"API-1","organizationSlug":"acme","projectSlug":"api"}""");
        mcp.Backend.Get(Org + "/issues/1001/", Samples.Issue);
        mcp.Backend.Get(Org + "/issues/1001/events/latest/", Samples.Event);

        var text = (await mcp.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = "API-1" })).Text();

        Assert.That(text.IndexOf("Pay in Checkout.cs:42", StringComparison.Ordinal), Is.LessThan(text.IndexOf("Main in Program.cs:10", StringComparison.Ordinal)));
        Assert.That(text, Does.Contain("POST /pay"));
    }

    [TestCase("api", "project:api is:unresolved", null)]
    [TestCase("11", "is:unresolved", "11")]
    public async Task Search_issues_scopes_to_a_project_by_slug_or_id(string project, string query, string? projectId)
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Get(Org + "/issues/", Samples.List(Samples.Issue));

        await mcp.CallAsync("search_issues", new { organizationSlug = "acme", query = "is:unresolved", projectSlugOrId = project, sort = "freq", period = "7d" });

        var sent = System.Web.HttpUtility.ParseQueryString(mcp.Backend.Requests.Single().RequestUri!.Query);
        Assert.That(sent["query"], Is.EqualTo(query));
        Assert.That(sent["project"], Is.EqualTo(projectId));
        Assert.That(sent["sort"], Is.EqualTo("freq"));
        Assert.That(sent["statsPeriod"], Is.EqualTo("7d"));
    }

    [Test]
    public async Task Get_issue_details_takes_an_issue_url_on_the_configured_sentry()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Get(Org + "/issues/1001/", Samples.Issue);
        mcp.Backend.Get(Org + "/issues/1001/events/latest/", Samples.Event);

        var result = await mcp.CallAsync("get_issue_details", new { issueUrl = "https://acme.sentry.io/issues/1001/" });

        Assert.That(result.IsError, Is.Not.True, result.Text());
        Assert.That(result.Text(), Does.Contain("API-1"));
    }

    [Test]
    public async Task Send_test_event_delivers_through_the_projects_dsn()
    {
        var envelopes = new List<string>();
        using var ingest = new RichardSzalay.MockHttp.MockHttpMessageHandler();
        ingest.When(HttpMethod.Post, "https://o1.ingest.sentry.io/api/11/envelope/").Respond(async request =>
        {
            envelopes.Add(request.RequestUri!.Host);
            await Task.Yield();
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}") };
        });
        await using var mcp = await McpHarness.StartAsync(captureHandler: ingest);
        mcp.Backend.Get(Proj + "/keys/", Samples.List(Samples.Key));

        var result = await mcp.CallAsync("send_test_event", new { organizationSlug = "acme", projectSlug = "api", message = "hello from the test" });

        Assert.That(result.IsError, Is.Not.True, result.Text());
        Assert.That(result.Text(), Does.Contain("Test event accepted"));
        Assert.That(envelopes, Is.Not.Empty);
    }

    [Test]
    public async Task Send_test_event_without_a_factory_goes_through_the_facades_capture_client()
    {
        // No CaptureClientFactory: the facade's CreateCaptureClient, so the event leaves through the facade's handler
        // (the mock, not a socket) and is stamped by the facade's clock.
        var clock = new FixedClock(new DateTimeOffset(2031, 2, 3, 4, 5, 6, TimeSpan.Zero));
        await using var mcp = await McpHarness.StartAsync(o => o.CaptureClientFactory = null, timeProvider: clock);
        var envelopes = new List<string>();
        mcp.Backend.Mock.When(HttpMethod.Post, "https://o1.ingest.sentry.io/api/11/envelope/").Respond(async request =>
        {
            var body = await request.Content!.ReadAsStreamAsync();
            if (request.Content.Headers.ContentEncoding.Contains("gzip"))
            {
                body = new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress);
            }

            using (body)
            using (var reader = new StreamReader(body))
            {
                envelopes.Add(await reader.ReadToEndAsync());
            }

            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}") };
        });
        mcp.Backend.Get(Proj + "/keys/", Samples.List(Samples.Key));

        var result = await mcp.CallAsync("send_test_event", new { organizationSlug = "acme", projectSlug = "api", message = "hello from the facade" });

        Assert.That(result.IsError, Is.Not.True, result.Text());
        Assert.That(result.Text(), Does.Contain("Test event accepted"));
        Assert.That(envelopes, Has.Count.EqualTo(1));
        Assert.That(envelopes[0], Does.Contain("hello from the facade").And.Contain("2031-02-03T04:05:06"), "the facade's clock, not the system's");
    }

    [Test]
    public async Task Add_issue_note_sends_the_text_and_mentions()
    {
        await using var mcp = await McpHarness.StartAsync();
        string? body = null;
        mcp.Backend.Mock.When(HttpMethod.Post, SentryBackend.BaseUrl + Org + "/issues/1001/notes/").Respond(async request =>
        {
            body = await request.Content!.ReadAsStringAsync();
            return new HttpResponseMessage(System.Net.HttpStatusCode.Created) { Content = new StringContent(Samples.Note, System.Text.Encoding.UTF8, "application/json") };
        });

        var result = await mcp.CallAsync("add_issue_note", new { organizationSlug = "acme", issueId = "1001", text = "Looking into it", mentions = new[] { "user:1" } });

        Assert.That(result.IsError, Is.Not.True, result.Text());
        using var sent = JsonDocument.Parse(body!);
        Assert.That(sent.RootElement.GetProperty("text").GetString(), Is.EqualTo("Looking into it"));
        Assert.That(sent.RootElement.GetProperty("mentions")[0].GetString(), Is.EqualTo("user:1"));
        Assert.That(result.StructuredContent!.Value.GetProperty("noteId").GetString(), Is.EqualTo("2001"));
    }

    [Test]
    public async Task Update_issue_without_a_reason_adds_no_note()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Answer(HttpMethod.Put, Org + "/issues/1001/", Samples.Issue);

        var result = await mcp.CallAsync("update_issue", new { organizationSlug = "acme", issueId = "1001", status = "resolved", confirm = true });

        Assert.That(result.IsError, Is.Not.True, result.Text());
        Assert.That(mcp.Backend.Requests.Select(r => r.Method), Is.EqualTo(new[] { HttpMethod.Put }));
    }

    [TestCase("errors", null, "errors", "level:error", "issue,title,count(),last_seen()", "-count()")]
    [TestCase("transactions", "api", "spans", "is_transaction:true project:api level:error", "transaction,count(),p95(span.duration)", "-count()")]
    [TestCase("logs", null, "logs", "level:error", "timestamp,severity,message", "-timestamp")]
    public async Task Search_events_sends_the_dataset_fields_and_query_sentry_expects(string dataset, string? project, string sentDataset, string sentQuery, string sentFields, string sentSort)
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Get(Org + "/events/", Samples.DiscoverRows, nextCursor: "0:25:0");

        var result = await mcp.CallAsync("search_events", new { organizationSlug = "acme", dataset, projectSlug = project, query = "level:error", environment = "production", period = "24h", limit = 25 });

        Assert.That(result.IsError, Is.Not.True, result.Text());
        var sent = System.Web.HttpUtility.ParseQueryString(mcp.Backend.Requests.Single().RequestUri!.Query);
        Assert.That(sent["dataset"], Is.EqualTo(sentDataset));
        Assert.That(sent["query"], Is.EqualTo(sentQuery));
        Assert.That(sent["field"], Is.EqualTo(sentFields));
        Assert.That(sent["sort"], Is.EqualTo(sentSort));
        Assert.That(sent["environment"], Is.EqualTo("production"));
        Assert.That(sent["statsPeriod"], Is.EqualTo("24h"));
        Assert.That(sent["per_page"], Is.EqualTo("25"));
        Assert.That(result.StructuredContent!.Value.GetProperty("nextCursor").GetString(), Is.EqualTo("0:25:0"));
    }

    [Test]
    public async Task Search_events_continues_from_the_cursor_it_handed_out()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Get(Org + "/events/", Samples.DiscoverRows);

        await mcp.CallAsync("search_events", new { organizationSlug = "acme", cursor = "0:25:0" });

        var sent = System.Web.HttpUtility.ParseQueryString(mcp.Backend.Requests.Single().RequestUri!.Query);
        Assert.That(sent["cursor"], Is.EqualTo("0:25:0"));
    }

    private static TestCaseData Case(string tool, object arguments, string expected, Action<SentryBackend> setup) =>
        new TestCaseData(tool, arguments, expected, setup).SetArgDisplayNames(tool);
}

/// <summary>A clock that always says the same time; timers and timestamps for durations stay the system's.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
