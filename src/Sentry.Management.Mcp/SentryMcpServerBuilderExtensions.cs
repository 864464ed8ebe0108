using Sentry.Management.Mcp;
using Sentry.Management.Mcp.Tooling;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Sentry's management tools to an MCP server.</summary>
public static class SentryMcpServerBuilderExtensions
{
    /// <summary>
    /// Adds the Sentry tools (issues, events, releases, deploys, DSNs, teams, projects, alert rules, stats, release
    /// health, doctor) to the server, filtered and shaped by <paramref name="configure"/>. The tools call the
    /// <see cref="Sentry.Management.SentryManagementClient"/> registered in the container (for example by
    /// <c>AddSentryManagement</c>). Tools are registered explicitly, without reflection, so the server stays Native AOT safe.
    /// </summary>
    /// <param name="builder">The MCP server builder.</param>
    /// <param name="configure">Read-only mode, allow/deny lists, constraints, budget; <see langword="null"/> for all tools.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException">The options name unknown tools or invalid slugs; the message lists each problem.</exception>
    public static IMcpServerBuilder AddSentryManagementTools(this IMcpServerBuilder builder, Action<SentryMcpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new SentryMcpOptions();
        configure?.Invoke(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid Sentry MCP options: " + string.Join(" ", errors), nameof(configure));
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SentryClients>();
        return builder.WithTools(SentryToolCatalog.Build(options));
    }
}
