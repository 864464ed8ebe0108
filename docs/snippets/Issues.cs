using Sentry.Management;

namespace DocsSnippets;

internal static class Issues
{
    internal static async Task Triage()
    {
        #region issues
        using var sentry = SentryManagementClient.FromEnvironment(); // SENTRY_AUTH_TOKEN, SENTRY_ORG, SENTRY_URL
        var acme = sentry.Organization("acme");

        // Search: the query is sent percent-encoded exactly as written (spaces, colons, quotes).
        var timeouts = acme.Issues.List(options: new IssueListOptions
        {
            Filter = new IssueQuery
            {
                Query = "is:unresolved message:\"Network timeout\" level:error",
                Environments = ["production"],
                Sort = IssueSort.Freq,
                StatsPeriod = "14d",
            },
        });

        var ids = new List<string>();
        await foreach (var issue in timeouts)
        {
            Console.WriteLine($"{issue.ShortId} {issue.Title} ({issue.Count} events, {issue.Status}/{issue.Substatus})");
            ids.Add(issue.Id!);
        }

        // Bulk changes are split into requests of at most 100 ids (Sentry's limit); a failed request does not stop the others.
        var result = await acme.Issues.BulkUpdateAsync(ids, new IssueUpdate
        {
            Status = IssueStatus.Ignored,
            Substatus = IssueSubstatus.ArchivedUntilEscalating,
        });
        foreach (var chunk in result.Chunks.Where(c => !c.Succeeded))
        {
            Console.WriteLine($"{chunk.Ids.Count} ids failed: {chunk.Error!.Message}");
        }

        // One issue: resolve in the next release, assign to a team.
        if (ids.Count > 0)
        {
            await acme.Issues.UpdateAsync(ids[0], new IssueUpdate
            {
                Status = IssueStatus.Resolved,
                StatusDetails = new IssueStatusDetailsUpdate { InNextRelease = true },
                AssignedTo = "team:42",
            });

            // Its latest event, with the exception and breadcrumbs read from the event's entries.
            var latest = await acme.Events.GetLatestForIssueAsync(ids[0]);
            foreach (var exception in latest.GetException()?.Values ?? [])
            {
                Console.WriteLine($"{exception.Type}: {exception.Value}");
                foreach (var frame in exception.Stacktrace?.Frames ?? [])
                {
                    Console.WriteLine($"  at {frame.Function} ({frame.Filename}:{frame.LineNo})");
                }
            }

            foreach (var crumb in latest.GetBreadcrumbs())
            {
                Console.WriteLine($"{crumb.Timestamp:O} [{crumb.Category}] {crumb.Message}");
            }
        }
        #endregion
    }
}
