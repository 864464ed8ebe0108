using System.Globalization;
using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>
/// Release health from the sessions received: <c>sum(session)</c>, <c>count_unique(user)</c>, crash and crash-free
/// rates of sessions and users, and <c>count_errored/crashed/abnormal/healthy(session)</c>; grouped by
/// <c>project</c>, <c>release</c>, <c>environment</c> and <c>session.status</c>, as totals and a series.
/// </summary>
internal static class SessionEndpoints
{
    private static readonly string[] Fields =
    [
        "sum(session)", "count_unique(user)", "crash_free_rate(session)", "crash_free_rate(user)", "crash_rate(session)", "crash_rate(user)",
        "count_errored(session)", "count_crashed(session)", "count_abnormal(session)", "count_healthy(session)",
        "count_errored(user)", "count_crashed(user)", "count_abnormal(user)", "count_healthy(user)",
    ];

    private static readonly string[] GroupByKeys = ["project", "release", "environment", "session.status"];

    public static void Map(ApiRouteBuilder api)
    {
        api.Get("/organizations/{org}/sessions/", SessionsAsync);
    }

    private static Task SessionsAsync(ApiContext context)
    {
        var organization = context.Organization();
        var fields = context.QueryAll("field");
        if (fields.Count == 0)
        {
            throw ApiProblem.BadRequest("Request is missing a \"field\"");
        }

        foreach (var field in fields.Where(f => !Fields.Contains(f)))
        {
            throw ApiProblem.BadRequest($"Invalid field: \"{field}\"");
        }

        var groupBy = context.QueryAll("groupBy");
        foreach (var key in groupBy.Where(k => !GroupByKeys.Contains(k)))
        {
            throw ApiProblem.BadRequest($"Invalid groupBy: \"{key}\"");
        }

        if (groupBy.Contains("session.status") && fields.Any(f => f.Contains("rate", StringComparison.Ordinal) || f.StartsWith("count_", StringComparison.Ordinal) && f != "count_unique(user)"))
        {
            throw ApiProblem.BadRequest("Cannot group field crash rates or status counts by session.status");
        }

        var (range, interval, intervals) = StatsEndpoints.Buckets(context);
        var sessions = Filter(context, organization, range);
        var includeTotals = context.Query("includeTotals") != "0";
        var includeSeries = context.Query("includeSeries") != "0";

        // Grouped by session.status, each status is its own group of sessions.
        var rows = groupBy.Contains("session.status")
            ? sessions.Select(s => (Session: s, Status: (string?)StatusOf(s))).ToList()
            : sessions.Select(s => (Session: s, Status: (string?)null)).ToList();
        var groups = rows
            .GroupBy(r => string.Join('\u0001', groupBy.Select(k => Dimension(r.Session, r.Status, k) ?? "")), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (context.Query("orderBy") is { } orderBy)
        {
            var descending = orderBy.StartsWith('-');
            var field = orderBy.TrimStart('-');
            if (!fields.Contains(field))
            {
                throw ApiProblem.BadRequest($"\"orderBy\" needs to be one of the requested fields: {field}");
            }

            double Key(IGrouping<string, (StoredSession Session, string? Status)> g) =>
                Value(field, [.. g.Select(r => r.Session)]) is JsonValue v && v.TryGetValue<double>(out var d) ? d : double.MinValue;
            groups = descending ? [.. groups.OrderByDescending(Key)] : [.. groups.OrderBy(Key)];
        }

        groups = [.. groups.Take(Pagination.Limit(context.Http))];
        var array = new JsonArray();
        foreach (var group in groups)
        {
            var first = group.First();
            var by = new JsonObject();
            foreach (var key in groupBy)
            {
                by[key] = key == "project" ? long.Parse(first.Session.ProjectId, CultureInfo.InvariantCulture) : Dimension(first.Session, first.Status, key);
            }

            var members = group.Select(r => r.Session).ToList();
            var totals = new JsonObject();
            var series = new JsonObject();
            foreach (var field in fields)
            {
                if (includeTotals)
                {
                    totals[field] = Value(field, members);
                }

                if (includeSeries)
                {
                    var values = new JsonArray();
                    foreach (var start in intervals)
                    {
                        var end = start + interval;
                        values.Add(Value(field, [.. members.Where(s => s.Started >= start && s.Started < end)]));
                    }

                    series[field] = values;
                }
            }

            array.Add((JsonNode)new JsonObject { ["by"] = by, ["totals"] = totals, ["series"] = series });
        }

        if (groupBy.Count == 0 && array.Count == 0)
        {
            // Sentry answers one empty group rather than none when nothing is grouped.
            var totals = new JsonObject();
            var series = new JsonObject();
            foreach (var field in fields)
            {
                totals[field] = Value(field, []);
                series[field] = new JsonArray([.. intervals.Select(_ => Value(field, []))]);
            }

            array.Add((JsonNode)new JsonObject { ["by"] = new JsonObject(), ["totals"] = totals, ["series"] = series });
        }

        return context.OkAsync(new JsonObject
        {
            ["start"] = StatsEndpoints.Iso(intervals.Count > 0 ? intervals[0] : range.Start),
            ["end"] = StatsEndpoints.Iso(range.End),
            ["intervals"] = new JsonArray([.. intervals.Select(i => (JsonNode)JsonValue.Create(StatsEndpoints.Iso(i)))]),
            ["groups"] = array,
            ["query"] = context.Query("query") ?? "",
        });
    }

    /// <summary>A session's status as release health counts it: crashed, abnormal, errored (errors or the errored status) or healthy.</summary>
    private static string StatusOf(StoredSession session) => session.Status switch
    {
        "crashed" => "crashed",
        "abnormal" => "abnormal",
        "errored" => "errored",
        _ => session.Errors > 0 ? "errored" : "healthy",
    };

    private static JsonNode? Value(string field, List<StoredSession> sessions)
    {
        long total = sessions.Sum(s => s.Quantity);
        var users = sessions.Where(s => s.DistinctId is not null).Select(s => s.DistinctId!).Distinct(StringComparer.Ordinal).Count();
        long Count(string status) => sessions.Where(s => StatusOf(s) == status).Sum(s => s.Quantity);
        int Users(string status) => sessions.Where(s => s.DistinctId is not null && StatusOf(s) == status).Select(s => s.DistinctId!).Distinct(StringComparer.Ordinal).Count();
        double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;
        return field switch
        {
            "sum(session)" => total,
            "count_unique(user)" => users,
            "crash_rate(session)" => Rate(Count("crashed"), total),
            "crash_free_rate(session)" => total == 0 ? null : 1 - Rate(Count("crashed"), total),
            "crash_rate(user)" => Rate(Users("crashed"), users),
            "crash_free_rate(user)" => users == 0 ? null : 1 - Rate(Users("crashed"), users),
            "count_errored(session)" => Count("errored") + Count("crashed") + Count("abnormal"),
            "count_crashed(session)" => Count("crashed"),
            "count_abnormal(session)" => Count("abnormal"),
            "count_healthy(session)" => Count("healthy"),
            "count_errored(user)" => Users("errored"),
            "count_crashed(user)" => Users("crashed"),
            "count_abnormal(user)" => Users("abnormal"),
            "count_healthy(user)" => Users("healthy"),
            _ => null,
        };
    }

    private static string? Dimension(StoredSession session, string? status, string key) => key switch
    {
        "project" => session.ProjectId,
        "release" => session.Release,
        "environment" => session.Environment ?? "",
        "session.status" => status,
        _ => null,
    };

    private static List<StoredSession> Filter(ApiContext context, StoredOrganization organization, TimeRange range)
    {
        var projects = context.Data.Projects.All().Where(p => p.OrganizationId == organization.Id).ToList();
        var wanted = context.QueryAll("project").Where(p => p != "-1").ToHashSet(StringComparer.Ordinal);
        var ids = projects.Where(p => wanted.Count == 0 || wanted.Contains(p.Id) || wanted.Contains(p.Slug)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var environments = context.QueryAll("environment");
        var terms = (context.Query("query") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Split(':', 2)).Where(t => t.Length == 2).Select(t => (Key: t[0], Value: t[1].Trim('"'))).ToList();
        foreach (var (key, _) in terms.Where(t => t.Key is not ("release" or "environment")))
        {
            throw ApiProblem.BadRequest($"Invalid query: the local Sentry filters sessions by release and environment, not '{key}'.");
        }

        return [.. context.Data.Sessions.All().Where(s =>
            ids.Contains(s.ProjectId)
            && range.Contains(s.Started)
            && (environments.Count == 0 || (s.Environment is not null && environments.Contains(s.Environment)))
            && terms.All(t => t.Key == "release" ? s.Release == t.Value : s.Environment == t.Value))];
    }
}
