using System.Text.Json.Nodes;

namespace Sentry.Management.Mcp.Tooling;

/// <summary>What a tool returns: markdown for people and models, and the same facts as structured content.</summary>
internal sealed record ToolOutput(string Markdown, JsonObject Structured, bool IsError = false)
{
    public static ToolOutput Error(string message) =>
        new(message, new JsonObject { ["error"] = message }, IsError: true);
}
