using System.Diagnostics;
using System.Globalization;
using System.Net;
using Sentry.Management.Testing;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>
/// Against the local Sentry's enforced limits (<c>Faults.Management.Limit(concurrent, perSecond)</c> and a
/// <c>Delay</c>): bulk-resolve 10,000 issues and fetch 2,000 issue details through the facade, the way a user would
/// (bulk call; all requests at once and let the client pace them), against the naive loop (one call at a time) and
/// against go-sentry's approach (no waiting, 429s surfaced: <c>MaxRetries = 0</c>, <c>MaxRateLimitWait = 0</c>).
/// Every attempt is counted on the wire below the pipeline; the final state is read back from the local Sentry.
/// </summary>
internal static class RateLimitProbe
{
    private const int Concurrent = 5;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(5);

    private sealed record Outcome(string Scenario, int PerSecond, int Operations, int Succeeded, int Failed, TimeSpan Elapsed, int Attempts, int Ok, int TooMany, int TooManyAfterFirstWindow, double SustainedPerSecond, string Verified);

    public static async Task RunAsync(int issues, int details, int bulkPerSecond, int detailPerSecond, TimeSpan naiveBudget)
    {
        await using var sentry = await LocalSentry.StartAsync(new LocalSentryOptions { Organization = "acme", Project = "backend" });
        var ids = await SeedAsync(sentry, issues);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {ids.Count} issues; limits: {Concurrent} concurrent, {bulkPerSecond}/s (bulk) and {detailPerSecond}/s (details), {Latency.TotalMilliseconds} ms per request"));
        var outcomes = new List<Outcome>();

        // Bulk resolve: the facade (sequential chunks of 100 ids, paced by the client), then go-sentry's way back to
        // unresolved, then the naive loop of one update per issue for a fixed time.
        outcomes.Add(await RunAsync(sentry, "bulk resolve, facade BulkUpdateAsync", bulkPerSecond, waits: true, async scope =>
        {
            var result = await scope.Project.Issues.BulkUpdateAsync(ids, new ProjectIssueBulkUpdate { Status = IssueStatus.Resolved });
            return (ids.Count, result.SucceededIds.Count, result.FailedIds.Count);
        }, async project => Verify(await CountAsync(project, "is:resolved"), ids.Count, "resolved")));

        outcomes.Add(await RunAsync(sentry, "bulk unresolve, go-sentry way (no wait, no retry)", bulkPerSecond, waits: false, async scope =>
        {
            var result = await scope.Project.Issues.BulkUpdateAsync(ids, new ProjectIssueBulkUpdate { Status = IssueStatus.Unresolved });
            return (ids.Count, result.SucceededIds.Count, result.FailedIds.Count);
        }, null));
        var unresolved = await CountAsync(sentry, "is:unresolved");
        outcomes[^1] = outcomes[^1] with { Verified = Verify(unresolved, outcomes[^1].Succeeded, "unresolved (= ids the client reported done)") };

        // The naive loop starts from all unresolved, so what it resolved can be counted.
        await SetAllAsync(sentry, ids, IssueStatus.Unresolved);
        outcomes.Add(await RunAsync(sentry, "bulk resolve, naive loop (UpdateAsync per issue)", bulkPerSecond, waits: true, async scope =>
        {
            var done = 0;
            var timer = Stopwatch.StartNew();
            foreach (var id in ids)
            {
                if (timer.Elapsed >= naiveBudget)
                {
                    break;
                }

                await scope.Issues.UpdateAsync(id, new IssueUpdate { Status = IssueStatus.Resolved });
                done++;
            }

            return (done, done, 0);
        }, null));
        var resolvedByNaive = await CountAsync(sentry, "is:resolved");
        outcomes[^1] = outcomes[^1] with { Verified = Verify(resolvedByNaive, outcomes[^1].Succeeded, "resolved (= issues the loop updated)") };

        // Details: all at once through the facade, the naive loop for a fixed time, and go-sentry's way.
        var detailIds = ids.Take(details).ToList();
        outcomes.Add(await RunAsync(sentry, "issue details, facade (all at once, client paces)", detailPerSecond, waits: true, scope => FetchAllAsync(scope, detailIds), null));
        outcomes[^1] = outcomes[^1] with { Verified = outcomes[^1].Succeeded == detailIds.Count && outcomes[^1].Ok == detailIds.Count ? "ok: every id fetched once, no extra 200s" : $"{outcomes[^1].Failed} calls threw a 429 to the caller" };

        outcomes.Add(await RunAsync(sentry, "issue details, naive loop (one at a time)", detailPerSecond, waits: true, async scope =>
        {
            var done = 0;
            var timer = Stopwatch.StartNew();
            foreach (var id in detailIds)
            {
                if (timer.Elapsed >= naiveBudget)
                {
                    break;
                }

                _ = await scope.Issues.GetAsync(id);
                done++;
            }

            return (done, done, 0);
        }, null));

        outcomes.Add(await RunAsync(sentry, "issue details, go-sentry way (all at once, no wait, no retry)", detailPerSecond, waits: false, scope => FetchAllAsync(scope, detailIds), null));

        Console.WriteLine();
        Console.WriteLine("| scenario | limit/s | operations | succeeded | failed | seconds | attempts | 200s | 429s | 429s after first window | sustained req/s (full windows) | of the limit | verified |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var o in outcomes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {o.Scenario} | {o.PerSecond} | {o.Operations} | {o.Succeeded} | {o.Failed} | {o.Elapsed.TotalSeconds:F2} | {o.Attempts} | {o.Ok} | {o.TooMany} | {o.TooManyAfterFirstWindow} | {o.SustainedPerSecond:F1} | {o.SustainedPerSecond / o.PerSecond:P0} | {o.Verified} |"));
        }
    }

    /// <summary>Fetches every id at once; a 429 that reaches the caller is counted, not thrown (each distinct id that came back counts once).</summary>
    private static async Task<(int Operations, int Succeeded, int Failed)> FetchAllAsync(Scope scope, List<string> ids)
    {
        var fetched = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                return (await scope.Issues.GetAsync(id)).Id;
            }
            catch (SentryApiException e) when (e.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return null;
            }
        }));
        var succeeded = fetched.Where(id => id is not null).Distinct(StringComparer.Ordinal).Count();
        return (ids.Count, succeeded, fetched.Count(id => id is null));
    }

    /// <summary>A scenario's facade: the project (list, bulk) and the organization's issues (one issue by id).</summary>
    private sealed record Scope(ProjectClient Project, IssuesClient Issues);

    private static async Task<Outcome> RunAsync(
        LocalSentry sentry,
        string scenario,
        int perSecond,
        bool waits,
        Func<Scope, Task<(int Operations, int Succeeded, int Failed)>> work,
        Func<ProjectClient, Task<string>>? verify)
    {
        var wire = new WireLog(TimeProvider.System);
        using var client = new SentryManagementClient(
            new SentryManagementOptions
            {
                BaseUrl = sentry.Url,
                AuthToken = sentry.AuthToken,
                Organization = sentry.Organization,
                MaxRetries = waits ? 3 : 0,
                MaxRateLimitWait = waits ? TimeSpan.FromSeconds(60) : TimeSpan.Zero,
            },
            wire);
        var project = client.Organization(sentry.Organization).Project(sentry.Project.Slug);
        var scope = new Scope(project, client.Organization(sentry.Organization).Issues);

        // Every scenario starts in a fresh window: the one before must not have used it up.
        var now = TimeProvider.System.GetUtcNow();
        await Task.Delay(DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() + 1) - now + TimeSpan.FromMilliseconds(20));
        sentry.Faults.Management.Limit(Concurrent, perSecond).Delay(Latency);
        var start = TimeProvider.System.GetUtcNow();
        var timer = Stopwatch.StartNew();
        var (operations, succeeded, failed) = await work(scope);
        var elapsed = timer.Elapsed;
        sentry.Faults.Clear();

        var attempts = wire.Attempts.ToList();
        // The first window is the one the first answer came back in (the client learns the limits from it).
        var firstWindowEnds = DateTimeOffset.FromUnixTimeSeconds((attempts.Count > 0 ? attempts.Min(a => a.Completed) : start).ToUnixTimeSeconds() + 1);
        var late = attempts.Where(a => a.Status == HttpStatusCode.TooManyRequests && a.Completed >= firstWindowEnds).Take(10)
            .Select(a => ((a.Completed - start).TotalMilliseconds).ToString("F0", CultureInfo.InvariantCulture) + (a.OverConcurrency ? " (concurrency)" : " (window)"));
        Console.WriteLine($"{scenario}: 429s after the first window at ms {string.Join(", ", late)}");
        var perWindow = attempts.Where(a => (int)a.Status is >= 200 and < 300)
            .GroupBy(a => a.Completed.ToUnixTimeSeconds())
            .OrderBy(g => g.Key)
            .Select(g => g.Count())
            .ToList();

        // Full windows only: the first (entered mid-second, before the client knows the limits) and the last (the
        // work ran out) are partial.
        var full = perWindow.Count > 2 ? perWindow.Skip(1).SkipLast(1).ToList() : perWindow;
        var verified = verify is null ? "" : await verify(project);
        return new Outcome(
            scenario, perSecond, operations, succeeded, failed, elapsed,
            attempts.Count,
            attempts.Count(a => (int)a.Status is >= 200 and < 300),
            attempts.Count(a => a.Status == HttpStatusCode.TooManyRequests),
            attempts.Count(a => a.Status == HttpStatusCode.TooManyRequests && a.Completed >= firstWindowEnds),
            full.Count > 0 ? full.Average() : 0,
            verified);
    }

    private static async Task SetAllAsync(LocalSentry sentry, List<string> ids, IssueStatus status)
    {
        using var client = new SentryManagementClient(new SentryManagementOptions { BaseUrl = sentry.Url, AuthToken = sentry.AuthToken, Organization = sentry.Organization });
        var result = await client.Organization(sentry.Organization).Project(sentry.Project.Slug).Issues.BulkUpdateAsync(ids, new ProjectIssueBulkUpdate { Status = status });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"resetting the issues failed: {result}");
        }
    }

    private static string Verify(int actual, int expected, string what) =>
        actual == expected ? $"ok: {actual} {what}" : $"MISMATCH: {actual} {what}, expected {expected}";

    private static async Task<int> CountAsync(LocalSentry sentry, string query)
    {
        using var client = new SentryManagementClient(new SentryManagementOptions { BaseUrl = sentry.Url, AuthToken = sentry.AuthToken, Organization = sentry.Organization });
        return await CountAsync(client.Organization(sentry.Organization).Project(sentry.Project.Slug), query);
    }

    private static async Task<int> CountAsync(ProjectClient project, string query)
    {
        var count = 0;
        await foreach (var _ in project.Issues.List(query: query))
        {
            count++;
        }

        return count;
    }

    /// <summary>Ingests one event per issue (a fingerprint each) with the capture client, then lists the issues' ids.</summary>
    private static async Task<List<string>> SeedAsync(LocalSentry sentry, int issues)
    {
        var timer = Stopwatch.StartNew();
        await using (var capture = new SentryCaptureClient(new SentryCaptureOptions { Dsn = sentry.Dsn, MaxErrorQueueSize = issues * 2 }))
        {
            for (var i = 0; i < issues; i++)
            {
                var fingerprint = new[] { string.Create(CultureInfo.InvariantCulture, $"seed-{i}") };
                capture.CaptureMessage(string.Create(CultureInfo.InvariantCulture, $"seeded issue {i}"), EventLevel.Error, e => e.Fingerprint = fingerprint);
            }

            await capture.FlushAsync(TimeSpan.FromMinutes(2));
        }

        await sentry.Received.WaitForEventsAsync(issues, TimeSpan.FromMinutes(2));
        using var client = new SentryManagementClient(new SentryManagementOptions { BaseUrl = sentry.Url, AuthToken = sentry.AuthToken, Organization = sentry.Organization });
        var ids = new List<string>(issues);
        await foreach (var issue in client.Organization(sentry.Organization).Project(sentry.Project.Slug).Issues.List())
        {
            ids.Add(issue.Id!);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeding took {timer.Elapsed.TotalSeconds:F1} s"));
        return ids;
    }
}
