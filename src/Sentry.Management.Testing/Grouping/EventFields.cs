using System.Globalization;
using System.Text.Json;

namespace Sentry.Management.Testing.Grouping;

/// <summary>Reads the parts of an event payload that grouping, titles and search need, tolerating both shapes SDKs send.</summary>
internal static class EventFields
{
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>The exception chain in payload order (the cause first, the exception that was thrown last).</summary>
    public static IReadOnlyList<JsonElement> Exceptions(JsonElement evt)
    {
        if (evt.ValueKind != JsonValueKind.Object || !evt.TryGetProperty("exception", out var exception))
        {
            return [];
        }

        var values = exception.ValueKind == JsonValueKind.Object && exception.TryGetProperty("values", out var v) ? v : exception;
        return values.ValueKind == JsonValueKind.Array ? [.. values.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)] : [];
    }

    /// <summary>The frames of an exception's (or the event's) stack trace, oldest call first.</summary>
    public static IReadOnlyList<JsonElement> Frames(JsonElement owner)
    {
        var stacktrace = Object(owner, "stacktrace");
        return stacktrace is { } s && s.TryGetProperty("frames", out var frames) && frames.ValueKind == JsonValueKind.Array
            ? [.. frames.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object)]
            : [];
    }

    public static bool InApp(JsonElement frame) =>
        frame.TryGetProperty("in_app", out var inApp) && inApp.ValueKind == JsonValueKind.True;

    /// <summary>The message template (<c>logentry.message</c>), else the formatted message, else <c>message</c>.</summary>
    public static string? MessageTemplate(JsonElement evt)
    {
        if (Object(evt, "logentry") is { } entry)
        {
            return String(entry, "message") ?? String(entry, "formatted");
        }

        if (evt.ValueKind == JsonValueKind.Object && evt.TryGetProperty("message", out var message))
        {
            return message.ValueKind == JsonValueKind.String ? message.GetString()
                : message.ValueKind == JsonValueKind.Object ? String(message, "message") ?? String(message, "formatted") : null;
        }

        return null;
    }

    /// <summary>The message as a user reads it: formatted when the SDK formatted it, else the template.</summary>
    public static string? FormattedMessage(JsonElement evt)
    {
        if (Object(evt, "logentry") is { } entry)
        {
            return String(entry, "formatted") ?? String(entry, "message");
        }

        if (evt.ValueKind == JsonValueKind.Object && evt.TryGetProperty("message", out var message))
        {
            return message.ValueKind == JsonValueKind.String ? message.GetString()
                : message.ValueKind == JsonValueKind.Object ? String(message, "formatted") ?? String(message, "message") : null;
        }

        return null;
    }

    /// <summary>A timestamp field: Unix seconds (a number) or an RFC 3339 string.</summary>
    public static DateTimeOffset? Timestamp(JsonElement evt, string name)
    {
        if (evt.ValueKind != JsonValueKind.Object || !evt.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        }

        return value.ValueKind == JsonValueKind.String
               && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
    }

    /// <summary>The tags, from an object or an array of pairs.</summary>
    public static Dictionary<string, string> Tags(JsonElement evt)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (evt.ValueKind != JsonValueKind.Object || !evt.TryGetProperty("tags", out var t))
        {
            return tags;
        }

        if (t.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in t.EnumerateObject())
            {
                tags[p.Name] = Text(p.Value);
            }
        }
        else if (t.ValueKind == JsonValueKind.Array)
        {
            foreach (var pair in t.EnumerateArray())
            {
                if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2)
                {
                    tags[Text(pair[0])] = Text(pair[1]);
                }
            }
        }

        return tags;
    }

    /// <summary>The user as Sentry's <c>user</c> tag writes it: <c>id:…</c>, <c>email:…</c>, <c>username:…</c> or <c>ip:…</c>.</summary>
    public static string? UserKey(JsonElement evt)
    {
        if (Object(evt, "user") is not { } user)
        {
            return null;
        }

        foreach (var (field, prefix) in new[] { ("id", "id"), ("email", "email"), ("username", "username"), ("ip_address", "ip") })
        {
            if (user.TryGetProperty(field, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number && Text(value) is { Length: > 0 } text)
            {
                return prefix + ":" + text;
            }
        }

        return null;
    }

    public static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
