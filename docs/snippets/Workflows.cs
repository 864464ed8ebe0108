using Sentry.Management;

namespace DocsSnippets;

/// <summary>
/// The code of docs/alerts.md, docs/triage.md and the watch section of docs/issues.md, compiled so the
/// pages cannot drift from the API (each region is copied into its page verbatim). Not run: the workflow tests run the same calls.
/// </summary>
internal static class WorkflowSnippets
{
    internal static async Task AlertsAsync(SentryManagementClient sentry, string version, string teamId)
    {
        #region alerts
        var backend = sentry.Organization("acme").Project("backend");

        // "High Error Rate Alert": more than 100 events in a minute, to Slack #alerts.
        var highErrorRate = AlertRule.Create("High Error Rate Alert")
            .WhenSeenMoreThan(100, AlertInterval.OneMinute)
            .NotifySlack("#alerts")
            .Build();

        // After a deploy: more than 50 events in 5 minutes of this release, to Slack #deployments and the team's e-mail.
        var postDeploy = AlertRule.Create($"Post-deploy errors {version}")
            .WhenSeenMoreThan(50, AlertInterval.FiveMinutes)
            .WhereTag("release", TagMatch.EqualTo, version)
            .NotifySlack("#deployments")
            .EmailTeam(teamId)
            .Build();

        foreach (var rule in new[] { highErrorRate, postDeploy })
        {
            var result = await backend.AlertRules.EnsureAsync(rule); // AlertApi.Auto: workflow engine, else legacy
            Console.WriteLine(result); // "High Error Rate Alert: created workflow 900 on detector 72"
        }

        // Metric thresholds: a detector and its workflow (or a legacy metric alert rule).
        var errorSpike = MetricAlert.ErrorCount("Error spike")
            .Over(1)
            .Warning(5, AlertAction.Slack("#alerts"))
            .Critical(10, AlertAction.Slack("#alerts"), AlertAction.EmailTeam(teamId))
            .Build();
        var crashFree = MetricAlert.CrashFreeSessionRate("Crash-free sessions under 95%")
            .InEnvironment("production")
            .Critical(95, AlertAction.Slack("#alerts"))
            .Build();
        Console.WriteLine(await backend.AlertRules.EnsureMetricAsync(errorSpike));
        Console.WriteLine(await backend.AlertRules.EnsureMetricAsync(crashFree, AlertApi.Legacy));
        #endregion
    }

    internal static async Task TriageAsync(SentryManagementClient sentry)
    {
        #region triage
        var issues = sentry.Organization("acme").Issues;

        var plan = await issues.PlanChangesAsync(new IssueTriageRequest
        {
            Query = "is:unresolved level:error",
            Project = "backend",
            Environment = "production",
            Period = "24h",
            Change = IssueChange.Resolve().AndAssignTo("jane@acme.io").AndNote("Fixed by the retry change in 2.4.0"),
            Limit = 50,
        });
        Console.WriteLine(plan); // each issue: BACKEND-1 TimeoutError: unresolved, unassigned -> resolved, assigned to jane@acme.io

        var result = await plan.ApplyAsync(new Progress<TriageProgress>(p => Console.WriteLine($"{p.Completed}/{p.Total} {p.Step}")));
        Console.WriteLine(result); // "2 issue(s) changed, 0 failed", then one line per failure

        // Merge (one request, same project), delete, notes.
        var merged = await sentry.Organization("acme").Project("backend").Issues.MergeAsync(["11", "12"]);
        Console.WriteLine($"merged into {merged.Parent}");
        await issues.BulkDeleteAsync(["13"]);
        await issues.AddNoteAsync("11", "Merged the duplicates.");
        await foreach (var note in issues.ListNotes("11"))
        {
            Console.WriteLine($"{note.DateCreated:u} {note.Data}");
        }

        // File it in the tracker, once.
        var filed = await sentry.Organization("acme").Integrations.FileIssueAsync("11", "jira", "acme.atlassian.net");
        Console.WriteLine(filed); // "created OPS-7 for issue 11", "found OPS-7 for issue 11" on a re-run
        #endregion
    }

    internal static async Task WatchAsync(SentryManagementClient sentry, string? savedCursor, CancellationToken stop)
    {
        #region watch
        var options = new IssueWatchOptions
        {
            Query = "is:unresolved level:error",
            Since = DateTimeOffset.UtcNow.AddHours(-1), // ignored when resuming
            ResumeFrom = savedCursor,                   // null on the first run
            PollInterval = TimeSpan.FromMinutes(1),
        };
        await foreach (var e in sentry.Organization("acme").Issues.WatchAsync(options, stop))
        {
            Console.WriteLine(e); // "new: BACKEND-9 NullReferenceException" or "regressed: …"
            savedCursor = e.Cursor; // persist it to resume without repeats
        }
        #endregion
    }
}
