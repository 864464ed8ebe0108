using System.Text.Json.Nodes;

namespace Sentry.Management.Mcp.Tooling;

/// <summary>Small builders for the output schemas, so each view states its fields once.</summary>
internal static class JsonSchemas
{
    /// <summary>An object schema; each field is "name:type" with type string, integer, number, boolean, array or object (all nullable).</summary>
    public static JsonObject Object(params string[] fields)
    {
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            var colon = field.IndexOf(':', StringComparison.Ordinal);
            var name = field[..colon];
            var type = field[(colon + 1)..];
            properties[name] = new JsonObject { ["type"] = new JsonArray(type, "null") };
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }

    /// <summary>An object schema with the given properties (each a schema of its own).</summary>
    public static JsonObject Object(IEnumerable<KeyValuePair<string, JsonNode>> properties, params string[] required)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema.DeepClone();
        }

        var schemaObject = new JsonObject { ["type"] = "object", ["properties"] = props };
        if (required.Length > 0)
        {
            schemaObject["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        }

        return schemaObject;
    }

    public static JsonObject ArrayOf(JsonObject items) => new() { ["type"] = "array", ["items"] = items.DeepClone() };

    /// <summary>The shape every list tool returns: items, the cursor for more, and whether the result was cut.</summary>
    public static JsonObject List(JsonObject item) => Object(
        [
            new("items", ArrayOf(item)),
            new("nextCursor", new JsonObject { ["type"] = new JsonArray("string", "null"), ["description"] = "Pass as cursor to get the next items; null when there are no more." }),
            new("truncated", new JsonObject { ["type"] = "boolean" }),
            new("note", new JsonObject { ["type"] = new JsonArray("string", "null") }),
        ],
        "items",
        "truncated");

    /// <summary>The schema of a single object result, plus an optional note.</summary>
    public static JsonObject Single(string name, JsonObject item, params KeyValuePair<string, JsonNode>[] extra) => Object(
        [new(name, item), .. extra, new("note", new JsonObject { ["type"] = new JsonArray("string", "null") })],
        name);
}
