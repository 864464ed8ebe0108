using System.Globalization;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Ingestion;

/// <summary>Counts outcomes (accepted, rate limited, client discarded…) per minute, project, category and reason, for stats_v2.</summary>
internal static class Outcomes
{
    public const string Accepted = "accepted";

    public static void Add(LocalData data, DateTimeOffset at, string projectId, string category, string outcome, string? reason, long quantity)
    {
        if (quantity <= 0)
        {
            return;
        }

        var minute = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var key = string.Create(CultureInfo.InvariantCulture, $"{minute.ToUnixTimeSeconds()}|{projectId}|{category}|{outcome}|{reason}");
        lock (data.Gate)
        {
            var existing = data.Outcomes.Find(key);
            if (existing is null)
            {
                existing = new StoredOutcome { Key = key, Minute = minute, ProjectId = projectId, Category = category, Outcome = outcome, Reason = reason };
            }

            existing.Quantity += quantity;
            existing.TimesSeen++;
            data.Outcomes.Upsert(existing);
        }
    }

    /// <summary>The data category of an item type, as rate limits and stats name it; <see langword="null"/> for items that are not counted.</summary>
    public static string? CategoryOf(string itemType) => itemType switch
    {
        "event" => "error",
        "transaction" => "transaction",
        "session" or "sessions" => "session",
        "attachment" => "attachment",
        "log" => "log_item",
        "trace_metric" => "trace_metric",
        "span" => "span",
        "profile" => "profile",
        "replay_event" or "replay_recording" or "replay_video" => "replay",
        "check_in" => "monitor",
        "feedback" => "feedback",
        _ => null,
    };
}
