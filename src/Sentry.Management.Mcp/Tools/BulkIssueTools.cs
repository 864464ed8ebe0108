using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;
using Sentry.Management.Mcp.Views;

namespace Sentry.Management.Mcp.Tools;

/// <summary>
/// bulk_update_issues and bulk_delete_issues: a query selects the issues; without confirm the call is a dry run that
/// lists exactly those issues and the change; with confirm the change is applied in chunks, with progress. Pass the
/// dry run's issueIds back to apply to exactly that set even if new issues matched in between.
/// </summary>
internal static class BulkIssueTools
{
    private const int MaxIssues = 1000;

    public static IEnumerable<ToolDefinition> All()
    {
        yield return Bulk(
            "bulk_update_issues",
            "Bulk update issues",
            "Change every issue a query matches (resolve, ignore, reopen, assign). First call without confirm: a dry run listing the issues and the change. Then call again with confirm: true (and the dry run's issueIds to pin the exact set). " + QuerySyntax.Issues,
            delete: false);
        yield return Bulk(
            "bulk_delete_issues",
            "Bulk delete issues",
            "Delete every issue a query matches, with their events; this cannot be undone. First call without confirm: a dry run listing the issues. Then call again with confirm: true (and the dry run's issueIds to pin the exact set). " + QuerySyntax.Issues,
            delete: true);
    }

    private static ToolDefinition Bulk(string name, string title, string description, bool delete) => new()
    {
        Name = name,
        Title = title,
        Description = description,
        Kind = ToolKind.DestructiveWithDryRun,
        Idempotent = delete,
        Scopes = [delete ? "event:admin" : "event:write"],
        Parameters =
        [
            Params.Organization, Params.RegionUrl,
            ToolParameter.Text("query", "The Sentry issue query selecting the issues, such as `is:unresolved level:error lastSeen:+30d`.", required: true),
            Params.Project(required: false, "projectSlugOrId"),
            ToolParameter.Text("environment", "Only issues seen in this environment."),
            ToolParameter.Text("period", "Time window such as 24h, 14d, 90d."),
            ToolParameter.Integer("limit", "The most issues to change (1-1000, default 100).", 1, MaxIssues),
            ToolParameter.TextList("issueIds", "With confirm: apply to exactly these numeric ids from the dry run instead of searching again."),
            .. delete ? [] : IssueChange.Parameters(),
        ],
        OutputSchema = JsonSchemas.Object(
            [
                new("applied", new JsonObject { ["type"] = "boolean" }),
                new("change", new JsonObject { ["type"] = "string" }),
                new("issues", JsonSchemas.ArrayOf(IssueViews.IssueSchema)),
                new("issueIds", JsonSchemas.ArrayOf(new JsonObject { ["type"] = "string" })),
                new("succeededIds", JsonSchemas.ArrayOf(new JsonObject { ["type"] = "string" })),
                new("failedIds", JsonSchemas.ArrayOf(new JsonObject { ["type"] = "string" })),
                new("errors", JsonSchemas.ArrayOf(new JsonObject { ["type"] = "string" })),
                new("note", new JsonObject { ["type"] = new JsonArray("string", "null") }),
            ],
            "applied"),
        Run = call => RunAsync(call, delete),
    };

    private static async Task<ToolOutput> RunAsync(ToolCall call, bool delete)
    {
        var organization = call.Organization;
        IssueUpdate? update = null;
        var change = "delete";
        if (!delete)
        {
            (update, change) = IssueChange.Read(call);
        }

        var pinnedIds = call.TextList("issueIds");
        if (call.Confirmed && pinnedIds.Count > 0)
        {
            return await ApplyAsync(call, organization, [.. pinnedIds], update, change).ConfigureAwait(false);
        }

        var issues = await SearchAsync(call, organization).ConfigureAwait(false);
        if (!call.Confirmed || issues.Count == 0)
        {
            return DryRun(call, issues, change);
        }

        return await ApplyAsync(call, organization, [.. issues.Select(i => i.Id!)], update, change).ConfigureAwait(false);
    }

    private static async Task<List<Issue>> SearchAsync(ToolCall call, string organization)
    {
        var limit = call.Integer("limit", 100, 1, MaxIssues);
        var query = call.RequiredText("query");
        (var projects, query) = IssueTools.ScopeToProject(call, query);

        var options = new IssueListOptions
        {
            Filter = new IssueQuery { Query = query, Projects = projects, StatsPeriod = call.Text("period"), Environments = call.Text("environment") is { } e ? [e] : null },
            Limit = Math.Min(limit, ListResult.MaxLimit),
        };
        var issues = new List<Issue>();

        // facade: Issues.List, page by page (progress per page)
        await foreach (var page in call.Org(organization).Issues.List(options, new SentryPageOptions { MaxItems = limit }).AsPages(call.CancellationToken).ConfigureAwait(false))
        {
            issues.AddRange(page.Items.Where(i => i.Id is not null));
            await call.ProgressAsync(issues.Count, limit, $"found {issues.Count} issues").ConfigureAwait(false);
        }

        return [.. issues.Take(limit)];
    }

    private static ToolOutput DryRun(ToolCall call, List<Issue> issues, string change)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# Dry run: {issues.Count} issues would change ({change})").AppendLine().AppendLine();
        var shown = 0;
        foreach (var issue in issues)
        {
            var line = IssueViews.Line(issue);
            if (text.Length + line.Length + 400 > call.Options.ResultBudget)
            {
                break;
            }

            text.AppendLine(line);
            shown++;
        }

        if (shown < issues.Count)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- … and {issues.Count - shown} more (all ids are in the structured content's issueIds)");
        }

        var note = issues.Count == 0
            ? "Nothing matches; nothing would change."
            : "Nothing was changed. To apply, call again with confirm: true and issueIds set to these ids (or the same query).";
        text.AppendLine().Append('_').Append(note).AppendLine("_");
        return new ToolOutput(text.ToString(), new JsonObject
        {
            ["applied"] = false,
            ["change"] = change,
            ["issues"] = new JsonArray([.. issues.Take(shown).Select(i => (JsonNode)IssueViews.Json(i))]),
            ["issueIds"] = new JsonArray([.. issues.Select(i => (JsonNode?)i.Id)]),
            ["note"] = note,
        });
    }

    private static async Task<ToolOutput> ApplyAsync(ToolCall call, string organization, List<string> ids, IssueUpdate? update, string change)
    {
        var succeeded = new List<string>();
        var failed = new List<string>();
        var errors = new List<string>();
        var done = 0;
        foreach (var chunk in ids.Chunk(IssuesClient.MaxIdsPerBulkRequest))
        {
            call.CancellationToken.ThrowIfCancellationRequested();

            // facade: Issues.BulkUpdateAsync / Issues.BulkDeleteAsync, one chunk per call so progress is reported between them
            var result = update is null
                ? await call.Org(organization).Issues.BulkDeleteAsync(chunk, call.CancellationToken).ConfigureAwait(false)
                : await call.Org(organization).Issues.BulkUpdateAsync(chunk, update, call.CancellationToken).ConfigureAwait(false);
            succeeded.AddRange(result.SucceededIds);
            failed.AddRange(result.FailedIds);
            foreach (var failure in result.Chunks.Where(c => c.Error is not null))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{failure.Ids.Count} issues: Sentry answered {(int)failure.Error!.StatusCode}: {failure.Error.Detail}"));
            }

            done += chunk.Length;
            await call.ProgressAsync(done, ids.Count, $"{change}: {done} of {ids.Count}").ConfigureAwait(false);
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# Applied {change} to {succeeded.Count} of {ids.Count} issues").AppendLine().AppendLine();
        text.Append("Changed: ").AppendLine(Format.Short(string.Join(", ", succeeded), call.Options.ResultBudget / 2));
        if (failed.Count > 0)
        {
            text.Append("Failed: ").AppendLine(Format.Short(string.Join(", ", failed), call.Options.ResultBudget / 4));
            text.AppendLine(string.Join('\n', errors));
        }

        return new ToolOutput(text.ToString(), new JsonObject
        {
            ["applied"] = true,
            ["change"] = change,
            ["issueIds"] = new JsonArray([.. ids.Select(i => (JsonNode?)i)]),
            ["succeededIds"] = new JsonArray([.. succeeded.Select(i => (JsonNode?)i)]),
            ["failedIds"] = new JsonArray([.. failed.Select(i => (JsonNode?)i)]),
            ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode?)e)]),
        }, IsError: succeeded.Count == 0 && failed.Count > 0);
    }
}
