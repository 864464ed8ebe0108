using System.Text.Json;
using Sentry.Management.Testing.Grouping;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Ingestion;

/// <summary>
/// Keeps release-health sessions: a <c>session</c> item updates its session (by <c>sid</c>) to its latest status;
/// a <c>sessions</c> item adds pre-aggregated buckets. Returns the quantity for the <c>session</c> outcome: one per update, the bucket counts for aggregates.
/// </summary>
internal static class SessionRecorder
{
    public static string? ProblemWithUpdate(JsonElement session) =>
        EventFields.Object(session, "attrs") is { } attrs && EventFields.String(attrs, "release") is { Length: > 0 } ? null : "a session needs attrs.release";

    public static string? ProblemWithAggregates(JsonElement sessions) =>
        ProblemWithUpdate(sessions) is { } problem ? problem
        : sessions.TryGetProperty("aggregates", out var a) && a.ValueKind == JsonValueKind.Array ? null : "sessions need an aggregates array";

    /// <summary>Records a session update; the item was checked with <see cref="ProblemWithUpdate"/>.</summary>
    public static long RecordUpdate(LocalData data, string projectId, JsonElement session, DateTimeOffset now)
    {
        var attrs = EventFields.Object(session, "attrs");
        var release = attrs is { } a ? EventFields.String(a, "release") : null;
        var sid = EventFields.String(session, "sid") ?? Seed.NewId();
        var key = projectId + ":" + sid;
        var existing = data.Sessions.Find(key);
        var stored = existing ?? new StoredSession
        {
            Key = key,
            ProjectId = projectId,
            Release = release!,
            Environment = EventFields.String(attrs!.Value, "environment"),
            Started = EventFields.Timestamp(session, "started") ?? now,
        };
        stored.DistinctId = EventFields.String(session, "did") ?? stored.DistinctId;
        stored.Status = EventFields.String(session, "status") ?? stored.Status;
        if (session.TryGetProperty("errors", out var errors) && errors.TryGetInt64(out var count))
        {
            stored.Errors = Math.Max(stored.Errors, count);
        }

        data.Sessions.Upsert(stored);
        return 1;
    }

    /// <summary>Records aggregated sessions; the item was checked with <see cref="ProblemWithAggregates"/>.</summary>
    public static long RecordAggregates(LocalData data, string projectId, JsonElement sessions, DateTimeOffset now)
    {
        var attrs = EventFields.Object(sessions, "attrs");
        var release = attrs is { } a ? EventFields.String(a, "release") : null;
        var environment = EventFields.String(attrs!.Value, "environment");
        long total = 0;
        var aggregates = sessions.GetProperty("aggregates");
        foreach (var bucket in aggregates.EnumerateArray())
        {
            var started = EventFields.Timestamp(bucket, "started") ?? now;
            var did = EventFields.String(bucket, "did");
            foreach (var status in new[] { "exited", "errored", "crashed", "abnormal" })
            {
                if (!bucket.TryGetProperty(status, out var n) || !n.TryGetInt64(out var quantity) || quantity <= 0)
                {
                    continue;
                }

                total += quantity;
                data.Sessions.Upsert(new StoredSession
                {
                    Key = projectId + ":aggregate:" + Seed.NewId(),
                    ProjectId = projectId,
                    Release = release!,
                    Environment = environment,
                    Started = started,
                    DistinctId = did,
                    Status = status,
                    Errors = status == "exited" ? 0 : 1,
                    Quantity = quantity,
                });
            }
        }

        return total;
    }
}
