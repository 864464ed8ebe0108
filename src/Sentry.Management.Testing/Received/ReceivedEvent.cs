using System.Text.Json;

namespace Sentry.Management.Testing;

/// <summary>An error, message or transaction event the server accepted, with the fields tests usually assert on.</summary>
public sealed class ReceivedEvent
{
    internal ReceivedEvent(JsonElement json, string eventId, string type, string? issueId, string? shortId)
    {
        Json = json;
        EventId = eventId;
        Type = type;
        IssueId = issueId;
        IssueShortId = shortId;
    }

    /// <summary>The event id, 32 lowercase hex characters.</summary>
    public string EventId { get; }

    /// <summary><c>error</c> (it has an exception), <c>default</c> (a message) or <c>transaction</c>.</summary>
    public string Type { get; }

    /// <summary>The id of the issue it was grouped into; <see langword="null"/> for transactions.</summary>
    public string? IssueId { get; }

    /// <summary>The short id of that issue, such as <c>APP-1</c>.</summary>
    public string? IssueShortId { get; }

    /// <summary>The event payload as received.</summary>
    public JsonElement Json { get; }

    /// <summary>The level, such as <c>error</c>; <c>error</c> when the event named none.</summary>
    public string Level => String("level") ?? "error";

    /// <summary>The message: <c>logentry.formatted</c>, <c>logentry.message</c> or <c>message</c>.</summary>
    public string? Message =>
        Object("logentry") is { } entry
            ? StringOf(entry, "formatted") ?? StringOf(entry, "message")
            : Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("message", out var m)
                ? m.ValueKind == JsonValueKind.String ? m.GetString() : m.ValueKind == JsonValueKind.Object ? StringOf(m, "formatted") ?? StringOf(m, "message") : null
                : null;

    /// <summary>The exception chain, outermost first (Sentry's payload lists it innermost first).</summary>
    public IReadOnlyList<ReceivedException> Exceptions
    {
        get
        {
            var values = Object("exception") is { } exception && exception.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array
                ? v
                : Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("exception", out var e) && e.ValueKind == JsonValueKind.Array ? e : default;
            if (values.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var result = values.EnumerateArray()
                .Where(x => x.ValueKind == JsonValueKind.Object)
                .Select(x => new ReceivedException(StringOf(x, "type"), StringOf(x, "value"), StringOf(x, "module")))
                .ToList();
            result.Reverse();
            return result;
        }
    }

    /// <summary>The fingerprint the SDK sent, if any.</summary>
    public IReadOnlyList<string> Fingerprint =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("fingerprint", out var f) && f.ValueKind == JsonValueKind.Array
            ? [.. f.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText())]
            : [];

    /// <summary>The tags, from either of the shapes SDKs send (an object or an array of pairs).</summary>
    public IReadOnlyDictionary<string, string> Tags
    {
        get
        {
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Json.ValueKind != JsonValueKind.Object || !Json.TryGetProperty("tags", out var t))
            {
                return tags;
            }

            if (t.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in t.EnumerateObject())
                {
                    tags[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                }
            }
            else if (t.ValueKind == JsonValueKind.Array)
            {
                foreach (var pair in t.EnumerateArray())
                {
                    if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2)
                    {
                        tags[pair[0].ToString()] = pair[1].ToString();
                    }
                }
            }

            return tags;
        }
    }

    /// <summary>The release, if any.</summary>
    public string? Release => String("release");

    /// <summary>The environment, if any.</summary>
    public string? Environment => String("environment");

    /// <summary>The transaction name, if any.</summary>
    public string? Transaction => String("transaction");

    /// <inheritdoc />
    public override string ToString() => $"{Type} {EventId}{(IssueShortId is null ? "" : " in " + IssueShortId)}";

    private string? String(string name) => Json.ValueKind == JsonValueKind.Object ? StringOf(Json, name) : null;

    private JsonElement? Object(string name) =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
