namespace Sentry.Management.Quickstart;

internal static class AlertsStep
{
    internal static async Task RunAsync(QuickstartRun run, CancellationToken cancellationToken)
    {
        var org = run.Organization;
        var project = org.Project(run.Project);
        var version = run.Version;
        var teamId = (await org.Teams.GetAsync(run.Team, cancellationToken)).Id!;

        // The seed's rules post to Slack; an organization without a Slack workspace gets them by e-mail to the team.
        var slack = await org.Integrations.List("slack").ToListAsync(cancellationToken) is { Count: > 0 };
        AlertRuleBuilder Notify(AlertRuleBuilder rule, string channel) => slack ? rule.NotifySlack(channel) : rule.EmailTeam(teamId);

        var highErrorRate = Notify(AlertRule.Create("High Error Rate Alert").WhenSeenMoreThan(100, AlertInterval.OneMinute), "#alerts").Build();
        var postDeploy = Notify(AlertRule.Create($"Post-deploy errors {version}")
                .WhenSeenMoreThan(50, AlertInterval.FiveMinutes)
                .WhereTag("release", TagMatch.EqualTo, version), "#deployments")
            .EmailTeam(teamId)
            .Build();
        var errorSpike = MetricAlert.ErrorCount("Error count above 10 in 1m")
            .Over(1)
            .Critical(10, AlertAction.EmailTeam(teamId))
            .Build();

        foreach (var rule in new[] { highErrorRate, postDeploy })
        {
            Console.WriteLine(await project.AlertRules.EnsureAsync(rule, cancellationToken: cancellationToken)); // which API, created or unchanged, the id
        }

        Console.WriteLine(await project.AlertRules.EnsureMetricAsync(errorSpike, cancellationToken: cancellationToken));
    }
}
