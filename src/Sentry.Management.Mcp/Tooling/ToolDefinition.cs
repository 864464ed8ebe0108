using System.Text.Json.Nodes;

namespace Sentry.Management.Mcp.Tooling;

/// <summary>
/// A tool as data: name, description, inputs, annotations, output schema and the handler. The handler is where the
/// tool calls the facade; everything else (schema shaping, constraints, confirm, errors, budget) is shared.
/// </summary>
internal sealed class ToolDefinition
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required ToolKind Kind { get; init; }

    /// <summary>Calling it twice with the same input leaves Sentry as calling it once.</summary>
    public bool Idempotent { get; init; }

    public required IReadOnlyList<ToolParameter> Parameters { get; init; }

    /// <summary>The schema of the structured content (an object).</summary>
    public required JsonObject OutputSchema { get; init; }

    /// <summary>The token scopes the tool needs, named in the error when Sentry answers 403.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public required Func<ToolCall, Task<ToolOutput>> Run { get; init; }

    public bool ReadOnly => Kind == ToolKind.Read;

    public bool Destructive => Kind is ToolKind.Destructive or ToolKind.DestructiveWithDryRun;
}
