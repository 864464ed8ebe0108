using System.Net;
using System.Text.Json.Nodes;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Workflows.Alerts;

public class MetricAlertSetupTests
{
    private const string Project = "/api/0/projects/acme/backend/";
    private const string Integrations = "/api/0/organizations/acme/integrations/";
    private const string Workflows = "/api/0/organizations/acme/workflows/";
    private const string Detectors = "/api/0/organizations/acme/detectors/";
    private const string ProjectDetectors = "/api/0/organizations/acme/projects/backend/detectors/";
    private const string MetricRules = "/api/0/organizations/acme/alert-rules/";

    private static void AssertJson(string? actual, string expected) =>
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(actual!), JsonNode.Parse(expected)), Is.True, $"body was {actual}");

    private static MetricAlert ErrorSpike() =>
        MetricAlert.ErrorCount("Error spike").Over(1).Critical(10, AlertAction.Slack("#alerts")).Build();

    private static MetricAlert CrashFree() =>
        MetricAlert.CrashFreeSessionRate("Crash-free sessions").InEnvironment("production")
            .Warning(98, AlertAction.Slack("#alerts"))
            .Critical(95, AlertAction.Slack("#alerts"), AlertAction.EmailTeam("4524986223"))
            .Build();

    private static RequestRecorder Sentry(SentryTestHarness h, bool workflowEngine, string detectors = "[]")
    {
        var r = new RequestRecorder();
        r.On(h, HttpMethod.Get, Project, """{"id": "42", "slug": "backend"}""");
        r.On(h, HttpMethod.Get, Integrations, """[{"id": "24", "name": "Acme"}]""");
        if (workflowEngine)
        {
            r.On(h, HttpMethod.Get, Workflows, "[]");
            r.On(h, HttpMethod.Get, Detectors, detectors);
            r.On(h, HttpMethod.Post, ProjectDetectors, """{"id": "81", "name": "Error spike", "type": "metric_issue"}""", HttpStatusCode.Created);
            r.On(h, HttpMethod.Post, Workflows, """{"id": "901", "name": "Error spike"}""", HttpStatusCode.Created);
        }
        else
        {
            r.On(h, HttpMethod.Get, Workflows, """{"detail": "Not found"}""", HttpStatusCode.NotFound);
            r.On(h, HttpMethod.Get, MetricRules, "[]");
            r.On(h, HttpMethod.Post, MetricRules, """{"id": "177", "name": "Crash-free sessions"}""", HttpStatusCode.Created);
        }

        return r;
    }

    [Test]
    public async Task Error_count_above_10_in_1m_becomes_a_metric_detector_and_its_workflow()
    {
        using var h = new SentryTestHarness();
        var r = Sentry(h, workflowEngine: true);

        var result = await h.Client.Project("backend").AlertRules.EnsureMetricAsync(ErrorSpike());

        var writes = r.Requests.Where(q => q.Method == HttpMethod.Post).ToList();
        Assert.That(writes.Select(w => w.Path), Is.EqualTo(new[] { ProjectDetectors, Workflows }), "the detector first, then the workflow that acts on it");
        AssertJson(writes[0].Body, """
            {"name": "Error spike", "type": "metric_issue",
             "data_sources": [{"aggregate": "count()", "dataset": "events", "query": "", "queryType": 0, "timeWindow": 60, "eventTypes": ["error", "default"]}],
             "config": {"detectionType": "static"},
             "condition_group": {"logic_type": "any", "conditions": [
                {"type": "gt", "comparison": 10, "conditionResult": 75},
                {"type": "lte", "comparison": 10, "conditionResult": 0}]}}
            """);
        AssertJson(writes[1].Body, """
            {"name": "Error spike", "detector_ids": [81],
             "triggers": {"logic_type": "any-short", "conditions": []},
             "action_filters": [{"logicType": "any-short",
                "conditions": [{"type": "issue_priority_greater_or_equal", "comparison": 75, "conditionResult": true}],
                "actions": [{"type": "slack", "data": {}, "config": {"targetType": "specific", "targetIdentifier": "", "targetDisplay": "#alerts"}, "integrationId": "24"}]}]}
            """);
        Assert.That((result.Api, result.Change, result.Id, result.DetectorId), Is.EqualTo((AlertApi.WorkflowEngine, AlertSetupChange.Created, "901", "81")));
    }

    [Test]
    public async Task Crash_free_rate_below_95_becomes_a_legacy_metric_rule_with_warning_and_critical()
    {
        using var h = new SentryTestHarness();
        var r = Sentry(h, workflowEngine: false);

        var result = await h.Client.Project("backend").AlertRules.EnsureMetricAsync(CrashFree());

        AssertJson(r.Requests.Single(q => q.Method == HttpMethod.Post).Body, """
            {"name": "Crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate",
             "timeWindow": 60, "projects": ["backend"], "query": "", "thresholdType": 1, "environment": "production",
             "dataset": "metrics", "queryType": 2,
             "triggers": [
                {"label": "critical", "alertThreshold": 95, "actions": [
                    {"type": "slack", "targetType": "specific", "targetIdentifier": "#alerts", "integrationId": "24"},
                    {"type": "email", "targetType": "team", "targetIdentifier": "4524986223"}]},
                {"label": "warning", "alertThreshold": 98, "actions": [
                    {"type": "slack", "targetType": "specific", "targetIdentifier": "#alerts", "integrationId": "24"}]}]}
            """);
        Assert.That((result.Api, result.Change, result.Id), Is.EqualTo((AlertApi.Legacy, AlertSetupChange.Created, "177")));
    }

    [Test]
    public async Task Crash_free_rate_on_the_workflow_engine_fires_below_and_resolves_at_the_warning_level()
    {
        using var h = new SentryTestHarness();
        var r = Sentry(h, workflowEngine: true);

        await h.Client.Project("backend").AlertRules.EnsureMetricAsync(CrashFree());

        var detector = JsonNode.Parse(r.Requests.First(q => q.Path == ProjectDetectors).Body!)!;
        Assert.That(detector["condition_group"]!["conditions"]!.ToJsonString(), Is.EqualTo(
            """[{"type":"lt","comparison":95,"conditionResult":75},{"type":"lt","comparison":98,"conditionResult":50},{"type":"gte","comparison":98,"conditionResult":0}]"""));
        Assert.That(detector["data_sources"]![0]!["timeWindow"]!.GetValue<int>(), Is.EqualTo(3600), "detectors take seconds");
        var workflow = JsonNode.Parse(r.Requests.First(q => q.Path == Workflows && q.Method == HttpMethod.Post).Body!)!;
        Assert.That(workflow["action_filters"]!.AsArray().Select(f => f!["conditions"]![0]!["comparison"]!.GetValue<int>()), Is.EqualTo(new[] { 75, 50 }));
    }

    [Test]
    public async Task A_re_run_finds_the_detector_and_only_adds_a_missing_workflow()
    {
        using var h = new SentryTestHarness();
        var stored = """
            [{"id": "81", "name": "Error spike", "type": "metric_issue", "config": {"detectionType": "static"},
              "dataSources": [{"id": "3", "type": "snuba_query_subscription", "queryObj": {"snubaQuery": {"aggregate": "count()", "query": "", "timeWindow": 60, "dataset": "events"}}}],
              "conditionGroup": {"id": "6", "logicType": "any", "conditions": [
                {"id": "1", "type": "gt", "comparison": 10.0, "conditionResult": 75}, {"id": "2", "type": "lte", "comparison": 10.0, "conditionResult": 0}]}}]
            """;
        var r = Sentry(h, workflowEngine: true, detectors: stored);

        var result = await h.Client.Project("backend").AlertRules.EnsureMetricAsync(ErrorSpike());

        Assert.That(r.Requests.Where(q => q.Method != HttpMethod.Get).Select(q => q.Path), Is.EqualTo(new[] { Workflows }));
        Assert.That((result.Change, result.DetectorId), Is.EqualTo((AlertSetupChange.Created, "81")));
    }

    [Test]
    public void A_failed_workflow_after_the_detector_is_reported_with_the_detector()
    {
        using var h = new SentryTestHarness();
        var r = new RequestRecorder();
        r.On(h, HttpMethod.Get, Project, """{"id": "42"}""");
        r.On(h, HttpMethod.Get, Integrations, """[{"id": "24", "name": "Acme"}]""");
        r.On(h, HttpMethod.Get, Workflows, "[]");
        r.On(h, HttpMethod.Get, Detectors, "[]");
        r.On(h, HttpMethod.Post, ProjectDetectors, """{"id": "81", "name": "Error spike"}""", HttpStatusCode.Created);
        r.On(h, HttpMethod.Post, Workflows, """{"detail": "You may not exceed 100 workflows per organization."}""", HttpStatusCode.BadRequest);

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => h.Client.Project("backend").AlertRules.EnsureMetricAsync(ErrorSpike()));

        Assert.That(error!.Message, Does.Contain("detector 81 is created").And.Contain("run again"));
    }

    [Test]
    public void The_builder_rejects_what_sentry_would()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => MetricAlert.ErrorCount("x").Build(), Throws.InvalidOperationException.With.Message.Contains("'x' has no critical level"));
            Assert.That(() => MetricAlert.ErrorCount("x").Over(7), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("1, 5, 10"));
            Assert.That(() => MetricAlert.ErrorCount("x").Critical(10).Warning(20).Build(), Throws.InvalidOperationException.With.Message.Contains("below its critical"));
            Assert.That(() => MetricAlert.CrashFreeSessionRate("x").Critical(95).Warning(90).Build(), Throws.InvalidOperationException.With.Message.Contains("above its critical"));
            Assert.That(() => MetricAlert.ErrorCount("x").Critical(10, AlertAction.EmailIssueOwners()), Throws.ArgumentException.With.Message.Contains("issue owners"));
            Assert.That(() => MetricAlert.ErrorCount("x").Critical(double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
