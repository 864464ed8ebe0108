using ModelContextProtocol.Server;
using Sentry.Management.Mcp.Tooling;
using Sentry.Management.Mcp.Tools;

namespace Sentry.Management.Mcp;

/// <summary>Every tool, in the order tools/list shows them, and the filtering by the options.</summary>
internal static class SentryToolCatalog
{
    private static readonly Lazy<IReadOnlyList<ToolDefinition>> Definitions = new(() =>
    [
        .. OrganizationTools.All(),
        .. ProjectTools.All(),
        .. DsnTools.All(),
        .. ReleaseTools.All(),
        .. IssueTools.All(),
        .. BulkIssueTools.All(),
        .. AlertTools.All(),
        .. InsightTools.All(),
        DoctorTool.Definition(),
    ]);

    public static IReadOnlyList<ToolDefinition> All => Definitions.Value;

    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(Definitions.Value.Select(d => d.Name), StringComparer.Ordinal);

    /// <summary>The tools the options allow: read-only mode first, then the allow list, then the deny list.</summary>
    public static IEnumerable<McpServerTool> Build(SentryMcpOptions options) =>
        All.Where(d => !options.ReadOnly || d.ReadOnly)
            .Where(d => options.AllowedTools.Count == 0 || options.AllowedTools.Contains(d.Name))
            .Where(d => !options.DeniedTools.Contains(d.Name))
            .Select(d => new SentryTool(d, options))
            .ToList();
}
