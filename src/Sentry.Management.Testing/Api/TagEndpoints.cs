using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>An issue's tags: the keys with their top values, one key's details, and its values page by page.</summary>
internal static class TagEndpoints
{
    private const int TopValues = 9;

    public static void Map(ApiRouteBuilder api)
    {
        api.Get("/organizations/{org}/issues/{issue}/tags/", ListAsync);
        api.Get("/organizations/{org}/issues/{issue}/tags/{key}/", GetAsync);
        api.Get("/organizations/{org}/issues/{issue}/tags/{key}/values/", ValuesAsync);
        api.Get("/issues/{issue}/tags/", ListAsync);
        api.Get("/issues/{issue}/tags/{key}/", GetAsync);
        api.Get("/issues/{issue}/tags/{key}/values/", ValuesAsync);
    }

    private static Task ListAsync(ApiContext context)
    {
        var events = EventsOf(context);
        var keys = events.SelectMany(e => e.Tags.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var array = new JsonArray();
        foreach (var key in keys)
        {
            array.Add((JsonNode)Key(key, events));
        }

        return context.OkAsync(array);
    }

    private static Task GetAsync(ApiContext context)
    {
        var events = EventsOf(context);
        var key = context.Route("key");
        return events.Any(e => e.Tags.ContainsKey(key)) ? context.OkAsync(Key(key, events)) : throw ApiProblem.NotFound();
    }

    private static Task ValuesAsync(ApiContext context)
    {
        var events = EventsOf(context);
        var key = context.Route("key");
        var values = Values(key, events);
        var sort = context.Query("sort") ?? "-count";
        var sorted = sort.TrimStart('-') switch
        {
            "date" or "lastSeen" => values.OrderByDescending(v => v.LastSeen).ToList(),
            "age" or "firstSeen" => values.OrderByDescending(v => v.FirstSeen).ToList(),
            _ => values,
        };
        return context.PageAsync(sorted, v => Value(key, v));
    }

    private static IReadOnlyList<StoredEvent> EventsOf(ApiContext context)
    {
        var events = IssueEndpoints.EventsOf(context, IssueEndpoints.Find(context));
        var environments = context.QueryAll("environment");
        return environments.Count == 0 ? events : [.. events.Where(e => e.Environment is not null && environments.Contains(e.Environment))];
    }

    private static JsonObject Key(string key, IReadOnlyList<StoredEvent> events)
    {
        var values = Values(key, events);
        var top = new JsonArray();
        foreach (var value in values.Take(TopValues))
        {
            top.Add((JsonNode)Value(key, value));
        }

        return new JsonObject
        {
            ["key"] = key,
            ["name"] = IssueJson.TagName(key),
            ["uniqueValues"] = values.Count,
            ["totalValues"] = values.Sum(v => v.Count),
            ["topValues"] = top,
        };
    }

    private static JsonObject Value(string key, TagValue value) => new()
    {
        ["key"] = key,
        ["name"] = value.Value,
        ["value"] = value.Value,
        ["count"] = value.Count,
        ["lastSeen"] = ApiJson.Date(value.LastSeen),
        ["firstSeen"] = ApiJson.Date(value.FirstSeen),
    };

    /// <summary>The values of a tag, most frequent first (ties: most recent first).</summary>
    private static List<TagValue> Values(string key, IReadOnlyList<StoredEvent> events) =>
        [.. events.Where(e => e.Tags.ContainsKey(key))
            .GroupBy(e => e.Tags[key], StringComparer.Ordinal)
            .Select(g => new TagValue(g.Key, g.Count(), g.Min(e => e.Timestamp), g.Max(e => e.Timestamp)))
            .OrderByDescending(v => v.Count).ThenByDescending(v => v.LastSeen)];

    private sealed record TagValue(string Value, long Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
}
