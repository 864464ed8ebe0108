using Sentry.Management;

namespace DocsSnippets;

internal static class Stats
{
    internal static async Task Health()
    {
        #region stats
        using var sentry = SentryManagementClient.FromEnvironment();
        var acme = sentry.Organization("acme");

        // Crash-free rates of one release in production over the last 14 days (fractions from 0 to 1, null without data).
        var rates = await acme.Sessions.GetCrashFreeRatesAsync(release: "my-app@1.4.0+build.7", environment: "production", statsPeriod: "14d");
        Console.WriteLine($"crash-free sessions {rates.CrashFreeSessions:P2}, users {rates.CrashFreeUsers:P2}, sessions {rates.Sessions}");

        // The 5 releases with most sessions in the last 24 hours, with their rates.
        foreach (var (version, releaseRates) in await acme.Sessions.GetCrashFreeRatesByReleaseAsync(statsPeriod: "24h", top: 5))
        {
            Console.WriteLine($"{version}: {releaseRates.CrashFreeSessions:P2} of {releaseRates.Sessions} sessions");
        }

        // Sessions per release and status, daily, over 7 days (counts only: Sentry refuses rates by session.status).
        var query = new SessionsQuery { StatsPeriod = "7d", Interval = "1d" };
        query.Fields.Add(SessionFields.Sessions);
        query.GroupBy.Add("release");
        query.GroupBy.Add("session.status");
        var sessions = await acme.Sessions.GetAsync(query);
        foreach (var group in sessions.Groups ?? [])
        {
            Console.WriteLine($"{group.By!["release"]} {group.By["session.status"]}: {group.Total(SessionFields.Sessions)}");
        }

        // The crash-free rate per release and environment over the same 7 days.
        var health = new SessionsQuery { StatsPeriod = "7d" };
        health.Fields.Add(SessionFields.CrashFreeSessionRate);
        health.GroupBy.Add("release");
        health.GroupBy.Add("environment");
        foreach (var group in (await acme.Sessions.GetAsync(health)).Groups ?? [])
        {
            Console.WriteLine($"{group.By!["release"]} {group.By["environment"]}: {group.Total(SessionFields.CrashFreeSessionRate):P2}");
        }

        // Accepted, filtered and dropped errors of the last 24 hours.
        var usage = await acme.Stats.GetAsync(new StatsQuery { Category = "error" });
        foreach (var group in usage.Groups ?? [])
        {
            Console.WriteLine($"{group.By!["outcome"]}: {group.Total("sum(quantity)")}");
        }
        #endregion
    }
}
