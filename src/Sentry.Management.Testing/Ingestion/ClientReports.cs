using System.Text.Json;
using Sentry.Management.Testing.Grouping;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Ingestion;

/// <summary>
/// Turns a client report into outcomes as Relay does: <c>discarded_events</c> are <c>client_discard</c>,
/// <c>rate_limited_events</c> <c>rate_limited</c>, <c>filtered_events</c> and <c>filtered_sampling_events</c>
/// <c>filtered</c>, each with the report's reason and category.
/// </summary>
internal static class ClientReports
{
    private static readonly (string Field, string Outcome)[] Lists =
    [
        ("discarded_events", "client_discard"),
        ("rate_limited_events", "rate_limited"),
        ("filtered_events", "filtered"),
        ("filtered_sampling_events", "filtered"),
    ];

    public static string? Problem(JsonElement report)
    {
        foreach (var (field, _) in Lists)
        {
            if (!report.TryGetProperty(field, out var list))
            {
                continue;
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                return $"{field} is not an array";
            }

            foreach (var entry in list.EnumerateArray())
            {
                if (EventFields.String(entry, "category") is null || !entry.TryGetProperty("quantity", out var q) || q.ValueKind != JsonValueKind.Number || !q.TryGetInt64(out _))
                {
                    return $"every {field} entry needs a category and an integer quantity";
                }
            }
        }

        return null;
    }

    /// <summary>Records the report's outcomes; it was checked with <see cref="Problem"/>.</summary>
    public static void Record(LocalData data, string projectId, JsonElement report, DateTimeOffset now)
    {
        var at = EventFields.Timestamp(report, "timestamp") ?? now;
        foreach (var (field, outcome) in Lists)
        {
            if (!report.TryGetProperty(field, out var list) || list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var entry in list.EnumerateArray())
            {
                var category = EventFields.String(entry, "category")!;
                var quantity = entry.GetProperty("quantity").GetInt64();
                Outcomes.Add(data, at, projectId, category == "default" ? "error" : category, outcome, EventFields.String(entry, "reason"), quantity);
            }
        }
    }
}
