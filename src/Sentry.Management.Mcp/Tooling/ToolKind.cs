namespace Sentry.Management.Mcp.Tooling;

/// <summary>What a tool does to Sentry; the annotations and the confirm rule follow from it.</summary>
internal enum ToolKind
{
    /// <summary>Reads only.</summary>
    Read,

    /// <summary>Adds something (a team, a key, a deploy, a note); nothing existing changes.</summary>
    Additive,

    /// <summary>Overwrites or removes existing state: annotated destructive, needs <c>confirm: true</c>.</summary>
    Destructive,

    /// <summary>
    /// Destructive, but its first call without <c>confirm</c> is a dry run that lists what would change (bulk tools);
    /// the handler itself decides, from <see cref="ToolCall.Confirmed"/>.
    /// </summary>
    DestructiveWithDryRun,
}
