using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>
/// Events: an issue's events (list, <c>latest</c>, <c>oldest</c>, <c>recommended</c>, by id), a project's events
/// (list, by id) and the organization-wide event-id lookup.
/// </summary>
internal static class EventEndpoints
{
    public static void Map(ApiRouteBuilder api)
    {
        api.Get("/organizations/{org}/issues/{issue}/events/", IssueEventsAsync);
        api.Get("/organizations/{org}/issues/{issue}/events/{event}/", IssueEventAsync);
        api.Get("/issues/{issue}/events/", IssueEventsAsync);
        api.Get("/issues/{issue}/events/{event}/", IssueEventAsync);
        api.Get("/projects/{org}/{project}/events/", ProjectEventsAsync);
        api.Get("/projects/{org}/{project}/events/{event}/", ProjectEventAsync);
        api.Get("/organizations/{org}/eventids/{event}/", EventIdAsync);
    }

    private static Task IssueEventsAsync(ApiContext context)
    {
        var issue = IssueEndpoints.Find(context);
        var events = Filter(context, IssueEndpoints.EventsOf(context, issue));
        return WriteListAsync(context, events);
    }

    private static Task IssueEventAsync(ApiContext context)
    {
        var issue = IssueEndpoints.Find(context);
        var events = Filter(context, IssueEndpoints.EventsOf(context, issue), timeWindow: false);
        var wanted = context.Route("event");
        var index = wanted switch
        {
            // Recommended: the latest event with the richest data; with one kind of data here, the latest.
            "latest" or "recommended" => events.Count - 1,
            "oldest" => events.Count > 0 ? 0 : -1,
            _ => IndexOf(events, wanted),
        };
        if (index < 0)
        {
            throw ApiProblem.NotFound();
        }

        return context.OkAsync(EventJson.Detail(events[index], index > 0 ? events[index - 1] : null, index < events.Count - 1 ? events[index + 1] : null, context.State));
    }

    private static Task ProjectEventsAsync(ApiContext context)
    {
        var project = context.Project();
        var events = context.Data.Events.All().Where(e => e.ProjectId == project.Id && e.Type != "transaction")
            .OrderBy(e => e.Timestamp).ThenBy(e => e.Received).ToList();
        return WriteListAsync(context, Filter(context, events));
    }

    private static Task ProjectEventAsync(ApiContext context)
    {
        var project = context.Project();
        var events = context.Data.Events.All().Where(e => e.ProjectId == project.Id).OrderBy(e => e.Timestamp).ThenBy(e => e.Received).ToList();
        var index = IndexOf(events, context.Route("event"));
        return index < 0
            ? throw ApiProblem.NotFound()
            : context.OkAsync(EventJson.Detail(events[index], index > 0 ? events[index - 1] : null, index < events.Count - 1 ? events[index + 1] : null, context.State));
    }

    private static Task EventIdAsync(ApiContext context)
    {
        var organization = context.Organization();
        var eventId = Ingestion.EventIngestor.NormalizeId(context.Route("event")) ?? throw ApiProblem.NotFound();
        foreach (var project in context.Data.Projects.All().Where(p => p.OrganizationId == organization.Id))
        {
            if (context.Data.Events.Find(project.Id + ":" + eventId) is { } found)
            {
                return context.OkAsync(new JsonObject
                {
                    ["organizationSlug"] = organization.Slug,
                    ["projectSlug"] = project.Slug,
                    ["groupId"] = found.GroupId,
                    ["eventId"] = found.EventId,
                    ["event"] = EventJson.Detail(found, null, null, context.State),
                });
            }
        }

        throw ApiProblem.NotFound();
    }

    /// <summary>Newest first, as Sentry lists events; <c>full=true</c> gives the detail shape.</summary>
    private static Task WriteListAsync(ApiContext context, IReadOnlyList<StoredEvent> events)
    {
        var newestFirst = events.Reverse().ToList();
        var full = context.Query("full") is "true" or "1";
        return context.PageAsync(newestFirst, e => full ? FullListItem(e, context) : EventJson.Summary(e, context.State));
    }

    /// <summary>A list item with <c>full=true</c>: the detail, plus the list's <c>event.type</c> (the schema requires it of every item).</summary>
    private static JsonObject FullListItem(StoredEvent e, ApiContext context)
    {
        var json = EventJson.Detail(e, null, null, context.State);
        json["event.type"] = e.Type;
        return json;
    }

    /// <summary>Applies <c>environment</c>, the time window and a free-text or <c>key:value</c> tag <c>query</c>.</summary>
    private static List<StoredEvent> Filter(ApiContext context, IReadOnlyList<StoredEvent> events, bool timeWindow = true)
    {
        var environments = context.QueryAll("environment");
        var hasWindow = timeWindow && (context.Query("statsPeriod") is not null || context.Query("start") is not null);
        var range = hasWindow ? TimeRange.FromQuery(context, "90d") : default;
        var query = context.Query("query")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return [.. events.Where(e =>
            (environments.Count == 0 || (e.Environment is not null && environments.Contains(e.Environment)))
            && (!hasWindow || range.Contains(e.Timestamp))
            && query.All(term => Matches(e, term)))];
    }

    private static bool Matches(StoredEvent e, string term)
    {
        var colon = term.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var key = term[..colon];
            var value = term[(colon + 1)..].Trim('"');
            return key switch
            {
                "event.type" => e.Type == value,
                "message" => e.Message?.Contains(value, StringComparison.OrdinalIgnoreCase) == true,
                _ => e.Tags.TryGetValue(key, out var tag) && tag == value,
            };
        }

        return e.Title.Contains(term, StringComparison.OrdinalIgnoreCase) || e.Message?.Contains(term, StringComparison.OrdinalIgnoreCase) == true;
    }

    private static int IndexOf(List<StoredEvent> events, string id)
    {
        var normalized = Ingestion.EventIngestor.NormalizeId(id);
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].EventId == normalized)
            {
                return i;
            }
        }

        return -1;
    }
}
