using System.Text.Json.Nodes;

namespace Sentry.Management.Mcp.Tooling;

/// <summary>Which configured constraint, if any, pins a parameter (and removes it from the input schema).</summary>
internal enum ParameterPin
{
    None,
    Organization,
    Project,
}

/// <summary>One input of a tool: its JSON schema and whether a constraint pins it.</summary>
internal sealed record ToolParameter(string Name, JsonObject Schema, bool Required = false, ParameterPin Pin = ParameterPin.None)
{
    public static ToolParameter Text(string name, string description, bool required = false, ParameterPin pin = ParameterPin.None) =>
        new(name, new JsonObject { ["type"] = "string", ["description"] = description }, required, pin);

    public static ToolParameter Choice(string name, string description, IEnumerable<string> values, bool required = false)
    {
        var list = new JsonArray();
        foreach (var value in values)
        {
            list.Add((JsonNode)value);
        }

        return new(name, new JsonObject { ["type"] = "string", ["enum"] = list, ["description"] = description }, required);
    }

    public static ToolParameter Integer(string name, string description, int? minimum = null, int? maximum = null, bool required = false)
    {
        var schema = new JsonObject { ["type"] = "integer", ["description"] = description };
        if (minimum is { } min)
        {
            schema["minimum"] = min;
        }

        if (maximum is { } max)
        {
            schema["maximum"] = max;
        }

        return new(name, schema, required);
    }

    public static ToolParameter Number(string name, string description, bool required = false) =>
        new(name, new JsonObject { ["type"] = "number", ["description"] = description }, required);

    public static ToolParameter Flag(string name, string description, bool required = false) =>
        new(name, new JsonObject { ["type"] = "boolean", ["description"] = description }, required);

    public static ToolParameter TextList(string name, string description, bool required = false) =>
        new(name, new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["description"] = description }, required);

    public static ToolParameter ObjectList(string name, string description, JsonObject itemSchema, bool required = false) =>
        new(name, new JsonObject { ["type"] = "array", ["items"] = itemSchema, ["description"] = description }, required);
}
