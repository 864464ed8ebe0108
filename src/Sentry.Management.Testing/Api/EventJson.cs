using System.Text.Json;
using System.Text.Json.Nodes;
using Sentry.Management.Testing.Grouping;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>Sentry's event shapes: the list item, and the detail with its entries (exception, message, breadcrumbs, request, spans).</summary>
internal static class EventJson
{
    public static JsonObject Summary(StoredEvent stored, LocalServerState state)
    {
        using var document = JsonDocument.Parse(stored.Json);
        var json = Common(stored, document.RootElement);
        json["event.type"] = stored.Type;
        json["crashFile"] = null;
        json["metadata"] = Metadata(stored, document.RootElement);
        return json;
    }

    /// <summary>The fields the list item and the detail share.</summary>
    private static JsonObject Common(StoredEvent stored, JsonElement evt) => new()
    {
        ["id"] = stored.EventId,
        ["groupID"] = stored.GroupId,
        ["eventID"] = stored.EventId,
        ["projectID"] = stored.ProjectId,
        ["message"] = stored.Message ?? "",
        ["title"] = stored.Title,
        ["location"] = Location(evt),
        ["culprit"] = stored.Culprit,
        ["user"] = User(evt),
        ["tags"] = Tags(stored),
        ["platform"] = stored.Platform,
        ["dateCreated"] = ApiJson.Date(stored.Timestamp),
    };

    public static JsonObject Detail(StoredEvent stored, StoredEvent? previous, StoredEvent? next, LocalServerState state)
    {
        using var document = JsonDocument.Parse(stored.Json);
        var evt = document.RootElement;
        var json = Common(stored, evt);
        foreach (var (name, value) in new JsonObject
        {
            ["dateReceived"] = ApiJson.Date(stored.Received),
            ["contexts"] = Node(evt, "contexts") ?? new JsonObject(),
            ["size"] = System.Text.Encoding.UTF8.GetByteCount(stored.Json),
            ["entries"] = Entries(evt, stored),
            ["dist"] = EventFields.String(evt, "dist"),
            ["sdk"] = Node(evt, "sdk") is JsonObject sdk ? new JsonObject { ["name"] = sdk["name"]?.DeepClone(), ["version"] = sdk["version"]?.DeepClone() } : null,
            ["context"] = Node(evt, "extra") ?? new JsonObject(),
            ["packages"] = Node(evt, "modules") ?? new JsonObject(),
            ["type"] = stored.Type,
            ["metadata"] = Metadata(stored, evt),
            ["errors"] = new JsonArray(),
            ["occurrence"] = null,
            ["_meta"] = new JsonObject(),
            ["crashFile"] = null,
            ["fingerprints"] = new JsonArray([.. stored.Hashes.Select(h => (JsonNode)JsonValue.Create(h))]),
            ["groupingConfig"] = new JsonObject { ["id"] = "newstyle:2023-01-11", ["enhancements"] = "" },
            ["release"] = stored.Release is null ? null : new JsonObject
            {
                ["version"] = stored.Release,
                ["dateCreated"] = ApiJson.Date(stored.Received),
                ["dateReleased"] = null,
                ["ref"] = null,
                ["url"] = null,
                ["lastCommit"] = null,
                ["lastDeploy"] = null,
                ["commitCount"] = 0,
                ["deployCount"] = 0,
                ["data"] = new JsonObject(),
                ["status"] = "open",
                ["userAgent"] = null,
                ["versionInfo"] = null,
            },
            ["userReport"] = null,
            ["sdkUpdates"] = new JsonArray(),
            ["resolvedWith"] = new JsonArray(),
            ["nextEventID"] = next?.EventId,
            ["previousEventID"] = previous?.EventId,
        })
        {
            json[name] = value?.DeepClone();
        }
        if (stored.Type == "transaction")
        {
            json["startTimestamp"] = Seconds(EventFields.Timestamp(evt, "start_timestamp") ?? stored.Timestamp);
            json["endTimestamp"] = Seconds(stored.Timestamp);
            json["measurements"] = Node(evt, "measurements");
            json["breakdowns"] = Node(evt, "breakdowns");
        }

        return json;
    }

    private static double Seconds(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 1000.0;

    private static JsonArray Tags(StoredEvent stored)
    {
        var array = new JsonArray();
        foreach (var (key, value) in stored.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            array.Add((JsonNode)new JsonObject { ["key"] = key, ["value"] = value });
        }

        return array;
    }

    private static JsonObject Metadata(StoredEvent stored, JsonElement evt)
    {
        var summary = EventSummary.Of(evt);
        return stored.Type == "error"
            ? new JsonObject { ["type"] = summary.MetadataType, ["value"] = summary.MetadataValue, ["filename"] = summary.Filename, ["function"] = summary.Function }
            : new JsonObject { ["title"] = stored.Title };
    }

    private static string? Location(JsonElement evt)
    {
        if (Fingerprint.CulpritFrame(evt) is not { } frame)
        {
            return null;
        }

        var file = EventFields.String(frame, "filename") ?? EventFields.String(frame, "abs_path") ?? EventFields.String(frame, "module");
        return file is null ? null
            : frame.TryGetProperty("lineno", out var line) && line.ValueKind == JsonValueKind.Number ? $"{file}:{line.GetRawText()}" : file;
    }

    private static JsonObject? User(JsonElement evt)
    {
        if (EventFields.Object(evt, "user") is not { } user)
        {
            return null;
        }

        return new JsonObject
        {
            ["id"] = Text(user, "id"),
            ["email"] = Text(user, "email"),
            ["username"] = Text(user, "username"),
            ["ip_address"] = Text(user, "ip_address"),
            ["name"] = Text(user, "name"),
            ["geo"] = Node(user, "geo"),
            ["data"] = Node(user, "data"),
        };
    }

    private static JsonArray Entries(JsonElement evt, StoredEvent stored)
    {
        var entries = new JsonArray();
        var exceptions = EventFields.Exceptions(evt);
        if (exceptions.Count > 0)
        {
            var values = new JsonArray();
            var hasSystemFrames = false;
            foreach (var exception in exceptions)
            {
                var frames = EventFields.Frames(exception);
                hasSystemFrames |= frames.Any(f => !EventFields.InApp(f));
                values.Add((JsonNode)new JsonObject
                {
                    ["type"] = EventFields.String(exception, "type"),
                    ["value"] = EventFields.String(exception, "value"),
                    ["module"] = EventFields.String(exception, "module"),
                    ["mechanism"] = Node(exception, "mechanism"),
                    ["threadId"] = Node(exception, "thread_id"),
                    ["rawStacktrace"] = null,
                    ["stacktrace"] = frames.Count == 0 ? null : Stacktrace(frames, frames.Any(EventFields.InApp) && frames.Any(f => !EventFields.InApp(f))),
                });
            }

            entries.Add((JsonNode)new JsonObject
            {
                ["type"] = "exception",
                ["data"] = new JsonObject { ["values"] = values, ["excOmitted"] = null, ["hasSystemFrames"] = hasSystemFrames },
            });
        }
        else if (EventFields.Frames(evt) is { Count: > 0 } ownFrames)
        {
            entries.Add((JsonNode)new JsonObject { ["type"] = "stacktrace", ["data"] = Stacktrace(ownFrames, ownFrames.Any(f => !EventFields.InApp(f))) });
        }

        if (EventFields.FormattedMessage(evt) is { } formatted)
        {
            var template = EventFields.MessageTemplate(evt);
            var parameters = EventFields.Object(evt, "logentry") is { } entry && entry.TryGetProperty("params", out var p) ? JsonNode.Parse(p.GetRawText()) : new JsonArray();
            entries.Add((JsonNode)new JsonObject
            {
                ["type"] = "message",
                ["data"] = new JsonObject { ["formatted"] = formatted, ["message"] = template == formatted ? null : template, ["params"] = parameters },
            });
        }

        if (Breadcrumbs(evt) is { Count: > 0 } crumbs)
        {
            entries.Add((JsonNode)new JsonObject { ["type"] = "breadcrumbs", ["data"] = new JsonObject { ["values"] = crumbs } });
        }

        if (EventFields.Object(evt, "request") is { } request)
        {
            entries.Add((JsonNode)new JsonObject { ["type"] = "request", ["data"] = Request(request) });
        }

        if (stored.Type == "transaction" && evt.TryGetProperty("spans", out var spans) && spans.ValueKind == JsonValueKind.Array)
        {
            entries.Add((JsonNode)new JsonObject { ["type"] = "spans", ["data"] = JsonNode.Parse(spans.GetRawText()) });
        }

        return entries;
    }

    private static JsonObject Stacktrace(IReadOnlyList<JsonElement> frames, bool hasSystemFrames)
    {
        var array = new JsonArray();
        foreach (var frame in frames)
        {
            array.Add((JsonNode)Frame(frame));
        }

        return new JsonObject { ["frames"] = array, ["framesOmitted"] = null, ["registers"] = null, ["hasSystemFrames"] = hasSystemFrames };
    }

    private static JsonObject Frame(JsonElement frame)
    {
        var line = frame.TryGetProperty("lineno", out var l) && l.TryGetInt32(out var n) ? n : (int?)null;
        var context = new JsonArray();
        if (line is { } at)
        {
            var pre = frame.TryGetProperty("pre_context", out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().Select(EventFields.Text).ToList() : [];
            for (var i = 0; i < pre.Count; i++)
            {
                context.Add((JsonNode)new JsonArray(at - pre.Count + i, pre[i]));
            }

            if (EventFields.String(frame, "context_line") is { } current)
            {
                context.Add((JsonNode)new JsonArray(at, current));
            }

            var post = frame.TryGetProperty("post_context", out var q) && q.ValueKind == JsonValueKind.Array ? q.EnumerateArray().Select(EventFields.Text).ToList() : [];
            for (var i = 0; i < post.Count; i++)
            {
                context.Add((JsonNode)new JsonArray(at + 1 + i, post[i]));
            }
        }

        return new JsonObject
        {
            ["filename"] = EventFields.String(frame, "filename"),
            ["absPath"] = EventFields.String(frame, "abs_path"),
            ["module"] = EventFields.String(frame, "module"),
            ["package"] = EventFields.String(frame, "package"),
            ["platform"] = EventFields.String(frame, "platform"),
            ["instructionAddr"] = EventFields.String(frame, "instruction_addr"),
            ["symbolAddr"] = EventFields.String(frame, "symbol_addr"),
            ["function"] = EventFields.String(frame, "function"),
            ["rawFunction"] = EventFields.String(frame, "raw_function"),
            ["symbol"] = EventFields.String(frame, "symbol"),
            ["context"] = context,
            ["lineNo"] = line,
            ["colNo"] = frame.TryGetProperty("colno", out var c) && c.TryGetInt32(out var col) ? col : null,
            ["inApp"] = EventFields.InApp(frame),
            ["trust"] = null,
            ["errors"] = null,
            ["lock"] = null,
            ["sourceLink"] = null,
            ["vars"] = Node(frame, "vars"),
        };
    }

    private static JsonArray Breadcrumbs(JsonElement evt)
    {
        var array = new JsonArray();
        if (!evt.TryGetProperty("breadcrumbs", out var crumbs))
        {
            return array;
        }

        var values = crumbs.ValueKind == JsonValueKind.Object && crumbs.TryGetProperty("values", out var v) ? v : crumbs;
        if (values.ValueKind != JsonValueKind.Array)
        {
            return array;
        }

        foreach (var crumb in values.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object))
        {
            array.Add((JsonNode)new JsonObject
            {
                ["type"] = EventFields.String(crumb, "type") ?? "default",
                ["category"] = EventFields.String(crumb, "category"),
                ["level"] = EventFields.String(crumb, "level") ?? "info",
                ["message"] = EventFields.String(crumb, "message"),
                ["data"] = Node(crumb, "data"),
                ["timestamp"] = EventFields.Timestamp(crumb, "timestamp") is { } at ? ApiJson.Date(at) : null,
                ["event_id"] = null,
            });
        }

        return array;
    }

    private static JsonObject Request(JsonElement request)
    {
        return new JsonObject
        {
            ["url"] = EventFields.String(request, "url"),
            ["method"] = EventFields.String(request, "method"),
            ["query"] = Pairs(request, "query_string"),
            ["fragment"] = EventFields.String(request, "fragment"),
            ["data"] = Node(request, "data"),
            ["headers"] = Pairs(request, "headers"),
            ["cookies"] = Pairs(request, "cookies"),
            ["env"] = Node(request, "env"),
            ["inferredContentType"] = null,
            ["apiTarget"] = null,
        };
    }

    /// <summary>Headers, cookies and query strings as the API writes them: <c>[[name, value], …]</c>, from an object, pairs or a string.</summary>
    private static JsonArray Pairs(JsonElement owner, string name)
    {
        var array = new JsonArray();
        if (!owner.TryGetProperty(name, out var value))
        {
            return array;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    array.Add((JsonNode)new JsonArray(p.Name, EventFields.Text(p.Value)));
                }

                break;
            case JsonValueKind.Array:
                foreach (var pair in value.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Array && p.GetArrayLength() == 2))
                {
                    array.Add((JsonNode)new JsonArray(EventFields.Text(pair[0]), EventFields.Text(pair[1])));
                }

                break;
            case JsonValueKind.String:
                foreach (var part in (value.GetString() ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = part.IndexOf('=', StringComparison.Ordinal);
                    array.Add((JsonNode)new JsonArray(
                        Uri.UnescapeDataString(equals < 0 ? part : part[..equals]),
                        equals < 0 ? "" : Uri.UnescapeDataString(part[(equals + 1)..])));
                }

                break;
        }

        return array;
    }

    private static string? Text(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? EventFields.Text(value) : null;

    private static JsonNode? Node(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? JsonNode.Parse(value.GetRawText())
            : null;
}
