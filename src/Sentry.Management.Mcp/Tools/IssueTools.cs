using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;
using Sentry.Management.Mcp.Views;

namespace Sentry.Management.Mcp.Tools;

/// <summary>search_issues, get_issue_details, search_issue_events, get_issue_tag_values, update_issue, add_issue_note.</summary>
internal static class IssueTools
{
    public static readonly string[] Sorts = ["date", "new", "freq", "user"];

    public static IEnumerable<ToolDefinition> All()
    {
        yield return new ToolDefinition
        {
            Name = "search_issues",
            Title = "Search issues",
            Description = "Search an organization's issues (grouped errors) with Sentry's query syntax; write the query yourself, no natural language. "
                + QuerySyntax.Issues + " Example: `is:unresolved level:error firstSeen:-24h`. Returns a page and a nextCursor for more.",
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["event:read"],
            Parameters =
            [
                Params.Organization, Params.RegionUrl,
                Params.Query("Sentry issue search query; default `is:unresolved`."),
                ToolParameter.Choice("sort", "date (last seen, default), new (first seen), freq (events), user (users).", Sorts),
                Params.Project(required: false, "projectSlugOrId"),
                ToolParameter.Text("period", "Time window such as 24h, 7d, 14d (default), 30d, 90d."),
                Params.Cursor, Params.Limit(),
            ],
            OutputSchema = JsonSchemas.List(IssueViews.IssueSchema),
            Run = call => ListResult.PageAsync(
                call,
                pages => call.Org().Issues.List(SearchOptions(call), pages), // facade: Issues.List
                "Issues matching " + (call.Text("query") ?? "is:unresolved"),
                IssueViews.Line,
                IssueViews.Json),
        };

        yield return new ToolDefinition
        {
            Name = "get_issue_details",
            Title = "Get issue details",
            Description = "Get an issue with its latest event (or eventId): the exception, the stack trace (innermost frames first, in-app frames marked >) and the breadcrumbs before it. Takes issueId (BACKEND-1A or 4711) or issueUrl.",
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["event:read"],
            Parameters = [Params.Organization, Params.RegionUrl, Params.IssueId, ToolParameter.Text("eventId", "A specific event of the issue; default: the latest."), Params.IssueUrl],
            OutputSchema = JsonSchemas.Single("issue", IssueViews.IssueSchema, new KeyValuePair<string, JsonNode>("event", IssueViews.EventSchema)),
            Run = async call =>
            {
                var (organization, issueId) = await IssueReference.ResolveAsync(call).ConfigureAwait(false);
                // facade: Issues.GetAsync, Events.GetForIssueAsync (latest or the given event)
                var issue = await call.Org(organization).Issues.GetAsync(issueId, call.CancellationToken).ConfigureAwait(false);
                var latest = await call.Org(organization).Events.GetForIssueAsync(issueId, call.Text("eventId") ?? EventsClient.Latest, call.CancellationToken).ConfigureAwait(false);
                var markdown = Budget.Cut(IssueViews.Details(issue) + IssueViews.Details(latest), call.Options.ResultBudget, "pass eventId to look at one event, or search_issue_events for a list");
                return new ToolOutput(markdown, new JsonObject { ["issue"] = IssueViews.Json(issue), ["event"] = IssueViews.Json(latest) });
            },
        };

        yield return new ToolDefinition
        {
            Name = "search_issue_events",
            Title = "Search an issue's events",
            Description = "List the events of one issue, newest first, optionally filtered. " + QuerySyntax.Events + " Returns a page and a nextCursor for more.",
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["event:read"],
            Parameters = [Params.Organization, Params.RegionUrl, Params.IssueId, Params.IssueUrl, Params.Query("Sentry event search query within the issue."), Params.Cursor, Params.Limit()],
            OutputSchema = JsonSchemas.List(IssueViews.EventSchema),
            Run = async call =>
            {
                var (organization, issueId) = await IssueReference.ResolveAsync(call).ConfigureAwait(false);
                return await ListResult.PageAsync(
                    call,
                    pages => call.Org(organization).Events.ListForIssue(issueId, call.Text("query"), pages: pages), // facade: Events.ListForIssue
                    "Events of issue " + issueId,
                    IssueViews.Line,
                    IssueViews.Json).ConfigureAwait(false);
            },
        };

        yield return new ToolDefinition
        {
            Name = "get_issue_tag_values",
            Title = "Get an issue's tag values",
            Description = "How an issue's events spread over a tag's values: common keys are url, browser, browser.name, os, environment, release, user, device, transaction, server_name.",
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["event:read"],
            Parameters = [Params.Organization, Params.RegionUrl, Params.IssueId, Params.IssueUrl, ToolParameter.Text("tagKey", "The tag key, such as browser or environment.", required: true)],
            OutputSchema = JsonSchemas.Object(
                [
                    new("key", new JsonObject { ["type"] = "string" }),
                    new("uniqueValues", new JsonObject { ["type"] = new JsonArray("integer", "null") }),
                    new("totalValues", new JsonObject { ["type"] = new JsonArray("integer", "null") }),
                    new("values", JsonSchemas.ArrayOf(IssueViews.TagValueSchema)),
                ],
                "key"),
            Run = async call =>
            {
                var (organization, issueId) = await IssueReference.ResolveAsync(call).ConfigureAwait(false);
                var key = call.RequiredText("tagKey");
                // facade: Issues.GetTagAsync
                var tag = await call.Org(organization).Issues.GetTagAsync(issueId, key, call.CancellationToken).ConfigureAwait(false);
                var values = tag.TopValues ?? [];
                var markdown = $"# Tag {key} on issue {issueId}: {tag.UniqueValues} values over {tag.TotalValues} events\n\n" + string.Join('\n', values.Select(IssueViews.Line)) + "\n";
                return new ToolOutput(Budget.Cut(markdown, call.Options.ResultBudget, "ask for a more specific tag"), new JsonObject
                {
                    ["key"] = key,
                    ["uniqueValues"] = tag.UniqueValues,
                    ["totalValues"] = tag.TotalValues,
                    ["values"] = new JsonArray([.. values.Select(v => (JsonNode)IssueViews.Json(v))]),
                });
            },
        };

        yield return new ToolDefinition
        {
            Name = "update_issue",
            Title = "Update an issue",
            Description = "Resolve, reopen, ignore (archive) or assign one issue. Needs confirm: true. For many issues at once use bulk_update_issues.",
            Kind = ToolKind.Destructive,
            Idempotent = true,
            Scopes = ["event:write"],
            Parameters =
            [
                Params.Organization, Params.RegionUrl, Params.IssueId, Params.IssueUrl, .. IssueChange.Parameters(),
                ToolParameter.Text("reason", "Why: added to the issue's activity as a note after the change."),
            ],
            OutputSchema = JsonSchemas.Single(
                "issue",
                IssueViews.IssueSchema,
                new KeyValuePair<string, JsonNode>("change", new JsonObject { ["type"] = "string" }),
                new KeyValuePair<string, JsonNode>("noteId", new JsonObject { ["type"] = new JsonArray("string", "null") })),
            Run = async call =>
            {
                var (update, description) = IssueChange.Read(call);
                var reason = call.Text("reason");
                var (organization, issueId) = await IssueReference.ResolveAsync(call).ConfigureAwait(false);
                // facade: Issues.UpdateAsync, then Issues.AddNoteAsync for the reason (after the change, so a refused change leaves no note)
                var issues = call.Org(organization).Issues;
                var issue = await issues.UpdateAsync(issueId, update, call.CancellationToken).ConfigureAwait(false);
                var note = reason is null ? null : await issues.AddNoteAsync(issueId, reason, cancellationToken: call.CancellationToken).ConfigureAwait(false);
                var noteLine = note is null ? string.Empty : $"\nNote `{note.Id}` added: {reason}\n";
                return new ToolOutput(
                    $"# Issue {issue.ShortId ?? issueId} updated: {description}\n\n{IssueViews.Line(issue)}\n{noteLine}",
                    new JsonObject { ["issue"] = IssueViews.Json(issue), ["change"] = description, ["noteId"] = note?.Id });
            },
        };

        yield return new ToolDefinition
        {
            Name = "add_issue_note",
            Title = "Add a note to an issue",
            Description = "Add a comment (note) to an issue's activity, for example why it was resolved.",
            Kind = ToolKind.Additive,
            Scopes = ["event:write"],
            Parameters =
            [
                Params.Organization, Params.RegionUrl, Params.IssueId, Params.IssueUrl, ToolParameter.Text("text", "The note, in markdown.", required: true),
                ToolParameter.TextList("mentions", "Who to notify, as `user:<id>` (whoami shows yours) or `team:<id>`."),
            ],
            OutputSchema = JsonSchemas.Object("issueId:string", "noteId:string"),
            Run = async call =>
            {
                var text = call.RequiredText("text");
                var mentions = call.TextList("mentions");
                var (organization, issueId) = await IssueReference.ResolveAsync(call).ConfigureAwait(false);
                // facade: Issues.AddNoteAsync
                var note = await call.Org(organization).Issues.AddNoteAsync(issueId, text, mentions.Count == 0 ? null : mentions, call.CancellationToken).ConfigureAwait(false);
                return new ToolOutput($"# Note added to issue {issueId}\n\nNote `{note.Id}`: {text}\n", new JsonObject { ["issueId"] = issueId, ["noteId"] = note.Id });
            },
        };
    }

    /// <summary>
    /// The project filter of an issue search: a numeric id goes into <c>project</c>, a slug into the query
    /// (<c>project:api</c>), because the issues endpoint takes project ids only.
    /// </summary>
    internal static (IReadOnlyList<string>? Projects, string Query) ScopeToProject(ToolCall call, string query) =>
        call.ProjectOrNull("projectSlugOrId") is not { } project ? (null, query)
        : project.All(char.IsAsciiDigit) ? ([project], query)
        : (null, $"project:{project} {query}");

    private static IssueListOptions SearchOptions(ToolCall call)
    {
        var query = call.Text("query") ?? "is:unresolved";
        (var projects, query) = IssueTools.ScopeToProject(call, query);

        var sort = call.Text("sort");
        if (sort is not null && !Sorts.Contains(sort, StringComparer.Ordinal))
        {
            throw new ToolInputException($"sort '{sort}' is not one of {string.Join(", ", Sorts)}.");
        }

        return new IssueListOptions
        {
            Filter = new IssueQuery { Query = query, Projects = projects, StatsPeriod = call.Text("period"), Sort = sort is null ? null : IssueSort.From(sort) },
            Limit = call.Integer("limit", ListResult.DefaultLimit, 1, ListResult.MaxLimit),
        };
    }
}
