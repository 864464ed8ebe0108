using System.Net;
using System.Text.Json.Nodes;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Workflows.Alerts;

public class AlertRuleSetupTests
{
    private const string Project = "/api/0/projects/acme/backend/";
    private const string Integrations = "/api/0/organizations/acme/integrations/";
    private const string Workflows = "/api/0/organizations/acme/workflows/";
    private const string Detectors = "/api/0/organizations/acme/detectors/";
    private const string Rules = "/api/0/projects/acme/backend/rules/";
    private const string OneSlack = """[{"id": "24", "name": "Acme", "domainName": "acme.slack.com", "provider": {"key": "slack"}}]""";
    private const string DefaultDetectors = """[{"id": "71", "name": "Error Detector", "type": "error"}, {"id": "72", "name": "Issue Stream", "type": "issue_stream"}]""";

    internal const string HighErrorRateWorkflowJson = """
        {"name": "High Error Rate Alert", "detector_ids": [72], "config": {"frequency": 30},
         "triggers": {"logic_type": "any-short", "conditions": [
            {"type": "event_frequency_count", "comparison": {"interval": "1m", "value": 100}, "conditionResult": true}]},
         "action_filters": [{"logicType": "all", "conditions": [], "actions": [
            {"type": "slack", "data": {}, "config": {"targetType": "specific", "targetIdentifier": "", "targetDisplay": "#alerts"}, "integrationId": "24"}]}]}
        """;

    internal const string HighErrorRateLegacyJson = """
        {"name": "High Error Rate Alert", "frequency": 30, "actionMatch": "any", "filterMatch": "all",
         "conditions": [{"id": "sentry.rules.conditions.event_frequency.EventFrequencyCondition", "value": 100, "interval": "1m"}],
         "filters": [],
         "actions": [{"id": "sentry.integrations.slack.notify_action.SlackNotifyServiceAction", "workspace": "24", "channel": "#alerts"}]}
        """;

    internal const string PostDeployWorkflowJson = """
        {"name": "Post-deploy errors backend@2.4.0", "detector_ids": [72], "config": {"frequency": 30},
         "triggers": {"logic_type": "any-short", "conditions": [
            {"type": "event_frequency_count", "comparison": {"interval": "5m", "value": 50}, "conditionResult": true}]},
         "action_filters": [{"logicType": "all",
            "conditions": [{"type": "tagged_event", "comparison": {"key": "release", "match": "eq", "value": "backend@2.4.0"}, "conditionResult": true}],
            "actions": [
              {"type": "slack", "data": {}, "config": {"targetType": "specific", "targetIdentifier": "", "targetDisplay": "#deployments"}, "integrationId": "24"},
              {"type": "email", "data": {}, "config": {"targetType": "team", "targetIdentifier": "4524986223", "targetDisplay": null}}]}]}
        """;

    internal const string PostDeployLegacyJson = """
        {"name": "Post-deploy errors backend@2.4.0", "frequency": 30, "actionMatch": "any", "filterMatch": "all",
         "conditions": [{"id": "sentry.rules.conditions.event_frequency.EventFrequencyCondition", "value": 50, "interval": "5m"}],
         "filters": [{"id": "sentry.rules.filters.tagged_event.TaggedEventFilter", "key": "release", "match": "eq", "value": "backend@2.4.0"}],
         "actions": [
            {"id": "sentry.integrations.slack.notify_action.SlackNotifyServiceAction", "workspace": "24", "channel": "#deployments"},
            {"id": "sentry.mail.actions.NotifyEmailAction", "targetType": "Team", "targetIdentifier": 4524986223}]}
        """;

    private static void AssertJson(string? actual, string expected) =>
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(actual!), JsonNode.Parse(expected)), Is.True, $"body was {actual}");

    /// <summary>A Sentry with the workflow engine: the project, one Slack workspace, the default detectors, the given workflows.</summary>
    private static RequestRecorder Engine(SentryTestHarness h, string workflows = "[]", string slack = OneSlack)
    {
        var r = new RequestRecorder();
        r.On(h, HttpMethod.Get, Project, """{"id": "42", "slug": "backend"}""");
        r.On(h, HttpMethod.Get, Integrations, slack);
        r.On(h, HttpMethod.Get, Workflows, workflows);
        r.On(h, HttpMethod.Get, Detectors, DefaultDetectors);
        r.On(h, HttpMethod.Post, Workflows, q => SentryTestHarness.Json($$"""{"id": "900", "name": "x", "detectorIds": ["72"]}""", HttpStatusCode.Created));
        r.On(h, HttpMethod.Put, Workflows + "900/", q => SentryTestHarness.Json("""{"id": "900", "name": "x"}"""));
        return r;
    }

    /// <summary>A Sentry from before the workflow engine: 404 on workflows, legacy rules answer.</summary>
    private static RequestRecorder LegacyOnly(SentryTestHarness h, string rules = "[]")
    {
        var r = new RequestRecorder();
        r.On(h, HttpMethod.Get, Project, """{"id": "42", "slug": "backend"}""");
        r.On(h, HttpMethod.Get, Integrations, OneSlack);
        r.On(h, HttpMethod.Get, Workflows, """{"detail": "The requested resource does not exist"}""", HttpStatusCode.NotFound);
        r.On(h, HttpMethod.Get, Rules, rules);
        r.On(h, HttpMethod.Post, Rules, q => SentryTestHarness.Json("""{"id": "555", "name": "x"}""", HttpStatusCode.Created));
        r.On(h, HttpMethod.Put, Rules + "555/", q => SentryTestHarness.Json("""{"id": "555", "name": "x"}"""));
        return r;
    }

    private static List<RecordedRequest> Writes(RequestRecorder r) => [.. r.Requests.Where(q => q.Method != HttpMethod.Get)];

    [Test]
    public async Task High_error_rate_rule_becomes_a_workflow_on_the_issue_stream_detector()
    {
        using var h = new SentryTestHarness();
        var r = Engine(h);

        var result = await h.Client.Project("backend").AlertRules.EnsureAsync(SeedRules.HighErrorRate());

        var post = Writes(r).Single();
        Assert.That(post.Path, Is.EqualTo(Workflows));
        AssertJson(post.Body, HighErrorRateWorkflowJson);
        Assert.That(r.Requests.First(q => q.Path == Workflows).Query("project"), Is.EqualTo(new[] { "42" }), "workflows are looked up by project id");
        Assert.That(r.Requests.First(q => q.Path == Integrations).Query("providerKey"), Is.EqualTo(new[] { "slack" }));
        Assert.That(result.Api, Is.EqualTo(AlertApi.WorkflowEngine));
        Assert.That(result.Change, Is.EqualTo(AlertSetupChange.Created));
        Assert.That(result.Id, Is.EqualTo("900"));
        Assert.That(result.DetectorId, Is.EqualTo("72"));
        Assert.That(result.ToString(), Is.EqualTo("High Error Rate Alert: created workflow 900 on detector 72"));
    }

    [Test]
    public async Task Post_deploy_rule_becomes_a_workflow_with_its_release_filter_slack_and_team_email()
    {
        using var h = new SentryTestHarness();
        var r = Engine(h);

        await h.Client.Project("backend").AlertRules.EnsureAsync(SeedRules.PostDeploy());

        AssertJson(Writes(r).Single().Body, PostDeployWorkflowJson);
    }

    [Test]
    public async Task Without_a_workflow_engine_auto_creates_the_legacy_rule_and_says_so()
    {
        using var h = new SentryTestHarness();
        var r = LegacyOnly(h);

        var high = await h.Client.Project("backend").AlertRules.EnsureAsync(SeedRules.HighErrorRate());
        var deploy = await h.Client.Project("backend").AlertRules.EnsureAsync(SeedRules.PostDeploy());

        var posts = Writes(r);
        Assert.That(posts.Select(p => p.Path), Is.EqualTo(new[] { Rules, Rules }));
        AssertJson(posts[0].Body, HighErrorRateLegacyJson);
        AssertJson(posts[1].Body, PostDeployLegacyJson);
        Assert.That(high.Api, Is.EqualTo(AlertApi.Legacy));
        Assert.That(high.Change, Is.EqualTo(AlertSetupChange.Created));
        Assert.That(deploy.ToString(), Is.EqualTo("Post-deploy errors backend@2.4.0: created legacy rule 555"));
    }

    [Test]
    public async Task Legacy_is_used_when_asked_even_where_the_workflow_engine_exists()
    {
        using var h = new SentryTestHarness();
        var r = LegacyOnly(h);

        var result = await h.Client.Project("backend").AlertRules.EnsureAsync(SeedRules.HighErrorRate(), AlertApi.Legacy);

        Assert.That(result.Api, Is.EqualTo(AlertApi.Legacy));
        Assert.That(r.Requests.Any(q => q.Path == Workflows), Is.False, "Legacy never asks the workflow engine");
    }

    [Test]
    public async Task A_re_run_finds_the_workflow_unchanged_and_writes_nothing()
    {
        using var h = new SentryTestHarness();
        // What Sentry answers for the workflow created from the same description: ids, camelCase, Slack channel id filled in.
        var stored = """
            [{"id": "900", "name": "High Error Rate Alert", "detectorIds": ["72"], "enabled": true, "config": {"frequency": 30}, "environment": null,
              "triggers": {"id": "1", "logicType": "any-short", "conditions": [{"id": "5", "type": "event_frequency_count", "comparison": {"interval": "1m", "value": 100}, "conditionResult": true}], "actions": []},
              "actionFilters": [{"id": "2", "logicType": "all", "conditions": [], "actions": [
                {"id": "8", "type": "slack", "integrationId": "24", "data": {}, "config": {"targetType": "specific", "targetIdentifier": "C0123", "targetDisplay": "#alerts"}, "status": "active"}]}]}]
            """;
        var r = Engine(h, stored);

        var result = await h.Client.Project("backend").AlertRules.EnsureAsync(SeedRules.HighErrorRate());

        Assert.That(Writes(r), Is.Empty);
        Assert.That(result.Change, Is.EqualTo(AlertSetupChange.Unchanged));
        Assert.That(result.Id, Is.EqualTo("900"));
        Assert.That(result.ToString(), Does.Contain("found workflow 900"));
    }

    [Test]
    public async Task A_workflow_of_that_name_that_says_something_else_is_replaced()
    {
        using var h = new SentryTestHarness();
        var stored = """
            [{"id": "900", "name": "High Error Rate Alert", "detectorIds": ["72"], "config": {"frequency": 30},
              "triggers": {"logicType": "any-short", "conditions": [{"type": "event_frequency_count", "comparison": {"interval": "1h", "value": 100}, "conditionResult": true}]},
              "actionFilters": [{"logicType": "all", "conditions": [], "actions": [{"type": "slack", "integrationId": "24", "config": {"targetType": "specific", "targetDisplay": "#alerts"}}]}]}]
            """;
        var r = Engine(h, stored);

        var result = await h.Client.Project("backend").AlertRules.EnsureAsync(SeedRules.HighErrorRate());

        var put = Writes(r).Single();
        Assert.That((put.Method, put.Path), Is.EqualTo((HttpMethod.Put, Workflows + "900/")));
        AssertJson(put.Body, HighErrorRateWorkflowJson);
        Assert.That(result.Change, Is.EqualTo(AlertSetupChange.Updated));
    }

    [Test]
    public async Task A_re_run_on_legacy_finds_the_rule_unchanged()
    {
        using var h = new SentryTestHarness();
        var stored = """
            [{"id": "555", "name": "High Error Rate Alert", "frequency": 30, "actionMatch": "any", "filterMatch": "all", "environment": null, "projects": ["backend"],
              "conditions": [{"id": "sentry.rules.conditions.event_frequency.EventFrequencyCondition", "value": 100, "interval": "1m", "comparisonType": "count", "name": "The issue is seen more than 100 times in 1m"}],
              "filters": [],
              "actions": [{"id": "sentry.integrations.slack.notify_action.SlackNotifyServiceAction", "workspace": 24, "channel": "#alerts", "channel_id": "C0123", "uuid": "c1"}]}]
            """;
        var r = LegacyOnly(h, stored);

        var result = await h.Client.Project("backend").AlertRules.EnsureAsync(SeedRules.HighErrorRate());

        Assert.That(Writes(r), Is.Empty);
        Assert.That((result.Api, result.Change, result.Id), Is.EqualTo((AlertApi.Legacy, AlertSetupChange.Unchanged, "555")));
    }

    [Test]
    public void A_slack_workspace_that_is_not_installed_fails_before_anything_is_written()
    {
        using var h = new SentryTestHarness();
        var r = Engine(h);
        var rule = AlertRule.Create("Ops").WhenFirstSeen().NotifySlack("#ops", workspace: "Globex").Build();

        var error = Assert.ThrowsAsync<ArgumentException>(() => h.Client.Project("backend").AlertRules.EnsureAsync(rule));

        Assert.That(error!.Message, Does.Contain("'Globex'"));
        Assert.That(r.Requests.Select(q => q.Path).Distinct(), Is.EqualTo(new[] { Integrations }), "only the integration listing was asked");
    }

    [Test]
    public void Several_slack_workspaces_and_none_named_fails_naming_them()
    {
        using var h = new SentryTestHarness();
        var r = Engine(h, slack: """[{"id": "24", "name": "Acme"}, {"id": "25", "name": "Globex"}]""");

        var error = Assert.ThrowsAsync<ArgumentException>(() => h.Client.Project("backend").AlertRules.EnsureAsync(SeedRules.HighErrorRate()));

        Assert.That(error!.Message, Does.Contain("Acme").And.Contain("Globex").And.Contain("workspace:"));
        Assert.That(Writes(r), Is.Empty);
    }

    [Test]
    public void No_slack_workspace_at_all_fails_clearly()
    {
        using var h = new SentryTestHarness();
        var r = Engine(h, slack: "[]");

        var error = Assert.ThrowsAsync<ArgumentException>(() => h.Client.Project("backend").AlertRules.EnsureAsync(SeedRules.HighErrorRate()));

        Assert.That(error!.Message, Does.Contain("No Slack workspace is installed"));
        Assert.That(Writes(r), Is.Empty);
    }

    [Test]
    public void Workflow_engine_forced_on_a_sentry_without_it_says_to_use_legacy()
    {
        using var h = new SentryTestHarness();
        var r = LegacyOnly(h);

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => h.Client.Project("backend").AlertRules.EnsureAsync(SeedRules.HighErrorRate(), AlertApi.WorkflowEngine));

        Assert.That(error!.Message, Does.Contain("AlertApi.Legacy").And.Contain("404"));
        Assert.That(Writes(r), Is.Empty);
    }

    [Test]
    public void A_410_from_the_legacy_endpoint_says_what_to_use_instead()
    {
        using var h = new SentryTestHarness();
        var r = new RequestRecorder();
        r.On(h, HttpMethod.Get, Integrations, OneSlack);
        r.On(h, HttpMethod.Get, Rules, """{"detail": "This endpoint is deprecated"}""", HttpStatusCode.Gone);

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => h.Client.Project("backend").AlertRules.EnsureAsync(SeedRules.HighErrorRate(), AlertApi.Legacy));

        Assert.That(error!.Message, Does.Contain("410 Gone").And.Contain("AlertApi.WorkflowEngine").And.Contain("/workflows/"));
        Assert.That(error.InnerException, Is.InstanceOf<SentryApiException>());
        Assert.That(Writes(r), Is.Empty);
    }

    [Test]
    public void A_project_without_a_default_detector_fails_before_writing()
    {
        using var h = new SentryTestHarness();
        var r = new RequestRecorder();
        r.On(h, HttpMethod.Get, Project, """{"id": "42"}""");
        r.On(h, HttpMethod.Get, Integrations, OneSlack);
        r.On(h, HttpMethod.Get, Workflows, "[]");
        r.On(h, HttpMethod.Get, Detectors, """[{"id": "9", "type": "metric_issue"}]""");

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => h.Client.Project("backend").AlertRules.EnsureAsync(SeedRules.HighErrorRate()));

        Assert.That(error!.Message, Does.Contain("'backend'").And.Contain("detector"));
        Assert.That(Writes(r), Is.Empty);
    }

    [Test]
    public void An_unknown_project_fails_with_sentrys_not_found()
    {
        using var h = new SentryTestHarness();
        var r = new RequestRecorder();
        r.On(h, HttpMethod.Get, Integrations, OneSlack);
        r.On(h, HttpMethod.Get, Project, """{"detail": "The requested resource does not exist"}""", HttpStatusCode.NotFound);

        var error = Assert.ThrowsAsync<SentryNotFoundException>(() => h.Client.Project("backend").AlertRules.EnsureAsync(SeedRules.HighErrorRate()));

        Assert.That(error!.Path, Is.EqualTo(Project));
        Assert.That(Writes(r), Is.Empty);
    }
}
