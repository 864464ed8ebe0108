using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sentry.Management.Testing.Api;

/// <summary>Typed reads of request body fields; a field of the wrong type is a 400 naming it, as Sentry's serializers answer.</summary>
internal static class BodyFields
{
    public static bool Has(this JsonObject body, string name) => body.ContainsKey(name);

    public static string? String(this JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => throw ApiFieldProblem.Field(name, "Not a valid string."),
    };

    /// <summary>A string field that must be present and non-empty.</summary>
    public static string RequiredString(this JsonObject body, string name) =>
        body.String(name) is { Length: > 0 } value ? value : throw ApiFieldProblem.Required(name);

    public static bool? Bool(this JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => throw ApiFieldProblem.Field(name, "Must be a valid boolean."),
    };

    public static int? Int(this JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && int.TryParse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out var i) => i,
        _ => throw ApiFieldProblem.Field(name, "A valid integer is required."),
    };

    public static DateTimeOffset? Date(this JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && DateTimeOffset.TryParse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d) => d,
        _ => throw ApiFieldProblem.Field(name, "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."),
    };

    /// <summary>A list of strings (slugs, ids); a single string counts as a list of one.</summary>
    public static List<string>? Strings(this JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        JsonArray a => a.Select(x => x is JsonValue xv && xv.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
            ? (xv.GetValueKind() == JsonValueKind.String ? xv.GetValue<string>() : xv.ToJsonString())
            : throw ApiFieldProblem.Field(name, "Expected a list of items.")).ToList(),
        _ => throw ApiFieldProblem.Field(name, "Expected a list of items."),
    };

    public static JsonArray? Array(this JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonArray a => a,
        _ => throw ApiFieldProblem.Field(name, "Expected a list of items."),
    };

    public static JsonObject? Object(this JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonObject o => o,
        _ => throw ApiFieldProblem.Field(name, "Expected a dictionary of items."),
    };
}
