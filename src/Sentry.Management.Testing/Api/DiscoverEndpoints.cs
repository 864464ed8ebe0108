using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sentry.Management.Testing.Grouping;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>
/// The organization events query (<c>/organizations/{org}/events/</c>, Discover) over the stored events and
/// transactions: plain fields, tag fields and the aggregates <c>count()</c>, <c>count_unique(f)</c>,
/// <c>p50/p75/p90/p95/p99/avg/min/max/sum(transaction.duration)</c>, <c>last_seen()</c>, <c>first_seen()</c>,
/// grouped by the plain fields, with <c>query</c>, <c>sort</c> and pagination.
/// </summary>
internal static partial class DiscoverEndpoints
{
    public static void Map(ApiRouteBuilder api)
    {
        api.Get("/organizations/{org}/events/", EventsAsync);
    }

    private static Task EventsAsync(ApiContext context)
    {
        var organization = context.Organization();
        var fields = context.QueryAll("field");
        if (fields.Count == 0)
        {
            throw ApiProblem.BadRequest("No columns selected");
        }

        if (fields.Count > 20)
        {
            throw ApiProblem.BadRequest("You can view up to 20 fields at a time. Please delete some and try again.");
        }

        var dataset = context.Query("dataset") ?? "discover";
        var events = Events(context, organization, dataset);
        var aggregates = fields.Where(IsAggregate).ToList();
        var plain = fields.Where(f => !IsAggregate(f)).ToList();
        List<JsonObject> rows;
        if (aggregates.Count == 0)
        {
            rows = [.. events.Select(e => Row(context, e, plain))];
        }
        else
        {
            rows = [.. events
                .GroupBy(e => string.Join('\u0001', plain.Select(f => Plain(context, e, f)?.ToJsonString() ?? "null")), StringComparer.Ordinal)
                .Select(g =>
                {
                    var row = Row(context, g.First(), plain);
                    foreach (var aggregate in aggregates)
                    {
                        row[aggregate] = Aggregate(context, aggregate, [.. g]);
                    }

                    return row;
                })];
        }

        rows = Sort(rows, context.Query("sort") ?? (aggregates.Count == 0 && plain.Contains("timestamp") ? "-timestamp" : null), fields);
        var meta = new JsonObject();
        var units = new JsonObject();
        foreach (var field in fields)
        {
            meta[field] = TypeOf(field);
            units[field] = field.Contains("duration", StringComparison.Ordinal) && !field.StartsWith("count", StringComparison.Ordinal) ? "millisecond" : null;
        }

        var page = Pagination.Page(context.Http, rows);
        var data = new JsonArray();
        foreach (var row in page)
        {
            data.Add((JsonNode)row);
        }

        return context.OkAsync(new JsonObject
        {
            ["data"] = data,
            ["meta"] = new JsonObject { ["fields"] = meta, ["units"] = units, ["isMetricsData"] = false, ["datasetReason"] = "unchanged", ["dataset"] = dataset },
        });
    }

    private static List<StoredEvent> Events(ApiContext context, StoredOrganization organization, string dataset)
    {
        Func<StoredEvent, bool> kind = dataset switch
        {
            "errors" => e => e.Type != "transaction",
            "transactions" or "spans" => e => e.Type == "transaction",
            "discover" => _ => true,
            _ => throw ApiProblem.BadRequest($"Invalid dataset '{dataset}': the local Sentry answers errors, transactions, spans and discover."),
        };
        var projects = context.Data.Projects.All().Where(p => p.OrganizationId == organization.Id).ToList();
        var wanted = context.QueryAll("project").Where(p => p != "-1").ToHashSet(StringComparer.Ordinal);
        var ids = projects.Where(p => wanted.Count == 0 || wanted.Contains(p.Id) || wanted.Contains(p.Slug)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var environments = context.QueryAll("environment");
        var range = TimeRange.FromQuery(context, "14d");
        var terms = Terms(context.Query("query") ?? "");
        return [.. context.Data.Events.All().Where(e =>
            ids.Contains(e.ProjectId) && kind(e) && range.Contains(e.Timestamp)
            && (environments.Count == 0 || (e.Environment is not null && environments.Contains(e.Environment)))
            && terms.All(t => t(context, e)))];
    }

    private static List<Func<ApiContext, StoredEvent, bool>> Terms(string query)
    {
        var terms = new List<Func<ApiContext, StoredEvent, bool>>();
        foreach (Match match in Term().Matches(query))
        {
            var negate = match.Groups["not"].Success;
            if (match.Groups["key"].Success)
            {
                var key = match.Groups["key"].Value;
                var value = match.Groups["value"].Value.Trim('"');
                var values = value.StartsWith('[') && value.EndsWith(']') ? value[1..^1].Split(',', StringSplitOptions.TrimEntries) : [value];
                terms.Add((c, e) => negate ^ values.Any(v => Plain(c, e, key) is JsonValue actual && Glob(actual.ToString(), v)));
            }
            else
            {
                var text = match.Groups["text"].Value.Trim('"');
                terms.Add((_, e) => negate ^ (e.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || e.Message?.Contains(text, StringComparison.OrdinalIgnoreCase) == true));
            }
        }

        return terms;
    }

    private static bool Glob(string actual, string pattern) =>
        pattern.Contains('*', StringComparison.Ordinal)
            ? Regex.IsMatch(actual, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            : string.Equals(actual, pattern, StringComparison.Ordinal);

    private static JsonObject Row(ApiContext context, StoredEvent e, IReadOnlyList<string> fields)
    {
        var row = new JsonObject();
        foreach (var field in fields)
        {
            row[field] = Plain(context, e, field);
        }

        return row;
    }

    private static JsonNode? Plain(ApiContext context, StoredEvent e, string field) => field switch
    {
        "id" => e.EventId,
        "title" => e.Title,
        "message" => e.Message ?? e.Title,
        "level" => e.Level,
        "transaction" => e.Transaction,
        "release" => e.Release,
        "environment" => e.Environment,
        "platform" => e.Platform,
        "culprit" => e.Culprit,
        "event.type" => e.Type,
        "project" or "project.name" => context.Data.Projects.Find(e.ProjectId)?.Slug,
        "project.id" => long.Parse(e.ProjectId, CultureInfo.InvariantCulture),
        "timestamp" => ApiJson.Date(e.Timestamp),
        "issue.id" => e.GroupId is null ? null : long.Parse(e.GroupId, CultureInfo.InvariantCulture),
        "issue" => e.GroupId is not null && context.Data.Issues.Find(e.GroupId) is { } issue && context.Data.Projects.Find(issue.ProjectId) is { } p
            ? ShortId.Format(p.Slug, issue.ShortIdNumber)
            : null,
        "user" or "user.display" => e.UserKey,
        "transaction.duration" or "span.duration" => e.DurationMs,
        "trace" => TraceId(e),
        _ => e.Tags.TryGetValue(field.StartsWith("tags[", StringComparison.Ordinal) && field.EndsWith(']') ? field[5..^1] : field, out var tag) ? tag : null,
    };

    private static string? TraceId(StoredEvent e)
    {
        using var document = System.Text.Json.JsonDocument.Parse(e.Json);
        return EventFields.Object(document.RootElement, "contexts") is { } contexts && EventFields.Object(contexts, "trace") is { } trace
            ? EventFields.String(trace, "trace_id")
            : null;
    }

    private static bool IsAggregate(string field) => field.EndsWith(')') && field.Contains('(', StringComparison.Ordinal);

    private static JsonNode? Aggregate(ApiContext context, string field, List<StoredEvent> events)
    {
        var match = Function().Match(field);
        if (!match.Success)
        {
            throw ApiProblem.BadRequest($"Invalid field '{field}'.");
        }

        var function = match.Groups["name"].Value;
        var argument = match.Groups["arg"].Value;
        var durations = events.Where(e => e.DurationMs is not null).Select(e => e.DurationMs!.Value).Order().ToList();
        return function switch
        {
            "count" => events.Count,
            "count_unique" => events.Select(e => Plain(context, e, argument)?.ToJsonString()).Where(v => v is not null && v != "null").Distinct(StringComparer.Ordinal).Count(),
            "last_seen" => events.Count == 0 ? null : ApiJson.Date(events.Max(e => e.Timestamp)),
            "first_seen" => events.Count == 0 ? null : ApiJson.Date(events.Min(e => e.Timestamp)),
            "p50" => Percentile(durations, 0.50),
            "p75" => Percentile(durations, 0.75),
            "p90" => Percentile(durations, 0.90),
            "p95" => Percentile(durations, 0.95),
            "p99" => Percentile(durations, 0.99),
            "p100" or "max" => durations.Count == 0 ? null : durations[^1],
            "min" => durations.Count == 0 ? null : durations[0],
            "avg" => durations.Count == 0 ? null : durations.Average(),
            "sum" => durations.Sum(),
            _ => throw ApiProblem.BadRequest($"Invalid field '{field}': the function '{function}' is not supported by the local Sentry."),
        };
    }

    /// <summary>The percentile with linear interpolation between the nearest ranks.</summary>
    private static JsonNode? Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var position = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }

    private static List<JsonObject> Sort(List<JsonObject> rows, string? sort, IReadOnlyList<string> fields)
    {
        if (sort is null)
        {
            return rows;
        }

        var descending = sort.StartsWith('-');
        var key = descending ? sort[1..] : sort;
        if (!fields.Contains(key))
        {
            throw ApiProblem.BadRequest($"Cannot sort by a field that is not selected: {key}");
        }

        var comparer = Comparer<JsonNode?>.Create(Compare);
        return descending ? [.. rows.OrderByDescending(r => r[key], comparer)] : [.. rows.OrderBy(r => r[key], comparer)];
    }

    private static int Compare(JsonNode? a, JsonNode? b)
    {
        if (a is JsonValue x && b is JsonValue y && x.TryGetValue<double>(out var m) && y.TryGetValue<double>(out var n))
        {
            return m.CompareTo(n);
        }

        return string.CompareOrdinal(a?.ToString(), b?.ToString());
    }

    private static string TypeOf(string field) => field switch
    {
        "count()" or "project.id" or "issue.id" => "integer",
        _ when field.StartsWith("count_unique", StringComparison.Ordinal) => "integer",
        _ when field.Contains("duration", StringComparison.Ordinal) => "duration",
        "timestamp" or "last_seen()" or "first_seen()" => "date",
        _ => "string",
    };

    [GeneratedRegex("""(?<not>!)?(?:(?<key>[\w.\[\]]+):(?<value>"[^"]*"|\[[^\]]*\]|\S+)|(?<text>"[^"]*"|\S+))""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Term();

    [GeneratedRegex(@"^(?<name>\w+)\((?<arg>[^)]*)\)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Function();
}
