namespace Sentry.Management.Tests.Workflows.Alerts;

/// <summary>The seed's two alert rules, built with the builder exactly as the docs show them.</summary>
internal static class SeedRules
{
    internal const string TeamId = "4524986223";
    internal const string Version = "backend@2.4.0";

    internal static AlertRule HighErrorRate() =>
        AlertRule.Create("High Error Rate Alert")
            .WhenSeenMoreThan(100, AlertInterval.OneMinute)
            .NotifySlack("#alerts")
            .Build();

    internal static AlertRule PostDeploy(string version = Version) =>
        AlertRule.Create($"Post-deploy errors {version}")
            .WhenSeenMoreThan(50, AlertInterval.FiveMinutes)
            .WhereTag("release", TagMatch.EqualTo, version)
            .NotifySlack("#deployments")
            .EmailTeam(TeamId)
            .Build();
}
