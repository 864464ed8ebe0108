using Sentry.Management;

namespace DocsSnippets;

internal static class Alerts
{
    internal static async Task Rules()
    {
        #region alerts
        using var sentry = SentryManagementClient.FromEnvironment(); // SENTRY_AUTH_TOKEN, SENTRY_ORG, SENTRY_URL
        var backend = sentry.Organization("acme").Project("backend");

        var result = await backend.AlertRules.CreateAsync(new IssueAlertRuleRequest
        {
            Name = "Many gateway timeouts",
            Frequency = 60,
            ActionMatch = AlertRuleMatch.All,
            FilterMatch = AlertRuleMatch.All,
            Environment = "production",
            Conditions =
            [
                new IssueAlertRuleComponent(IssueAlertRuleComponent.EventFrequencyCondition)
                    .With("interval", "1h").With("value", 100).With("comparisonType", "count"),
            ],
            Filters =
            [
                new IssueAlertRuleComponent(IssueAlertRuleComponent.TaggedEventFilter)
                    .With("key", "http.status_code").With("match", "eq").With("value", "504"),
            ],
            Actions = [new IssueAlertRuleComponent(IssueAlertRuleComponent.NotifyEventServiceAction).With("service", "mail")],
        });

        if (result.IsPending)
        {
            // Sentry answered 202: it builds the rule in the background (e.g. while it looks up a Slack channel).
            Console.WriteLine($"Sentry is still creating the rule (task {result.TaskUuid}); list the rules later.");
        }
        else
        {
            Console.WriteLine($"Created rule {result.Rule!.Id}");
        }

        await foreach (var rule in backend.AlertRules.List())
        {
            var conditions = string.Join(", ", rule.Conditions?.Select(c => c.Id) ?? []);
            Console.WriteLine($"{rule.Name}: {rule.ActionMatch} of [{conditions}] every {rule.Frequency} min");
        }

        var alerts = sentry.Organization("acme").Alerts;
        foreach (var metricRule in await alerts.MetricAlertRules.ListAsync())
        {
            Console.WriteLine($"{metricRule.Name}: {metricRule.Aggregate} over {metricRule.TimeWindow} min, {metricRule.Triggers?.Count} trigger(s)");
        }

        foreach (var workflow in await alerts.Workflows.ListAsync())
        {
            Console.WriteLine($"{workflow.Name} enabled={workflow.Enabled} detectors={string.Join(",", workflow.DetectorIds ?? [])}");
        }
        #endregion
    }
}
