using System.Text.Json.Nodes;
using Sentry.Management.Testing.Grouping;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>
/// Issues: organization and project lists with search and sort, bulk update and delete (by <c>id</c> or by query),
/// one issue's get, update and delete, short-id lookup and grouping hashes.
/// </summary>
internal static class IssueEndpoints
{
    public static void Map(ApiRouteBuilder api)
    {
        api.Get("/organizations/{org}/issues/", c => ListAsync(c, project: null));
        api.Put("/organizations/{org}/issues/", c => BulkUpdateAsync(c, project: null));
        api.Delete("/organizations/{org}/issues/", c => BulkDeleteAsync(c, project: null));
        api.Get("/projects/{org}/{project}/issues/", c => ListAsync(c, c.Project()));
        api.Put("/projects/{org}/{project}/issues/", c => BulkUpdateAsync(c, c.Project()));
        api.Delete("/projects/{org}/{project}/issues/", c => BulkDeleteAsync(c, c.Project()));
        api.Get("/organizations/{org}/issues/{issue}/", GetAsync);
        api.Put("/organizations/{org}/issues/{issue}/", UpdateAsync);
        api.Delete("/organizations/{org}/issues/{issue}/", DeleteAsync);
        api.Get("/issues/{issue}/", GetAsync);
        api.Put("/issues/{issue}/", UpdateAsync);
        api.Delete("/issues/{issue}/", DeleteAsync);
        api.Get("/organizations/{org}/shortids/{shortId}/", ShortIdAsync);
        api.Get("/organizations/{org}/issues/{issue}/hashes/", HashesAsync);
    }

    /// <summary>
    /// The issue named by the <c>{issue}</c> route value — a numeric id or a short id — in the organization of the
    /// <c>{org}</c> route value, if the route has one; 404 otherwise.
    /// </summary>
    public static StoredIssue Find(ApiContext context)
    {
        var organization = context.Http.Request.RouteValues.ContainsKey("org") ? context.Organization() : null;
        var id = context.Route("issue");
        var issue = context.Data.Issues.Find(id);
        if (issue is null)
        {
            foreach (var project in context.Data.Projects.All().Where(p => organization is null || p.OrganizationId == organization.Id))
            {
                if (ShortId.Parse(project.Slug, id) is { } number)
                {
                    issue = context.Data.Issues.All().FirstOrDefault(i => i.ProjectId == project.Id && i.ShortIdNumber == number);
                    if (issue is not null)
                    {
                        break;
                    }
                }
            }
        }

        if (issue is null || issue.Discarded)
        {
            throw ApiProblem.NotFound();
        }

        var owner = context.Data.Projects.Find(issue.ProjectId);
        return organization is not null && owner?.OrganizationId != organization.Id ? throw ApiProblem.NotFound() : issue;
    }

    public static IReadOnlyList<StoredEvent> EventsOf(ApiContext context, StoredIssue issue) =>
        [.. context.Data.Events.All().Where(e => e.GroupId == issue.Id).OrderBy(e => e.Timestamp).ThenBy(e => e.Received)];

    private static Task ListAsync(ApiContext context, StoredProject? project)
    {
        var organization = context.Organization();
        var candidates = IssueQueries.List(context, organization, project);
        var period = context.Query("groupStatsPeriod") is { } p && p != "auto" ? p : "24h";
        return context.PageAsync(candidates, c => IssueJson.Summary(c.Issue, c.Events, context.State, period), defaultLimit: 25);
    }

    private static async Task BulkUpdateAsync(ApiContext context, StoredProject? project)
    {
        var organization = context.Organization();
        var body = await context.BodyAsync().ConfigureAwait(false);
        JsonObject? result;
        lock (context.Data.Gate)
        {
            var targets = IssueQueries.Targets(context, organization, project);
            if (targets.Count == 0)
            {
                result = null;
            }
            else
            {
                result = IssueMutation.Apply(context, [.. targets.Select(t => t.Issue)], body) ?? new JsonObject();
            }
        }

        if (result is null || result.Count == 0 && IsDiscard(body))
        {
            await context.NoContentAsync().ConfigureAwait(false);
            return;
        }

        await context.OkAsync(result).ConfigureAwait(false);
    }

    private static Task BulkDeleteAsync(ApiContext context, StoredProject? project)
    {
        var organization = context.Organization();
        lock (context.Data.Gate)
        {
            foreach (var target in IssueQueries.Targets(context, organization, project))
            {
                Delete(context, target.Issue);
            }
        }

        return context.NoContentAsync();
    }

    private static Task GetAsync(ApiContext context)
    {
        var issue = Find(context);
        var notes = context.Data.Notes.All().Where(n => n.IssueId == issue.Id).ToList();
        return context.OkAsync(IssueJson.Detail(issue, EventsOf(context, issue), notes, context.State));
    }

    private static async Task UpdateAsync(ApiContext context)
    {
        var issue = Find(context);
        var body = await context.BodyAsync().ConfigureAwait(false);
        lock (context.Data.Gate)
        {
            IssueMutation.Apply(context, [issue], body);
        }

        if (IsDiscard(body))
        {
            await context.NoContentAsync().ConfigureAwait(false);
            return;
        }

        var notes = context.Data.Notes.All().Where(n => n.IssueId == issue.Id).ToList();
        await context.OkAsync(IssueJson.Detail(issue, EventsOf(context, issue), notes, context.State)).ConfigureAwait(false);
    }

    private static Task DeleteAsync(ApiContext context)
    {
        var issue = Find(context);
        lock (context.Data.Gate)
        {
            Delete(context, issue);
        }

        // Sentry deletes issues in the background and answers 202.
        return context.AcceptedAsync();
    }

    private static Task ShortIdAsync(ApiContext context)
    {
        var organization = context.Organization();
        var shortId = context.Route("shortId");
        foreach (var project in context.Data.Projects.All().Where(p => p.OrganizationId == organization.Id))
        {
            if (ShortId.Parse(project.Slug, shortId) is not { } number)
            {
                continue;
            }

            var issue = context.Data.Issues.All().FirstOrDefault(i => i.ProjectId == project.Id && i.ShortIdNumber == number && !i.Discarded);
            if (issue is not null)
            {
                return context.OkAsync(new JsonObject
                {
                    ["organizationSlug"] = organization.Slug,
                    ["projectSlug"] = project.Slug,
                    ["groupId"] = issue.Id,
                    ["shortId"] = ShortId.Format(project.Slug, issue.ShortIdNumber),
                    ["group"] = IssueJson.Summary(issue, EventsOf(context, issue), context.State),
                });
            }
        }

        throw ApiProblem.NotFound();
    }

    private static Task HashesAsync(ApiContext context)
    {
        var issue = Find(context);
        var events = EventsOf(context, issue);
        var hashes = issue.Hashes.Select(h => (Hash: h, Latest: events.LastOrDefault(e => e.Hashes.Contains(h)))).ToList();
        return context.PageAsync(hashes, h => new JsonObject
        {
            ["id"] = h.Hash,
            ["latestEvent"] = h.Latest is null ? null : EventJson.Summary(h.Latest, context.State),
            ["mergedBySeer"] = false,
            ["seerMatchDistance"] = null,
        });
    }

    private static void Delete(ApiContext context, StoredIssue issue)
    {
        foreach (var e in context.Data.Events.All().Where(e => e.GroupId == issue.Id))
        {
            context.Data.Events.Remove(e.ProjectId + ":" + e.EventId);
        }

        foreach (var note in context.Data.Notes.All().Where(n => n.IssueId == issue.Id))
        {
            context.Data.Notes.Remove(note.Id);
        }

        context.Data.Issues.Remove(issue.Id);
    }

    private static bool IsDiscard(JsonObject body) => body["discard"] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True;
}
