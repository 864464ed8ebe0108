using System.Text.Json;
using Sentry.Management.Testing.Grouping;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Ingestion;

/// <summary>
/// Accepts a parsed envelope whole or not at all: every JSON item is checked first, so a malformed one rejects the
/// envelope before anything is stored; then events are grouped, sessions and outcomes counted, and the envelope
/// recorded for <see cref="LocalSentryReceived"/>.
/// </summary>
internal sealed class EnvelopeProcessor(LocalServerState state)
{
    private static readonly HashSet<string> JsonItemTypes = new(StringComparer.Ordinal)
    {
        "event", "transaction", "session", "sessions", "client_report", "log", "trace_metric",
    };

    /// <summary>What ingestion answers: the event id, if the envelope carried an event.</summary>
    public sealed record Result(string? EventId, int AcceptedItems);

    /// <param name="project">The project posted to.</param>
    /// <param name="envelope">The parsed envelope.</param>
    /// <param name="limitedCategories">Data categories currently rate limited; their items are dropped and counted.</param>
    /// <exception cref="EnvelopeFormatException">An item is malformed; nothing was stored.</exception>
    public Result Process(StoredProject project, ParsedEnvelope envelope, IReadOnlyCollection<string> limitedCategories)
    {
        var now = state.Now;
        var items = new List<(ParsedItem Item, JsonElement? Json)>(envelope.Items.Count);
        for (var index = 0; index < envelope.Items.Count; index++)
        {
            var item = envelope.Items[index];
            var json = JsonItemTypes.Contains(item.Type) ? ParseJson(item, index) : (JsonElement?)null;
            if (json is { } j)
            {
                Validate(item.Type, j, index);
            }

            items.Add((item, json));
        }

        var envelopeEventId = EventFields.String(envelope.Headers, "event_id");
        var events = new List<ReceivedEvent>();
        var transactions = new List<ReceivedEvent>();
        var logs = new List<ReceivedLog>();
        var metrics = new List<ReceivedMetric>();
        var accepted = new List<ReceivedItem>();
        string? eventId = null;
        var data = state.Data;
        lock (data.Gate)
        {
            foreach (var (item, json) in items)
            {
                var category = Outcomes.CategoryOf(item.Type);
                if (category is not null && IsLimited(category, limitedCategories))
                {
                    Outcomes.Add(data, now, project.Id, category, "rate_limited", "local_fault", Quantity(item, json));
                    continue;
                }

                accepted.Add(new ReceivedItem(item.Type, item.Headers, item.Payload.ToArray(), json));
                switch (item.Type)
                {
                    case "event" or "transaction":
                        var isTransaction = item.Type == "transaction";
                        var ingested = EventIngestor.Ingest(data, project, json!.Value, isTransaction, envelopeEventId, now);
                        if (ingested.Discarded)
                        {
                            Outcomes.Add(data, now, project.Id, category!, "filtered", "discarded_hash", 1);
                        }
                        else if (ingested is { Event: { } stored } done)
                        {
                            var issueShortId = done.Issue is { } issue ? ShortId.Format(project.Slug, issue.ShortIdNumber) : null;
                            var received = new ReceivedEvent(json.Value, stored.EventId, stored.Type, done.Issue?.Id, issueShortId);
                            (isTransaction ? transactions : events).Add(received);
                            eventId ??= stored.EventId;
                            Outcomes.Add(data, now, project.Id, category!, Outcomes.Accepted, null, 1);
                        }
                        else
                        {
                            eventId ??= EventIngestor.NormalizeId(EventFields.String(json.Value, "event_id"));
                        }

                        break;
                    case "session":
                        Outcomes.Add(data, now, project.Id, "session", Outcomes.Accepted, null, SessionRecorder.RecordUpdate(data, project.Id, json!.Value, now));
                        break;
                    case "sessions":
                        Outcomes.Add(data, now, project.Id, "session", Outcomes.Accepted, null, SessionRecorder.RecordAggregates(data, project.Id, json!.Value, now));
                        break;
                    case "client_report":
                        ClientReports.Record(data, project.Id, json!.Value, now);
                        break;
                    case "log":
                        var entries = Entries(json!.Value).Select(e => new ReceivedLog(EventFields.String(e, "level"), EventFields.String(e, "body"), e)).ToList();
                        logs.AddRange(entries);
                        Outcomes.Add(data, now, project.Id, "log_item", Outcomes.Accepted, null, entries.Count);
                        Outcomes.Add(data, now, project.Id, "log_byte", Outcomes.Accepted, null, item.Payload.Length);
                        break;
                    case "trace_metric":
                        var samples = Entries(json!.Value).Select(e => new ReceivedMetric(EventFields.String(e, "name"), EventFields.String(e, "type"),
                            e.TryGetProperty("value", out var v) && v.TryGetDouble(out var d) ? d : null, e)).ToList();
                        metrics.AddRange(samples);
                        Outcomes.Add(data, now, project.Id, "trace_metric", Outcomes.Accepted, null, samples.Count);
                        break;
                    default:
                        if (category is not null)
                        {
                            Outcomes.Add(data, now, project.Id, category, Outcomes.Accepted, null, Quantity(item, json));
                        }

                        break;
                }
            }
        }

        // Events are grouped before they become visible to tests, so a test that waited for one can read its issue.
        state.Received.Add(new ReceivedEnvelope(project.Id, envelope.Headers, accepted, now), events, transactions, logs, metrics);
        return new Result(eventId ?? EventIngestor.NormalizeId(envelopeEventId), accepted.Count);
    }

    /// <summary>Checks what the recorders rely on, before anything is stored, so a bad item rejects the envelope whole.</summary>
    private static void Validate(string type, JsonElement json, int index)
    {
        var problem = type switch
        {
            "session" => SessionRecorder.ProblemWithUpdate(json),
            "sessions" => SessionRecorder.ProblemWithAggregates(json),
            "client_report" => ClientReports.Problem(json),
            _ => null,
        };
        if (problem is not null)
        {
            throw new EnvelopeFormatException($"item {index} ({type}): {problem}");
        }
    }

    private static bool IsLimited(string category, IReadOnlyCollection<string> limited) =>
        limited.Count > 0 && (limited.Contains(category) || (category == "error" && limited.Contains("default")));

    private static long Quantity(ParsedItem item, JsonElement? json) => item.Type switch
    {
        "attachment" => item.Payload.Length,
        "log" or "trace_metric" when json is { } j => Entries(j).Count(),
        "sessions" when json is { } j && j.TryGetProperty("aggregates", out var a) && a.ValueKind == JsonValueKind.Array => a.GetArrayLength(),
        _ => 1,
    };

    private static IEnumerable<JsonElement> Entries(JsonElement container) =>
        container.ValueKind == JsonValueKind.Object && container.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    private static JsonElement ParseJson(ParsedItem item, int index)
    {
        try
        {
            using var document = JsonDocument.Parse(item.Payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new EnvelopeFormatException($"item {index} ({item.Type}) payload is not a JSON object");
            }

            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new EnvelopeFormatException($"item {index} ({item.Type}) payload is not valid JSON: {e.Message}");
        }
    }
}
