using System.Text.Json;
using System.Text.Json.Nodes;
using Sentry.Management.Serialization;

namespace Sentry.Management.Tests.Workflows.Alerts;

public class AlertRuleBuilderTests
{
    private static readonly IReadOnlyDictionary<string, string> Slack = new Dictionary<string, string> { [string.Empty] = "24", ["GLOBEX"] = "25" };

    private static string Legacy(AlertRule rule) => JsonSerializer.Serialize(rule.ToLegacyRequest(Slack), AlertsJsonContext.Default.IssueAlertRuleRequest);

    private static string Workflow(AlertRule rule) => JsonSerializer.Serialize(rule.ToWorkflowRequest(7, Slack), AlertsJsonContext.Default.WorkflowRequest);

    private static void AssertJson(string actual, string expected) =>
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(expected)), Is.True, $"was {actual}");

    [Test]
    public void Every_trigger_filter_and_action_speaks_both_apis()
    {
        var rule = AlertRule.Create("Everything")
            .WhenFirstSeen().WhenRegressed().WhenReappeared()
            .WhenSeenPercentMoreThan(50, AlertInterval.OneHour, AlertInterval.OneWeek)
            .WhereTag("browser", TagMatch.IsSet)
            .WhereLevel(LevelMatch.AtLeast, IssueLevel.Error)
            .Where(AlertFilter.IssueOlderThan(3, IssueAgeUnit.Week))
            .NotifySlack("#ops", workspace: "Globex")
            .EmailMember("17")
            .EmailIssueOwners(EmailFallthrough.NoOne)
            .NotifyService("mail")
            .MatchTriggers(AlertRuleMatch.All).MatchFilters(AlertRuleMatch.Any)
            .AtMostEvery(60).InEnvironment("production").OwnedBy("team:9")
            .Build();

        AssertJson(Legacy(rule), """
            {"name": "Everything", "frequency": 60, "actionMatch": "all", "filterMatch": "any", "environment": "production", "owner": "team:9",
             "conditions": [
                {"id": "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition"},
                {"id": "sentry.rules.conditions.regression_event.RegressionEventCondition"},
                {"id": "sentry.rules.conditions.reappeared_event.ReappearedEventCondition"},
                {"id": "sentry.rules.conditions.event_frequency.EventFrequencyCondition", "value": 50, "interval": "1h", "comparisonType": "percent", "comparisonInterval": "1w"}],
             "filters": [
                {"id": "sentry.rules.filters.tagged_event.TaggedEventFilter", "key": "browser", "match": "is"},
                {"id": "sentry.rules.filters.level.LevelFilter", "match": "gte", "level": "40"},
                {"id": "sentry.rules.filters.age_comparison.AgeComparisonFilter", "comparison_type": "older", "value": 3, "time": "week"}],
             "actions": [
                {"id": "sentry.integrations.slack.notify_action.SlackNotifyServiceAction", "workspace": "25", "channel": "#ops"},
                {"id": "sentry.mail.actions.NotifyEmailAction", "targetType": "Member", "targetIdentifier": 17},
                {"id": "sentry.mail.actions.NotifyEmailAction", "targetType": "IssueOwners", "fallthroughType": "NoOne"},
                {"id": "sentry.rules.actions.notify_event_service.NotifyEventServiceAction", "service": "mail"}]}
            """);
        AssertJson(Workflow(rule), """
            {"name": "Everything", "detector_ids": [7], "config": {"frequency": 60}, "environment": "production", "owner": "team:9",
             "triggers": {"logic_type": "all", "conditions": [
                {"type": "first_seen_event", "comparison": true, "conditionResult": true},
                {"type": "regression_event", "comparison": true, "conditionResult": true},
                {"type": "reappeared_event", "comparison": true, "conditionResult": true},
                {"type": "event_frequency_percent", "comparison": {"interval": "1h", "value": 50, "comparisonInterval": "1w"}, "conditionResult": true}]},
             "action_filters": [{"logicType": "any-short",
                "conditions": [
                    {"type": "tagged_event", "comparison": {"key": "browser", "match": "is"}, "conditionResult": true},
                    {"type": "level", "comparison": {"match": "gte", "level": 40}, "conditionResult": true},
                    {"type": "age_comparison", "comparison": {"comparisonType": "older", "value": 3, "time": "week"}, "conditionResult": true}],
                "actions": [
                    {"type": "slack", "integrationId": "25", "data": {}, "config": {"targetType": "specific", "targetIdentifier": "", "targetDisplay": "#ops"}},
                    {"type": "email", "data": {}, "config": {"targetType": "user", "targetIdentifier": "17", "targetDisplay": null}},
                    {"type": "email", "data": {"fallthroughType": "NoOne"}, "config": {"targetType": "issue_owners", "targetIdentifier": "", "targetDisplay": null}},
                    {"type": "webhook", "data": {}, "config": {"targetType": null, "targetIdentifier": "mail", "targetDisplay": null}}]}]}
            """);
    }

    private static IEnumerable<TestCaseData> TagMatches() =>
        new[] { (TagMatch.EqualTo, "eq"), (TagMatch.NotEqualTo, "ne"), (TagMatch.StartsWith, "sw"), (TagMatch.EndsWith, "ew"), (TagMatch.Contains, "co"), (TagMatch.DoesNotContain, "nc") }
            .Select(m => new TestCaseData(m.Item1, m.Item2).SetArgDisplayNames(m.Item2));

    [TestCaseSource(nameof(TagMatches))]
    public void Every_valued_tag_match_is_sent_as_sentry_spells_it(TagMatch match, string spelled)
    {
        var rule = AlertRule.Create("t").WhenFirstSeen().WhereTag("release", match, "1.0").NotifyService("mail").Build();

        Assert.That(Legacy(rule), Does.Contain($"\"match\":\"{spelled}\",\"value\":\"1.0\""));
        Assert.That(Workflow(rule), Does.Contain($"\"match\":\"{spelled}\",\"value\":\"1.0\""));
    }

    [Test]
    public void Intervals_are_sentrys_seven()
    {
        Assert.That(AlertInterval.All.Select(i => i.Value), Is.EqualTo(new[] { "1m", "5m", "15m", "1h", "1d", "1w", "30d" }));
        Assert.That(AlertInterval.Parse("15m"), Is.SameAs(AlertInterval.FifteenMinutes));
        Assert.That(() => AlertInterval.Parse("2h"), Throws.ArgumentException.With.Message.Contains("'2h'"));
    }

    [Test]
    public void Bad_input_is_refused_naming_it()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => AlertRule.Create("r").NotifyService("mail").Build(), Throws.InvalidOperationException.With.Message.Contains("'r' has no trigger"));
            Assert.That(() => AlertRule.Create("r").WhenFirstSeen().Build(), Throws.InvalidOperationException.With.Message.Contains("'r' has no action"));
            Assert.That(() => AlertRule.Create("r").WhereTag("release", TagMatch.EqualTo), Throws.ArgumentException.With.Message.Contains("'release'"));
            Assert.That(() => AlertRule.Create("r").WhereTag("release", TagMatch.IsNotSet, "x"), Throws.ArgumentException.With.Message.Contains("takes no value"));
            Assert.That(() => AlertRule.Create("r").AtMostEvery(1), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => AlertRule.Create("r").EmailTeam("platform"), Throws.ArgumentException.With.Message.Contains("'platform' is not a numeric id"));
            Assert.That(() => AlertRule.Create("r").OwnedBy("jane"), Throws.ArgumentException.With.Message.Contains("team:ID"));
            Assert.That(() => AlertRule.Create("r").WhenSeenMoreThan(0, AlertInterval.OneHour), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => AlertTrigger.EventFrequencyPercent(10, AlertInterval.OneHour, AlertInterval.OneMinute), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => AlertRule.Create(new string('x', 257)), Throws.ArgumentException.With.Message.Contains("256"));
            Assert.That(() => AlertRule.Create("r").MatchTriggers(AlertRuleMatch.From("most")), Throws.ArgumentException);
        });
    }

    [Test]
    public void The_rule_reads_as_a_sentence()
    {
        Assert.That(SeedRules.PostDeploy().ToString(), Is.EqualTo(
            "Post-deploy errors backend@2.4.0: when the issue is seen more than 50 times in 5m, if tag release equals backend@2.4.0, then Slack #deployments and e-mail team 4524986223 (at most every 30 min)"));
    }
}
