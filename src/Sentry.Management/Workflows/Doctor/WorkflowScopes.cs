namespace Sentry.Management;

/// <summary>One scope a workflow needs, and what for.</summary>
/// <param name="Workflow">The workflow, such as <c>releases</c>.</param>
/// <param name="Scope">The scope, such as <c>project:releases</c>.</param>
/// <param name="Purpose">What the workflow does with it.</param>
public sealed record WorkflowScopeRequirement(string Workflow, string Scope, string Purpose);

/// <summary>
/// The auth-token scopes each workflow needs, and Sentry's rules for which scopes include which (<c>project:write</c>
/// includes <c>project:read</c>; release endpoints also accept <c>project:write</c>, <c>project:admin</c> and an
/// organization token's <c>org:ci</c>).
/// </summary>
public static class WorkflowScopes
{
    /// <summary>Every requirement, grouped by workflow in the order of the quickstart.</summary>
    public static IReadOnlyList<WorkflowScopeRequirement> Requirements { get; } =
    [
        new("bootstrap", "team:read", "find the team"),
        new("bootstrap", "project:read", "find the project and its keys"),
        new("bootstrap", "project:write", "create the project and its client key"),
        new("releases", "project:releases", "create releases, associate commits, finalize, record deploys"),
        new("alerts", "alerts:write", "create alert rules, workflows and detectors"),
        new("triage", "event:write", "resolve, ignore, assign issues and add notes"),
        new("triage", "member:read", "resolve an assignee among the members"),
        new("triage", "team:read", "resolve a team assignee"),
        new("release health", "org:read", "read sessions (crash-free rates, adoption)"),
        new("release health", "event:read", "read the events table (errors, p95) and search new issues"),
        new("watch", "event:read", "poll new and regressed issues"),
        new("external issues", "org:read", "list integrations and repositories"),
        new("external issues", "event:write", "create or link an external issue"),
        new("members", "member:read", "list members and find them by e-mail"),
    ];

    /// <summary>Whether a token with <paramref name="tokenScopes"/> may do what <paramref name="scope"/> allows.</summary>
    /// <param name="scope">The scope needed.</param>
    /// <param name="tokenScopes">The token's scopes (from <see cref="IdentityClient.CheckAsync"/>).</param>
    /// <returns><see langword="true"/> when a token scope is the scope or includes it.</returns>
    public static bool IsGranted(string scope, IEnumerable<string> tokenScopes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentNullException.ThrowIfNull(tokenScopes);
        var granted = tokenScopes.ToHashSet(StringComparer.Ordinal);
        return IncludedBy(scope).Any(granted.Contains);
    }

    /// <summary>The scopes that include <paramref name="scope"/>, itself first.</summary>
    private static IEnumerable<string> IncludedBy(string scope)
    {
        yield return scope;
        var colon = scope.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            yield break;
        }

        var resource = scope[..colon];
        var level = scope[(colon + 1)..];
        if (level == "read")
        {
            yield return resource + ":write";
        }

        if (level is "read" or "write")
        {
            yield return resource + ":admin";
        }

        if (scope == "project:releases")
        {
            yield return "project:write";
            yield return "project:admin";
            yield return "org:ci";
        }

        if (scope == "org:integrations")
        {
            yield return "org:admin";
        }
    }
}
