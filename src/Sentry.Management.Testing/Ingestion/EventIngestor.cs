using System.Globalization;
using System.Text.Json;
using Sentry.Management.Testing.Grouping;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Ingestion;

/// <summary>Stores an event or transaction and, for events, groups it into its issue. Call with <see cref="LocalData.Gate"/> held.</summary>
internal static class EventIngestor
{
    /// <summary>What became of an event: stored (with its issue), a duplicate of a stored one, or discarded by its hash.</summary>
    public sealed record Result(StoredEvent? Event, StoredIssue? Issue, bool Discarded = false);

    /// <summary>Stores the event, unless its id was seen before or its issue was discarded.</summary>
    public static Result Ingest(LocalData data, StoredProject project, JsonElement evt, bool isTransaction, string? envelopeEventId, DateTimeOffset now)
    {
        var eventId = NormalizeId(EventFields.String(evt, "event_id")) ?? NormalizeId(envelopeEventId) ?? Hosting.Seed.NewId();
        if (data.Events.Find(project.Id + ":" + eventId) is not null)
        {
            // Sentry drops an event id it has already seen; the first one stays.
            return new Result(null, null);
        }

        var summary = EventSummary.Of(evt);
        var stored = new StoredEvent
        {
            EventId = eventId,
            ProjectId = project.Id,
            Type = isTransaction ? "transaction" : summary.Type,
            Timestamp = EventFields.Timestamp(evt, "timestamp") ?? now,
            Received = now,
            Level = EventFields.String(evt, "level") ?? (isTransaction ? "info" : "error"),
            Platform = EventFields.String(evt, "platform") ?? "other",
            Title = isTransaction ? EventFields.String(evt, "transaction") ?? "<unlabeled transaction>" : summary.Title,
            Culprit = summary.Culprit,
            Message = EventFields.FormattedMessage(evt),
            Release = EventFields.String(evt, "release"),
            Environment = EventFields.String(evt, "environment"),
            UserKey = EventFields.UserKey(evt),
            Transaction = EventFields.String(evt, "transaction"),
            Json = evt.GetRawText(),
        };
        if (isTransaction && EventFields.Timestamp(evt, "start_timestamp") is { } start)
        {
            stored.DurationMs = (stored.Timestamp - start).TotalMilliseconds;
        }

        stored.Tags = Tags(evt, stored);
        StoredIssue? issue = null;
        if (!isTransaction)
        {
            issue = IssueGrouper.Assign(data, project, stored, evt, summary);
            if (issue is null)
            {
                return new Result(null, null, Discarded: true);
            }
        }

        data.Events.Upsert(stored);
        return new Result(stored, issue);
    }

    /// <summary>An event id as Sentry writes it (32 lowercase hex, no dashes); <see langword="null"/> when it is not one.</summary>
    public static string? NormalizeId(string? id)
    {
        if (id is null)
        {
            return null;
        }

        var hex = id.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return hex.Length == 32 && hex.All(char.IsAsciiHexDigit) ? hex : null;
    }

    /// <summary>The event's tags plus the ones Sentry derives from its fields (level, release, environment, user…).</summary>
    private static Dictionary<string, string> Tags(JsonElement evt, StoredEvent stored)
    {
        var tags = EventFields.Tags(evt);
        tags["level"] = stored.Level;
        Add(tags, "release", stored.Release);
        Add(tags, "environment", stored.Environment);
        Add(tags, "user", stored.UserKey);
        Add(tags, "transaction", stored.Transaction);
        Add(tags, "server_name", EventFields.String(evt, "server_name"));
        Add(tags, "logger", EventFields.String(evt, "logger"));
        Add(tags, "dist", EventFields.String(evt, "dist"));
        if (EventFields.Object(evt, "contexts") is { } contexts)
        {
            AddContext(tags, contexts, "os", "os.name");
            AddContext(tags, contexts, "runtime", "runtime.name");
            AddContext(tags, contexts, "browser", "browser.name");
            AddContext(tags, contexts, "device", "device.family");
        }

        if (EventFields.Object(evt, "request") is { } request && EventFields.String(request, "url") is { } url)
        {
            Add(tags, "url", url);
        }

        if (EventFields.Exceptions(evt) is { Count: > 0 } exceptions && EventFields.Object(exceptions[^1], "mechanism") is { } mechanism)
        {
            Add(tags, "mechanism", EventFields.String(mechanism, "type"));
            if (mechanism.TryGetProperty("handled", out var handled) && handled.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                tags["handled"] = handled.ValueKind == JsonValueKind.True ? "yes" : "no";
            }
        }

        return tags;
    }

    private static void AddContext(Dictionary<string, string> tags, JsonElement contexts, string context, string tag)
    {
        if (EventFields.Object(contexts, context) is { } c && EventFields.String(c, "name") is { } name)
        {
            var version = EventFields.String(c, "version");
            tags.TryAdd(tag, name);
            tags.TryAdd(context, version is null ? name : string.Create(CultureInfo.InvariantCulture, $"{name} {version}"));
        }
    }

    private static void Add(Dictionary<string, string> tags, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            tags.TryAdd(key, value);
        }
    }
}
