namespace Sentry.Management.Mcp;

/// <summary>
/// Which Sentry tools an MCP server offers and how they behave: read-only mode, allow/deny lists, an organization or
/// project every call is pinned to, and the size budget of a result.
/// </summary>
public sealed class SentryMcpOptions
{
    /// <summary>The default <see cref="ResultBudget"/>: about 6,000 tokens, small enough for any client's context.</summary>
    public const int DefaultResultBudget = 24_000;

    /// <summary>Offer only the tools that read (no create, update, delete or send).</summary>
    public bool ReadOnly { get; set; }

    /// <summary>
    /// Pins every call to this organization: the <c>organizationSlug</c> parameter disappears from the tools' input
    /// schemas and a call naming another organization is refused.
    /// </summary>
    public string? Organization { get; set; }

    /// <summary>
    /// Pins every call to this project (needs <see cref="Organization"/> or the client's default organization): the
    /// <c>projectSlug</c> parameters disappear from the input schemas.
    /// </summary>
    public string? Project { get; set; }

    /// <summary>When not empty, only these tools are offered (names as listed by <c>tools/list</c>).</summary>
    public ISet<string> AllowedTools { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Tools never offered, applied after <see cref="AllowedTools"/>.</summary>
    public ISet<string> DeniedTools { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The most characters a tool result carries (markdown and structured content each). Longer results are cut at an
    /// item boundary with a note and a cursor that continues exactly where the result stopped.
    /// </summary>
    public int ResultBudget { get; set; } = DefaultResultBudget;

    /// <summary>
    /// Accept <c>http://</c> region URLs and DSNs for hosts other than loopback. Off by default: the token would travel
    /// unencrypted.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Creates the capture client <c>send_test_event</c> sends through; <see langword="null"/> for the facade's
    /// <see cref="SentryManagementClient.CreateCaptureClient(string, Action{SentryCaptureOptions})"/> (its HTTP handler,
    /// logger and clock). Only ever called with DSNs whose host passed the host check.
    /// </summary>
    public Func<SentryCaptureOptions, SentryCaptureClient>? CaptureClientFactory { get; set; }

    /// <summary>The clock for finalize times and test events; <see langword="null"/> for the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Checks the settings against the tools that exist and returns one message per problem.</summary>
    /// <returns>The problems; empty when the options are usable.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var known = SentryToolCatalog.Names;
        foreach (var name in AllowedTools.Concat(DeniedTools).Where(n => !known.Contains(n)).Distinct(StringComparer.Ordinal))
        {
            errors.Add($"{Tooling.SafeEcho.Quote(name)} in the allow/deny list is not a tool; known tools: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        }

        if (Organization is not null && !SentrySlug.IsValid(Organization))
        {
            errors.Add($"Organization constraint {Tooling.SafeEcho.Quote(Organization)} is not a valid organization slug.");
        }

        if (Project is not null && !SentrySlug.IsValid(Project))
        {
            errors.Add($"Project constraint {Tooling.SafeEcho.Quote(Project)} is not a valid project slug.");
        }

        if (ResultBudget < 1_000)
        {
            errors.Add($"The result budget must be at least 1000 characters (was {ResultBudget}).");
        }

        return errors;
    }
}
