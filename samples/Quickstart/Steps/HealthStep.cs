namespace Sentry.Management.Quickstart;

internal static class HealthStep
{
    internal static async Task RunAsync(QuickstartRun run, CancellationToken cancellationToken)
    {
        var org = run.Organization;
        var version = run.Version;

        #region health
        var health = await org.Releases.GetHealthReportAsync(
            version,
            new ReleaseHealthOptions { Environment = "production", Window = TimeSpan.FromHours(24), CrashFreeThreshold = 0.95 },
            cancellationToken);
        Console.WriteLine(health); // rates, adoption, the previous release, alerts and Healthy / Watch / RollBack / NoData
        if (health.Recommendation == ReleaseHealthRecommendation.RollBack)
        {
            Console.WriteLine($"Consider rolling back {version}: {string.Join("; ", health.Alerts)}");
        }
        #endregion
    }
}
