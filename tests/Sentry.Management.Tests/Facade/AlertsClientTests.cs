using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sentry.Management.Serialization;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

public class AlertsClientTests
{
    private const string Rules = "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/";
    private const string Rule = "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/{rule_id}/";
    private const string MetricRules = "/api/0/organizations/{organization_id_or_slug}/alert-rules/";
    private const string MetricRule = "/api/0/organizations/{organization_id_or_slug}/alert-rules/{alert_rule_id}/";
    private const string Workflows = "/api/0/organizations/{organization_id_or_slug}/workflows/";
    private const string WorkflowPath = "/api/0/organizations/{organization_id_or_slug}/workflows/{workflow_id}/";
    private const string Detectors = "/api/0/organizations/{organization_id_or_slug}/detectors/";
    private const string DetectorPath = "/api/0/organizations/{organization_id_or_slug}/detectors/{detector_id}/";

    private static void AssertJson(string? actual, string expected) =>
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(actual!), JsonNode.Parse(expected)), Is.True, $"body was {actual}");

    private static IssueAlertRuleRequest SlowRegressionRule() => new()
    {
        Name = "Many timeouts",
        Frequency = 60,
        ActionMatch = AlertRuleMatch.All,
        FilterMatch = AlertRuleMatch.Any,
        Environment = "production",
        Owner = "team:7",
        Conditions = [new IssueAlertRuleComponent(IssueAlertRuleComponent.EventFrequencyCondition).With("interval", "1h").With("value", 100).With("comparisonType", "count")],
        Filters = [new IssueAlertRuleComponent(IssueAlertRuleComponent.TaggedEventFilter).With("key", "http.status_code").With("match", "eq").With("value", "504")],
        Actions = [new IssueAlertRuleComponent(IssueAlertRuleComponent.NotifyEventServiceAction).With("service", "mail")],
    };

    private const string SlowRegressionRuleJson = """
        {"name": "Many timeouts", "frequency": 60, "actionMatch": "all", "filterMatch": "any",
         "conditions": [{"id": "sentry.rules.conditions.event_frequency.EventFrequencyCondition", "interval": "1h", "value": 100, "comparisonType": "count"}],
         "filters": [{"id": "sentry.rules.filters.tagged_event.TaggedEventFilter", "key": "http.status_code", "match": "eq", "value": "504"}],
         "actions": [{"id": "sentry.rules.actions.notify_event_service.NotifyEventServiceAction", "service": "mail"}],
         "environment": "production", "owner": "team:7"}
        """;

    [Test]
    public async Task List_issue_rules_parses_conditions_filters_and_actions_with_their_own_fields()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/projects/acme/melody/rules/", SchemaExamples.Response("GET", Rules));

        var rules = await h.Client.Project("melody").AlertRules.List().ToListAsync();

        Assert.That(recorder.Single.Method, Is.EqualTo(HttpMethod.Get));
        var rule = rules.Single();
        Assert.That(rule.Id, Is.EqualTo("3"));
        Assert.That(rule.Name, Is.EqualTo("High Number of Issues with Production"));
        Assert.That(rule.ActionMatch, Is.EqualTo(AlertRuleMatch.Any));
        Assert.That(rule.FilterMatch, Is.EqualTo(AlertRuleMatch.Any));
        Assert.That(rule.Frequency, Is.EqualTo(60));
        Assert.That(rule.Environment, Is.EqualTo("prod"));
        Assert.That(rule.Owner, Is.EqualTo("team:63562"));
        Assert.That(rule.CreatedBy!.Id, Is.EqualTo("2435786"));
        Assert.That(rule.LastTriggered, Is.Not.Null);
        Assert.That(rule.Conditions![0].Id, Is.EqualTo(IssueAlertRuleComponent.EventFrequencyCondition));
        Assert.That(rule.Conditions[0].GetText("interval"), Is.EqualTo("1h"));
        Assert.That(rule.Conditions[0].GetText("value"), Is.EqualTo("1000"));
        Assert.That(rule.Filters![1].GetText("value"), Is.EqualTo("2"));
        Assert.That(rule.Actions![0].Id, Is.EqualTo(IssueAlertRuleComponent.NotifyEmailAction));
        Assert.That(rule.Actions[0].GetText("targetIdentifier"), Is.EqualTo("4367234414355"));
    }

    [Test]
    public async Task List_issue_rules_follows_the_link_cursor()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        const string path = "/api/0/projects/acme/melody/rules/";
        recorder.On(h, HttpMethod.Get, path, r => r.Query("cursor").Count == 0
            ? SentryTestHarness.Json("""[{"id": "1", "conditions": [{"id": "x.Unknown", "deep": {"a": 1}}]}]""", link: SentryTestHarness.Link(path, "0:1:0", hasNext: true))
            : SentryTestHarness.Json("""[{"id": "2"}]""", link: SentryTestHarness.Link(path, "0:2:0", hasNext: false)));

        var rules = await h.Client.Organization("acme").Project("melody").AlertRules.List().ToListAsync();

        Assert.That(rules.Select(r => r.Id), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(recorder.Requests[1].Query("cursor"), Is.EqualTo(new[] { "0:1:0" }));
        Assert.That(rules[0].Conditions![0].AdditionalProperties!["deep"].GetProperty("a").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Create_issue_rule_sends_sentry_ids_with_their_fields_and_returns_created_on_201()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Post, "/api/0/projects/acme/python/rules/", SchemaExamples.Response("POST", Rules, "201"), HttpStatusCode.Created);

        var result = await h.Client.Project("python").AlertRules.CreateAsync(SlowRegressionRule());

        var request = recorder.Single;
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        AssertJson(request.Body, SlowRegressionRuleJson);
        Assert.That(result.IsPending, Is.False);
        Assert.That(result.TaskUuid, Is.Null);
        Assert.That(result.Rule!.Name, Is.EqualTo("Owner Alert"));
        Assert.That(result.Rule.Filters![0].GetText("targetType"), Is.EqualTo("Unassigned"));
        Assert.That(result.Rule.Environment, Is.Null);
    }

    [Test]
    public async Task Create_issue_rule_answered_202_is_pending_with_the_task_uuid()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Post, "/api/0/projects/acme/python/rules/", """{"uuid": "d4b0b5c4-0b1e-4c5a-9a8f-3b2f4b7c1e11"}""", HttpStatusCode.Accepted);

        var result = await h.Client.Organization("acme").Project("python").AlertRules.CreateAsync(SlowRegressionRule());

        Assert.That(recorder.Requests, Has.Count.EqualTo(1));
        Assert.That(result.IsPending, Is.True);
        Assert.That(result.Rule, Is.Null);
        Assert.That(result.TaskUuid, Is.EqualTo("d4b0b5c4-0b1e-4c5a-9a8f-3b2f4b7c1e11"));
        Assert.That(result.ToString(), Does.Contain("pending"));
    }

    [Test]
    public async Task Update_issue_rule_handles_200_and_202()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        var calls = 0;
        recorder.On(h, HttpMethod.Put, "/api/0/projects/acme/javascript/rules/7/", _ => ++calls == 1
            ? SentryTestHarness.Json(SchemaExamples.Response("PUT", Rule))
            : SentryTestHarness.Json("""{"uuid": "abc"}""", HttpStatusCode.Accepted));

        var saved = await h.Client.Project("javascript").AlertRules.UpdateAsync("7", SlowRegressionRule());
        var pending = await h.Client.Project("javascript").AlertRules.UpdateAsync("7", SlowRegressionRule());

        AssertJson(recorder.Requests[0].Body, SlowRegressionRuleJson);
        Assert.That(saved.Rule!.Filters![2].GetText("level"), Is.EqualTo("40"));
        Assert.That(saved.Rule.Actions![0].GetText("channel"), Is.EqualTo("#fatal"));
        Assert.That(pending.TaskUuid, Is.EqualTo("abc"));
    }

    [Test]
    public async Task Get_and_delete_issue_rule()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/projects/acme/javascript/rules/7/", SchemaExamples.Response("GET", Rule));
        recorder.On(h, HttpMethod.Delete, "/api/0/projects/acme/javascript/rules/7/", _ => new HttpResponseMessage(HttpStatusCode.Accepted));

        var rule = await h.Client.Project("javascript").AlertRules.GetAsync("7");
        await h.Client.Project("javascript").AlertRules.DeleteAsync("7");

        Assert.That(recorder.Requests.Select(r => r.Method), Is.EqualTo(new[] { HttpMethod.Get, HttpMethod.Delete }));
        Assert.That(rule.Name, Is.EqualTo("Many Old Regressions!"));
        Assert.That(rule.Conditions![0].Id, Is.EqualTo(IssueAlertRuleComponent.RegressionEventCondition));
        Assert.That(rule.Filters![0].GetText("comparison_type"), Is.EqualTo("older"));
        Assert.That(rule.Actions![0].Id, Is.EqualTo(IssueAlertRuleComponent.SlackNotifyServiceAction));
    }

    [Test]
    public void Rule_components_of_unknown_types_round_trip_unchanged()
    {
        const string json = """{"id": "sentry.rules.filters.future.QuantumFilter", "nested": {"a": [1, 2]}, "flag": true, "value": 3.5}""";

        var component = JsonSerializer.Deserialize(json, AlertsJsonContext.Default.IssueAlertRuleComponent)!;
        var back = JsonSerializer.Serialize(component, AlertsJsonContext.Default.IssueAlertRuleComponent);

        AssertJson(back, json);
    }

    [Test]
    public async Task Metric_rules_list_get_and_delete_parse_the_schema_examples()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/alert-rules/", SchemaExamples.Response("GET", MetricRules));
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/alert-rules/7/", SchemaExamples.Response("GET", MetricRule));
        recorder.On(h, HttpMethod.Delete, "/api/0/organizations/acme/alert-rules/7/", _ => new HttpResponseMessage(HttpStatusCode.Accepted));

        var rules = await h.Client.Alerts.MetricAlertRules.ListAsync();
        var rule = await h.Client.Alerts.MetricAlertRules.GetAsync("7");
        await h.Client.Alerts.MetricAlertRules.DeleteAsync("7");

        Assert.That(recorder.Requests.Select(r => r.Method), Is.EqualTo(new[] { HttpMethod.Get, HttpMethod.Get, HttpMethod.Delete }));
        Assert.That(recorder.Requests[0].QueryNames, Is.Empty);
        var listed = rules.Single();
        Assert.That(listed.Aggregate, Is.EqualTo("count()"));
        Assert.That(listed.Query, Is.EqualTo("tags[http.status_code]:[400, 401]"));
        Assert.That(listed.TimeWindow, Is.EqualTo(1440));
        Assert.That(listed.Triggers![0].Label, Is.EqualTo("critical"));
        Assert.That(listed.Triggers[0].AlertThreshold, Is.EqualTo(100));
        Assert.That(listed.Triggers[0].Actions![0].Type, Is.EqualTo("slack"));
        Assert.That(listed.Triggers[0].Actions![0].InputChannelId, Is.EqualTo("#my-channel"));
        Assert.That(listed.Triggers[0].Actions![0].IntegrationId, Is.EqualTo("8753467"));
        Assert.That(rule.Id, Is.Not.Null);
        Assert.That(rule.Triggers, Is.Not.Empty);
    }

    [Test]
    public async Task Create_metric_rule_sends_triggers_with_actions_and_handles_201_and_202()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        var calls = 0;
        recorder.On(h, HttpMethod.Post, "/api/0/organizations/acme/alert-rules/", _ => ++calls == 1
            ? SentryTestHarness.Json(SchemaExamples.Response("POST", MetricRules, "201"), HttpStatusCode.Created)
            : SentryTestHarness.Json("""{"uuid": "f00"}""", HttpStatusCode.Accepted));
        var request = new MetricAlertRuleRequest
        {
            Name = "Crash rate",
            Aggregate = "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate",
            TimeWindow = 120,
            Projects = ["our-project"],
            Query = "",
            ThresholdType = 0,
            Dataset = "metrics",
            QueryType = 2,
            ResolveThreshold = 80,
            Triggers =
            [
                new MetricAlertTriggerRequest
                {
                    Label = "critical",
                    AlertThreshold = 75,
                    Actions = [new MetricAlertActionRequest { Type = "slack", TargetType = "specific", TargetIdentifier = "#alerts", IntegrationId = "8753467" }],
                },
            ],
        };

        var created = await h.Client.Alerts.MetricAlertRules.CreateAsync(request);
        var pending = await h.Client.Alerts.MetricAlertRules.CreateAsync(request);

        AssertJson(recorder.Requests[0].Body, """
            {"name": "Crash rate", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "timeWindow": 120,
             "projects": ["our-project"], "query": "", "thresholdType": 0,
             "triggers": [{"label": "critical", "alertThreshold": 75,
                           "actions": [{"type": "slack", "targetType": "specific", "targetIdentifier": "#alerts", "integrationId": "8753467"}]}],
             "dataset": "metrics", "queryType": 2, "resolveThreshold": 80}
            """);
        Assert.That(created.Rule!.Id, Is.EqualTo("177104"));
        Assert.That(created.Rule.ComparisonDelta, Is.EqualTo(10080));
        Assert.That(created.Rule.Triggers![1].Label, Is.EqualTo("warning"));
        Assert.That(created.Rule.Triggers[0].Actions![0].TargetIdentifier, Is.EqualTo("2378589792734981"));
        Assert.That(pending.IsPending, Is.True);
        Assert.That(pending.TaskUuid, Is.EqualTo("f00"));
    }

    [Test]
    public async Task Update_metric_rule_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Put, "/api/0/organizations/acme/alert-rules/345989573/", SchemaExamples.Response("PUT", MetricRule));

        var result = await h.Client.Alerts.MetricAlertRules.UpdateAsync("345989573", new MetricAlertRuleRequest
        {
            Name = "P30 Transaction Duration",
            Aggregate = "percentile(transaction.duration,0.3)",
            TimeWindow = 60,
            Projects = ["backend"],
            Query = "",
            ThresholdType = 1,
            Triggers = [new MetricAlertTriggerRequest { Label = "critical", AlertThreshold = 70 }],
        });

        Assert.That(recorder.Single.Method, Is.EqualTo(HttpMethod.Put));
        Assert.That(JsonNode.Parse(recorder.Single.Body!)!["triggers"]![0]!["actions"]!.AsArray(), Is.Empty);
        Assert.That(result.Rule!.Dataset, Is.EqualTo("transactions"));
        Assert.That(result.Rule.CreatedBy!.Name, Is.EqualTo("Spongebob Squarepants"));
    }

    [Test]
    public async Task Workflows_list_get_create_update_delete()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/workflows/", SchemaExamples.Response("GET", Workflows));
        recorder.On(h, HttpMethod.Post, "/api/0/organizations/acme/workflows/", SchemaExamples.Response("POST", Workflows, "201"), HttpStatusCode.Created);
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/workflows/6789123/", SchemaExamples.Response("GET", WorkflowPath));
        recorder.On(h, HttpMethod.Put, "/api/0/organizations/acme/workflows/1234567/", SchemaExamples.Response("PUT", WorkflowPath));
        recorder.On(h, HttpMethod.Delete, "/api/0/organizations/acme/workflows/1234567/", _ => new HttpResponseMessage(HttpStatusCode.NoContent));

        var list = await h.Client.Alerts.Workflows.ListAsync(query: "name:Notify*", projects: ["1", "backend"], sortBy: "-dateCreated");
        var request = new WorkflowRequest
        {
            Name = "Notify Jane Doe",
            DetectorIds = [1000],
            Config = new Dictionary<string, JsonElement> { ["frequency"] = JsonSerializer.SerializeToElement(1440, AlertsJsonContext.Default.Int64) },
            Triggers = new ConditionGroupRequest { LogicType = "any-short", Conditions = [JsonDocument.Parse("""{"type": "first_seen_event", "comparison": true, "conditionResult": true}""").RootElement] },
            ActionFilters = [JsonDocument.Parse("""{"logicType": "any-short", "conditions": [], "actions": [{"type": "email", "config": {"targetType": "user", "targetIdentifier": "6789"}}]}""").RootElement],
            Owner = "user:123456",
        };
        var created = await h.Client.Alerts.Workflows.CreateAsync(request);
        var fetched = await h.Client.Alerts.Workflows.GetAsync("6789123");
        var updated = await h.Client.Alerts.Workflows.UpdateAsync("1234567", request);
        await h.Client.Alerts.Workflows.DeleteAsync("1234567");

        var get = recorder.Requests[0];
        Assert.That(get.Query("query"), Is.EqualTo(new[] { "name:Notify*" }));
        Assert.That(get.Query("project"), Is.EqualTo(new[] { "1", "backend" }));
        Assert.That(get.Query("sortBy"), Is.EqualTo(new[] { "-dateCreated" }));
        AssertJson(recorder.Requests[1].Body, """
            {"name": "Notify Jane Doe", "detector_ids": [1000], "config": {"frequency": 1440},
             "triggers": {"logic_type": "any-short", "conditions": [{"type": "first_seen_event", "comparison": true, "conditionResult": true}]},
             "action_filters": [{"logicType": "any-short", "conditions": [], "actions": [{"type": "email", "config": {"targetType": "user", "targetIdentifier": "6789"}}]}],
             "owner": "user:123456"}
            """);
        Assert.That(recorder.Requests.Select(r => r.Method), Is.EqualTo(new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete }));
        Assert.That(list, Has.Count.EqualTo(3));
        Assert.That(list[0].Triggers!.Conditions![0].Type, Is.EqualTo("new_high_priority_issue"));
        Assert.That(list[0].ActionFilters![0].Actions![0].Type, Is.EqualTo("email"));
        Assert.That(list[0].Config!["frequency"].GetInt32(), Is.EqualTo(30));
        Assert.That(list[1].ActionFilters![0].Conditions![0].Comparison!.Value.GetProperty("interval").GetString(), Is.EqualTo("1h"));
        Assert.That(created.Id, Is.EqualTo("1234567"));
        Assert.That(created.DetectorIds, Is.EqualTo(new[] { "1000" }));
        Assert.That(fetched.ActionFilters![0].Actions![0].IntegrationId, Is.EqualTo("1"));
        Assert.That(updated.Name, Is.EqualTo("My Updated Alert"));
        Assert.That(updated.Enabled, Is.True);
    }

    [Test]
    public async Task Workflows_bulk_enable_and_delete_by_ids()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Put, "/api/0/organizations/acme/workflows/", SchemaExamples.Response("PUT", Workflows));
        recorder.On(h, HttpMethod.Delete, "/api/0/organizations/acme/workflows/", _ => new HttpResponseMessage(HttpStatusCode.NoContent));

        var changed = await h.Client.Alerts.Workflows.SetEnabledAsync(["123", "456"], enabled: false);
        await h.Client.Alerts.Workflows.DeleteManyAsync(["123"]);

        Assert.That(recorder.Requests[0].Query("id"), Is.EqualTo(new[] { "123", "456" }));
        AssertJson(recorder.Requests[0].Body, """{"enabled": false}""");
        Assert.That(changed.Select(w => w.Id).Take(2), Is.EqualTo(new[] { "123", "456" }), "parsed from the schema example");
        Assert.That(recorder.Requests[1].Method, Is.EqualTo(HttpMethod.Delete));
        Assert.That(recorder.Requests[1].Query("id"), Is.EqualTo(new[] { "123" }));
        Assert.ThrowsAsync<ArgumentException>(() => h.Client.Alerts.Workflows.DeleteManyAsync([]));
    }

    [Test]
    public async Task Detectors_list_get_create_update_delete_and_bulk()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/detectors/", SchemaExamples.Response("GET", Detectors));
        recorder.On(h, HttpMethod.Post, "/api/0/organizations/acme/projects/backend/detectors/",
            SchemaExamples.Response("POST", "/api/0/organizations/{organization_id_or_slug}/projects/{project_id_or_slug}/detectors/", "201"), HttpStatusCode.Created);
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/detectors/123456/", SchemaExamples.Response("GET", DetectorPath));
        recorder.On(h, HttpMethod.Put, "/api/0/organizations/acme/detectors/123456/", SchemaExamples.Response("PUT", DetectorPath));
        recorder.On(h, HttpMethod.Delete, "/api/0/organizations/acme/detectors/123456/", _ => new HttpResponseMessage(HttpStatusCode.NoContent));
        recorder.On(h, HttpMethod.Put, "/api/0/organizations/acme/detectors/", SchemaExamples.Response("PUT", Detectors));
        recorder.On(h, HttpMethod.Delete, "/api/0/organizations/acme/detectors/", _ => new HttpResponseMessage(HttpStatusCode.NoContent));

        var list = await h.Client.Alerts.Detectors.ListAsync(query: "type:metric_issue", projects: ["1"]);
        var request = new DetectorRequest
        {
            Name = "High Number of Errors",
            Type = "metric_issue",
            WorkflowIds = [45678],
            ConditionGroup = new ConditionGroupRequest { LogicType = "any", Conditions = [JsonDocument.Parse("""{"type": "gt", "comparison": 100, "conditionResult": 75}""").RootElement] },
            DataSources = [JsonDocument.Parse("""{"queryType": 0, "dataset": "events", "query": "", "aggregate": "count()", "timeWindow": 900}""").RootElement],
            Config = new Dictionary<string, JsonElement> { ["detectionType"] = JsonSerializer.SerializeToElement("static", AlertsJsonContext.Default.String) },
            Enabled = true,
        };
        var created = await h.Client.Alerts.Detectors.CreateAsync("backend", request);
        var fetched = await h.Client.Alerts.Detectors.GetAsync("123456");
        var updated = await h.Client.Alerts.Detectors.UpdateAsync("123456", request);
        await h.Client.Alerts.Detectors.DeleteAsync("123456");
        var toggled = await h.Client.Alerts.Detectors.SetEnabledAsync(["123456"], enabled: true);
        await h.Client.Alerts.Detectors.DeleteManyAsync(["123456", "7"]);

        Assert.That(recorder.Requests[0].Query("query"), Is.EqualTo(new[] { "type:metric_issue" }));
        Assert.That(recorder.Requests[0].Query("project"), Is.EqualTo(new[] { "1" }));
        AssertJson(recorder.Requests[1].Body, """
            {"name": "High Number of Errors", "type": "metric_issue", "workflow_ids": [45678],
             "data_sources": [{"queryType": 0, "dataset": "events", "query": "", "aggregate": "count()", "timeWindow": 900}],
             "config": {"detectionType": "static"},
             "condition_group": {"logic_type": "any", "conditions": [{"type": "gt", "comparison": 100, "conditionResult": 75}]},
             "enabled": true}
            """);
        Assert.That(recorder.Requests.Select(r => r.Method.Method), Is.EqualTo(new[] { "GET", "POST", "GET", "PUT", "DELETE", "PUT", "DELETE" }));
        Assert.That(recorder.Requests[5].Query("id"), Is.EqualTo(new[] { "123456" }));
        AssertJson(recorder.Requests[5].Body, """{"enabled": true}""");
        Assert.That(recorder.Requests[6].Query("id"), Is.EqualTo(new[] { "123456", "7" }));
        Assert.That(list, Is.Not.Empty);
        Assert.That(list[0].Name, Is.Not.Null);
        Assert.That(created.Id, Is.Not.Null);
        Assert.That(fetched.Type, Is.EqualTo("metric_issue"));
        Assert.That(fetched.Owner!.Type, Is.EqualTo("team"));
        Assert.That(fetched.WorkflowIds, Is.EqualTo(new[] { "45678" }));
        Assert.That(fetched.ConditionGroup!.Conditions![0].Type, Is.EqualTo("anomaly_detection"));
        Assert.That(fetched.DataSources![0].GetProperty("type").GetString(), Is.EqualTo("snuba_query_subscription"));
        Assert.That(fetched.Config!["detectionType"].GetString(), Is.EqualTo("dynamic"));
        Assert.That(fetched.LatestGroup!.ShortId, Is.EqualTo("EXAMPLE-1A2B"));
        Assert.That(updated.Id, Is.Not.Null);
        Assert.That(toggled, Is.Not.Empty);
    }
}
