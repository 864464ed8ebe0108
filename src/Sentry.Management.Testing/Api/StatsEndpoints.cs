using System.Globalization;
using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>
/// Usage stats from what ingestion counted: <c>stats_v2</c> (accepted items and every client-report outcome, by
/// category, outcome, reason and project), the stats summary and a project's legacy stats.
/// </summary>
internal static class StatsEndpoints
{
    private static readonly string[] GroupByKeys = ["outcome", "category", "reason", "project"];
    private static readonly string[] OutcomeNames = ["accepted", "filtered", "rate_limited", "invalid", "abuse", "client_discard", "cardinality_limited"];

    public static void Map(ApiRouteBuilder api)
    {
        api.Get("/organizations/{org}/stats_v2/", StatsV2Async);
        api.Get("/organizations/{org}/stats-summary/", SummaryAsync);
        api.Get("/projects/{org}/{project}/stats/", ProjectStatsAsync);
    }

    private static Task StatsV2Async(ApiContext context)
    {
        var organization = context.Organization();
        var groupBy = context.QueryAll("groupBy");
        if (groupBy.Count == 0)
        {
            throw ApiProblem.Invalid("groupBy", "This field is required.");
        }

        foreach (var key in groupBy.Where(k => !GroupByKeys.Contains(k)))
        {
            throw ApiProblem.BadRequest($"Invalid groupBy '{key}': use outcome, category, reason or project.");
        }

        var field = context.Query("field") ?? throw ApiProblem.Invalid("field", "This field is required.");
        if (field is not ("sum(quantity)" or "sum(times_seen)"))
        {
            throw ApiProblem.BadRequest($"Invalid field '{field}': use sum(quantity) or sum(times_seen).");
        }

        var (range, interval, intervals) = Buckets(context);
        var outcomes = Filter(context, organization, range);
        var groups = outcomes
            .GroupBy(o => string.Join('\u0001', groupBy.Select(k => Dimension(o, k) ?? "")), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        var array = new JsonArray();
        foreach (var group in groups)
        {
            var sample = group.First();
            var by = new JsonObject();
            foreach (var key in groupBy)
            {
                by[key] = key == "project" ? long.Parse(sample.ProjectId, CultureInfo.InvariantCulture) : Dimension(sample, key);
            }

            var series = new long[intervals.Count];
            foreach (var outcome in group)
            {
                var index = (int)((outcome.Minute - intervals[0]) / interval);
                if (index >= 0 && index < series.Length)
                {
                    series[index] += field == "sum(quantity)" ? outcome.Quantity : outcome.TimesSeen;
                }
            }

            array.Add((JsonNode)new JsonObject
            {
                ["by"] = by,
                ["totals"] = new JsonObject { [field] = series.Sum() },
                ["series"] = new JsonObject { [field] = new JsonArray([.. series.Select(v => (JsonNode)JsonValue.Create(v))]) },
            });
        }

        return context.OkAsync(new JsonObject
        {
            ["start"] = Iso(intervals.Count > 0 ? intervals[0] : range.Start),
            ["end"] = Iso(range.End),
            ["intervals"] = new JsonArray([.. intervals.Select(i => (JsonNode)JsonValue.Create(Iso(i)))]),
            ["groups"] = array,
        });
    }

    private static Task SummaryAsync(ApiContext context)
    {
        var organization = context.Organization();
        var range = TimeRange.FromQuery(context, "14d");
        var outcomes = Filter(context, organization, range);
        var projects = new JsonArray();
        foreach (var byProject in outcomes.GroupBy(o => o.ProjectId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var project = context.Data.Projects.Find(byProject.Key);
            var stats = new JsonArray();
            foreach (var byCategory in byProject.GroupBy(o => o.Category, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var counts = new JsonObject();
                foreach (var name in OutcomeNames)
                {
                    counts[name] = byCategory.Where(o => o.Outcome == name).Sum(o => o.Quantity);
                }

                var accepted = byCategory.Where(o => o.Outcome == "accepted").Sum(o => o.Quantity);
                stats.Add((JsonNode)new JsonObject
                {
                    ["category"] = byCategory.Key,
                    ["outcomes"] = counts,
                    ["totals"] = new JsonObject { ["dropped"] = byCategory.Sum(o => o.Quantity) - accepted, ["accepted"] = accepted },
                });
            }

            projects.Add((JsonNode)new JsonObject { ["id"] = byProject.Key, ["slug"] = project?.Slug, ["stats"] = stats });
        }

        return context.OkAsync(new JsonObject { ["start"] = Iso(range.Start), ["end"] = Iso(range.End), ["projects"] = projects });
    }

    /// <summary>The legacy per-project series: <c>[[unix_seconds, count], …]</c> of received, rejected or blacklisted events.</summary>
    private static Task ProjectStatsAsync(ApiContext context)
    {
        var project = context.Project();
        var stat = context.Query("stat") ?? "received";
        var resolution = TimeRange.ParsePeriod(context.Query("resolution") ?? "1h", "resolution");
        var until = context.Query("until") is { } u ? DateTimeOffset.FromUnixTimeSeconds(long.Parse(u, CultureInfo.InvariantCulture)) : context.Now;
        var since = context.Query("since") is { } s ? DateTimeOffset.FromUnixTimeSeconds(long.Parse(s, CultureInfo.InvariantCulture)) : until.AddDays(-1);
        var outcomes = context.Data.Outcomes.All().Where(o => o.ProjectId == project.Id && o.Category == "error" && stat switch
        {
            "received" => true,
            "rejected" => o.Outcome is "rate_limited" or "invalid" or "abuse",
            "blacklisted" => o.Outcome == "filtered",
            "generated" => o.Outcome == "accepted",
            _ => throw ApiProblem.BadRequest($"Invalid stat '{stat}': use received, rejected, blacklisted or generated."),
        }).ToList();
        var array = new JsonArray();
        for (var at = IssueJson.Floor(since, resolution); at <= until; at += resolution)
        {
            var end = at + resolution;
            array.Add((JsonNode)new JsonArray(at.ToUnixTimeSeconds(), outcomes.Where(o => o.Minute >= at && o.Minute < end).Sum(o => o.Quantity)));
        }

        return context.OkAsync(array);
    }

    /// <summary>The window, aligned to the interval as Sentry aligns it, and the start of every interval.</summary>
    public static (TimeRange Range, TimeSpan Interval, List<DateTimeOffset> Intervals) Buckets(ApiContext context, string defaultPeriod = "24h")
    {
        var range = TimeRange.FromQuery(context, defaultPeriod);
        var interval = TimeRange.ParsePeriod(context.Query("interval") ?? "1h", "interval");
        if (interval < TimeSpan.FromMinutes(1))
        {
            throw ApiProblem.BadRequest("Invalid interval: the smallest is 1m.");
        }

        var intervals = new List<DateTimeOffset>();
        for (var at = IssueJson.Floor(range.Start, interval); at < range.End; at += interval)
        {
            intervals.Add(at);
            if (intervals.Count > 10_000)
            {
                throw ApiProblem.BadRequest("Your interval and date range would create too many results. Use a larger interval, or a smaller date range.");
            }
        }

        return (range, interval, intervals);
    }

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static List<StoredOutcome> Filter(ApiContext context, StoredOrganization organization, TimeRange range)
    {
        var projects = context.Data.Projects.All().Where(p => p.OrganizationId == organization.Id).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var wanted = context.QueryAll("project").Where(p => p != "-1").ToHashSet(StringComparer.Ordinal);
        var categories = context.QueryAll("category");
        var outcomes = context.QueryAll("outcome");
        var reason = context.Query("reason");
        var start = IssueJson.Floor(range.Start, TimeSpan.FromMinutes(1));
        return [.. context.Data.Outcomes.All().Where(o =>
            projects.Contains(o.ProjectId)
            && (wanted.Count == 0 || wanted.Contains(o.ProjectId))
            && (categories.Count == 0 || categories.Contains(o.Category))
            && (outcomes.Count == 0 || outcomes.Contains(o.Outcome))
            && (reason is null || o.Reason == reason)
            && o.Minute >= start && o.Minute <= range.End)];
    }

    private static string? Dimension(StoredOutcome outcome, string key) => key switch
    {
        "outcome" => outcome.Outcome,
        "category" => outcome.Category,
        "reason" => outcome.Reason ?? "none",
        "project" => outcome.ProjectId,
        _ => null,
    };
}
