using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Alerts;

public sealed class LegacyAlertRuleTests
{
    private const string EmailRule = """{"name":"New issues","actionMatch":"any","filterMatch":"all","frequency":30,"conditions":[{"id":"sentry.rules.conditions.first_seen_event.FirstSeenEventCondition"}],"actions":[{"id":"sentry.mail.actions.NotifyEmailAction","targetType":"IssueOwners"}]}""";

    [Test]
    public async Task Issue_alert_rules_are_created_read_updated_and_deleted()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        var path = $"/api/0/projects/local/{sentry.Project.Slug}/rules/";

        var created = await http.SendJsonAsync(HttpMethod.Post, path, EmailRule);
        var id = WorkflowEngineTests.Id(created.Body);
        var noActions = await http.SendJsonAsync(HttpMethod.Post, path, """{"name":"x","actionMatch":"any","frequency":30,"conditions":[],"actions":[]}""");
        var badFrequency = await http.SendJsonAsync(HttpMethod.Post, path, """{"name":"x","actionMatch":"any","frequency":1,"conditions":[],"actions":[{"id":"sentry.mail.actions.NotifyEmailAction"}]}""");
        var updated = await http.SendJsonAsync(HttpMethod.Put, path + id + "/", EmailRule.Replace("New issues", "Renamed", StringComparison.Ordinal));
        var fetched = await http.GetJsonAsync(path + id + "/");
        var deleted = await http.SendJsonAsync(HttpMethod.Delete, path + id + "/");
        var gone = await http.SendJsonAsync(HttpMethod.Get, path + id + "/");

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(201));
            Assert.That(created.Body.GetProperty("projects")[0].GetString(), Is.EqualTo(sentry.Project.Slug));
            Assert.That(created.Body.GetProperty("createdBy").GetProperty("email").GetString(), Is.EqualTo("owner@local.test"));
            Assert.That(noActions.Status, Is.EqualTo(400));
            Assert.That(noActions.Body.GetProperty("actions")[0].GetString(), Is.EqualTo("You must add an action for this alert to fire."));
            Assert.That(badFrequency.Status, Is.EqualTo(400));
            Assert.That(badFrequency.Body.GetProperty("frequency")[0].GetString(), Does.Contain("greater than or equal to 5"));
            Assert.That(updated.Body.GetProperty("name").GetString(), Is.EqualTo("Renamed"));
            Assert.That(fetched.GetProperty("name").GetString(), Is.EqualTo("Renamed"));
            Assert.That(deleted.Status, Is.EqualTo(202));
            Assert.That(gone.Status, Is.EqualTo(404));
        });
    }

    [Test]
    public async Task A_Slack_channel_by_name_answers_202_with_a_task_and_the_rule_follows()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        var integrations = await http.GetJsonAsync("/api/0/organizations/local/integrations/?providerKey=slack");
        var workspace = WorkflowEngineTests.Id(integrations[0]);
        var path = $"/api/0/projects/local/{sentry.Project.Slug}/rules/";

        var accepted = await http.SendJsonAsync(HttpMethod.Post, path, $$"""{"name":"To Slack","actionMatch":"any","frequency":30,"conditions":[],"actions":[{"id":"sentry.integrations.slack.notify_action.SlackNotifyServiceAction","workspace":"{{workspace}}","channel":"#alerts"}]}""");
        var task = await http.GetJsonAsync($"/api/0/projects/local/{sentry.Project.Slug}/rule-task/{accepted.Body.GetProperty("uuid").GetString()}/");
        var listed = await http.GetJsonAsync(path);
        var withId = await http.SendJsonAsync(HttpMethod.Post, path, $$"""{"name":"To Slack by id","actionMatch":"any","frequency":30,"conditions":[],"actions":[{"id":"sentry.integrations.slack.notify_action.SlackNotifyServiceAction","workspace":"{{workspace}}","channel":"#alerts","channel_id":"C123"}]}""");
        var noWorkspace = await http.SendJsonAsync(HttpMethod.Post, path, """{"name":"x","actionMatch":"any","frequency":30,"conditions":[],"actions":[{"id":"sentry.integrations.slack.notify_action.SlackNotifyServiceAction","workspace":"999","channel":"#alerts"}]}""");

        Assert.Multiple(() =>
        {
            Assert.That(integrations[0].GetProperty("name").GetString(), Is.EqualTo("local-workspace"));
            Assert.That(accepted.Status, Is.EqualTo(202));
            Assert.That(accepted.Body.GetProperty("uuid").GetString(), Has.Length.EqualTo(32));
            Assert.That(task.GetProperty("status").GetString(), Is.EqualTo("success"));
            Assert.That(task.GetProperty("rule").GetProperty("actions")[0].GetProperty("channel_id").GetString(), Does.StartWith("C"));
            Assert.That(listed.EnumerateArray().Select(r => r.GetProperty("name").GetString()), Does.Contain("To Slack"));
            Assert.That(withId.Status, Is.EqualTo(201), "a known channel id needs no lookup");
            Assert.That(noWorkspace.Status, Is.EqualTo(400));
        });
    }

    [Test]
    public async Task Metric_alert_rules_are_created_read_updated_and_deleted()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        var body = $$"""{"name":"Errors","aggregate":"count()","query":"","timeWindow":60,"projects":["{{sentry.Project.Slug}}"],"triggers":[{"label":"critical","alertThreshold":100,"actions":[{"type":"email","targetType":"user","targetIdentifier":"1"}]}]}""";

        var created = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/alert-rules/", body);
        var id = WorkflowEngineTests.Id(created.Body);
        var badWindow = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/alert-rules/", body.Replace("\"timeWindow\":60", "\"timeWindow\":7", StringComparison.Ordinal));
        var noCritical = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/alert-rules/", body.Replace("critical", "warning", StringComparison.Ordinal));
        var updated = await http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/local/alert-rules/{id}/", body.Replace("\"Errors\"", "\"More errors\"", StringComparison.Ordinal));
        var listed = await http.GetJsonAsync($"/api/0/organizations/local/alert-rules/?project={sentry.Project.Id}");
        var deleted = await http.SendJsonAsync(HttpMethod.Delete, $"/api/0/organizations/local/alert-rules/{id}/");
        var gone = await http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/local/alert-rules/{id}/");

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(201));
            Assert.That(created.Body.GetProperty("triggers")[0].GetProperty("alertRuleId").GetString(), Is.EqualTo(id));
            Assert.That(created.Body.GetProperty("triggers")[0].GetProperty("actions")[0].TryGetProperty("id", out _), Is.True);
            Assert.That(badWindow.Status, Is.EqualTo(400));
            Assert.That(badWindow.Body.GetProperty("timeWindow")[0].GetString(), Does.StartWith("Invalid Time Window"));
            Assert.That(noCritical.Status, Is.EqualTo(400));
            Assert.That(updated.Body.GetProperty("name").GetString(), Is.EqualTo("More errors"));
            Assert.That(listed.GetArrayLength(), Is.EqualTo(1));
            Assert.That(deleted.Status, Is.EqualTo(202));
            Assert.That(gone.Status, Is.EqualTo(404));
        });
    }

    [Test]
    public async Task A_workflow_engine_server_has_no_legacy_rules_and_a_brownout_answers_410()
    {
        await using (var newer = await LocalSentry.StartAsync(new LocalSentryOptions { AlertApi = LocalSentryAlertApi.WorkflowEngine }))
        {
            using var http = new LocalSentryHttp(newer);
            var rules = await http.SendJsonAsync(HttpMethod.Get, $"/api/0/projects/local/{newer.Project.Slug}/rules/");
            var metric = await http.SendJsonAsync(HttpMethod.Get, "/api/0/organizations/local/alert-rules/");
            var workflows = await http.SendJsonAsync(HttpMethod.Get, "/api/0/organizations/local/workflows/");
            Assert.Multiple(() =>
            {
                Assert.That(rules.Status, Is.EqualTo(404));
                Assert.That(metric.Status, Is.EqualTo(404));
                Assert.That(workflows.Status, Is.EqualTo(200));
            });
        }

        var options = new LocalSentryOptions();
        await using var sentry = await LocalSentry.StartAsync(options);
        using var client = new LocalSentryHttp(sentry);
        var before = await client.SendJsonAsync(HttpMethod.Get, $"/api/0/projects/local/{sentry.Project.Slug}/rules/");
        options.LegacyIssueAlertRulesGone = true;
        var during = await client.SendJsonAsync(HttpMethod.Get, $"/api/0/projects/local/{sentry.Project.Slug}/rules/");
        var create = await client.SendJsonAsync(HttpMethod.Post, $"/api/0/projects/local/{sentry.Project.Slug}/rules/", EmailRule);

        Assert.Multiple(() =>
        {
            Assert.That(before.Status, Is.EqualTo(200));
            Assert.That(during.Status, Is.EqualTo(410));
            Assert.That(during.Body.GetProperty("detail").GetString(), Does.Contain("workflow"));
            Assert.That(create.Status, Is.EqualTo(410));
        });
    }
}
