using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sentry.Management;

/// <summary>JSON plumbing of the alert workflow: request fragments as elements, and whether Sentry's copy already holds what we would send.</summary>
internal static class AlertJson
{
    internal static JsonElement Element(JsonNode? node)
    {
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }

    internal static JsonElement Element(int value) => Element(JsonValue.Create(value));

    /// <summary>The dictionary key of a Slack workspace as the rule names it (empty for "the only one").</summary>
    internal static string WorkspaceKey(string? workspace) => workspace?.Trim().ToUpperInvariant() ?? string.Empty;

    /// <summary>
    /// Whether <paramref name="existing"/> (what Sentry answers) already says everything <paramref name="desired"/> (what
    /// we would send) says; what we leave null or empty is Sentry's to fill in. Sentry adds ids, labels and defaults to what it stores and spells keys in camelCase where we
    /// may send snake_case, and numbers as strings or the other way round; those differences do not count. Arrays must
    /// have the same length (an extra action on Sentry's side is a difference).
    /// </summary>
    internal static bool Covers(JsonElement existing, JsonElement desired)
    {
        switch (desired.ValueKind)
        {
            case JsonValueKind.Object:
                if (existing.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                foreach (var property in desired.EnumerateObject())
                {
                    var found = Find(existing, property.Name);
                    if (found is null)
                    {
                        if (IsEmpty(property.Value))
                        {
                            continue;
                        }

                        return false;
                    }

                    if (!Covers(found.Value, property.Value))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                if (existing.ValueKind != JsonValueKind.Array || existing.GetArrayLength() != desired.GetArrayLength())
                {
                    return false;
                }

                return existing.EnumerateArray().Zip(desired.EnumerateArray()).All(pair => Covers(pair.First, pair.Second));
            case JsonValueKind.Null or JsonValueKind.Undefined:
            case JsonValueKind.String when desired.GetString() is "":
                // Left for Sentry to fill in (such as the Slack channel id it looks up): whatever it stored is fine.
                return true;
            default:
                return string.Equals(Scalar(existing), Scalar(desired), StringComparison.Ordinal)
                    || (Number(existing) is { } a && Number(desired) is { } b && a == b);
        }
    }

    private static JsonElement? Find(JsonElement obj, string name)
    {
        var wanted = Normalize(name);
        foreach (var property in obj.EnumerateObject())
        {
            if (Normalize(property.Name) == wanted)
            {
                return property.Value;
            }
        }

        return null;
    }

    private static bool IsEmpty(JsonElement value) =>
        value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
        || (value.ValueKind == JsonValueKind.String && value.GetString() is "")
        || (value.ValueKind == JsonValueKind.Object && !value.EnumerateObject().Any());

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>10, 10.0 and "10" are the same threshold.</summary>
    private static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
