using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sentry.Management.Testing.Grouping;

/// <summary>
/// Turns an event's fingerprint into grouping values: <c>{{ default }}</c> expands in place to the default grouping
/// values; <c>{{ type }}</c>, <c>{{ value }}</c>, <c>{{ transaction }}</c>, <c>{{ level }}</c>, <c>{{ logger }}</c>,
/// <c>{{ function }}</c> and <c>{{ module }}</c> to the event's; anything else is taken literally.
/// </summary>
internal static partial class Fingerprint
{
    /// <summary>The grouping values of the event: its fingerprint's when it has one, else the default grouping's.</summary>
    public static IReadOnlyList<string> GroupingValues(JsonElement evt)
    {
        if (evt.ValueKind != JsonValueKind.Object || !evt.TryGetProperty("fingerprint", out var fingerprint)
            || fingerprint.ValueKind != JsonValueKind.Array || fingerprint.GetArrayLength() == 0)
        {
            return DefaultGrouping.Values(evt);
        }

        var values = new List<string>();
        foreach (var part in fingerprint.EnumerateArray())
        {
            var text = EventFields.Text(part);
            var variable = Variable().Match(text);
            if (!variable.Success)
            {
                values.Add(text);
                continue;
            }

            switch (variable.Groups["name"].Value.ToLowerInvariant())
            {
                case "default":
                    values.AddRange(DefaultGrouping.Values(evt));
                    break;
                case "type" or "error.type":
                    values.Add(EventFields.Exceptions(evt) is { Count: > 0 } types ? EventFields.String(types[^1], "type") ?? "<no-type>" : "<no-type>");
                    break;
                case "value" or "error.value":
                    values.Add(EventFields.Exceptions(evt) is { Count: > 0 } exceptions ? EventFields.String(exceptions[^1], "value") ?? "<no-value>" : "<no-value>");
                    break;
                case "transaction":
                    values.Add(EventFields.String(evt, "transaction") ?? "<no-transaction>");
                    break;
                case "level":
                    values.Add(EventFields.String(evt, "level") ?? "error");
                    break;
                case "logger":
                    values.Add(EventFields.String(evt, "logger") ?? "<no-logger>");
                    break;
                case "function":
                    values.Add(CulpritFrame(evt) is { } f ? EventFields.String(f, "function") ?? "<no-function>" : "<no-function>");
                    break;
                case "module":
                    values.Add(CulpritFrame(evt) is { } m ? EventFields.String(m, "module") ?? "<no-module>" : "<no-module>");
                    break;
                default:
                    values.Add(text);
                    break;
            }
        }

        return values;
    }

    /// <summary>The frame an issue is blamed on: the innermost in-app frame of the thrown exception, else its innermost frame.</summary>
    public static JsonElement? CulpritFrame(JsonElement evt)
    {
        var exceptions = EventFields.Exceptions(evt);
        var frames = exceptions.Count > 0 ? EventFields.Frames(exceptions[^1]) : EventFields.Frames(evt);
        for (var i = frames.Count - 1; i >= 0; i--)
        {
            if (EventFields.InApp(frames[i]))
            {
                return frames[i];
            }
        }

        return frames.Count > 0 ? frames[^1] : null;
    }

    [GeneratedRegex(@"^\{\{\s*(?<name>[A-Za-z_][\w.]*)\s*\}\}$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Variable();
}
