namespace Sentry.Management.Mcp.Tooling;

/// <summary>
/// The issue a call names, by <c>issueId</c> (numeric or short id such as <c>BACKEND-1A</c>) or by <c>issueUrl</c>;
/// resolved to the numeric id through the facade when needed. The URL's host is checked, never contacted.
/// </summary>
internal static class IssueReference
{
    /// <summary>The organization and numeric issue id for this call.</summary>
    public static async Task<(string Organization, string IssueId)> ResolveAsync(ToolCall call)
    {
        string? organization = null;
        string? id = call.Text("issueId");
        if (call.Text("issueUrl") is { } url)
        {
            (organization, id) = Parse(call, url);
        }

        if (id is null)
        {
            throw new ToolInputException("Pass issueId (such as BACKEND-1A or 4711) or issueUrl.");
        }

        organization = call.Options.Organization ?? organization ?? call.Organization;
        if (call.Options.Organization is { } pinned && !string.Equals(pinned, organization, StringComparison.Ordinal))
        {
            throw new ToolInputException($"This server is constrained to organization '{pinned}'.");
        }

        if (id.All(char.IsAsciiDigit))
        {
            return (organization, id);
        }

        // facade: a short id (PROJECT-1A) becomes the numeric id the other endpoints take
        var lookup = await call.Org(organization).Issues.ResolveShortIdAsync(id, call.CancellationToken).ConfigureAwait(false);
        return (organization, lookup.GroupId ?? lookup.Group?.Id ?? throw new ToolInputException($"Sentry found no issue with short id '{id}'."));
    }

    /// <summary>Reads the organization and issue id from <c>https://acme.sentry.io/issues/123/</c> or <c>https://host/organizations/acme/issues/123/</c>.</summary>
    internal static (string? Organization, string IssueId) Parse(ToolCall call, string value)
    {
        var url = call.Clients.Hosts.CheckForeignUrl(value, "issueUrl");
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var issues = Array.IndexOf(segments, "issues");
        if (issues < 0 || issues + 1 >= segments.Length)
        {
            throw new ToolInputException($"issueUrl '{value}' does not point at an issue (expected .../issues/<id>/).");
        }

        var id = segments[issues + 1];
        var organizations = Array.IndexOf(segments, "organizations");
        string? organization = organizations >= 0 && organizations + 1 < segments.Length ? segments[organizations + 1] : null;
        var host = url.Host;
        if (organization is null && host.EndsWith(".sentry.io", StringComparison.OrdinalIgnoreCase) && host.Count(c => c == '.') == 2)
        {
            var label = host[..host.IndexOf('.', StringComparison.Ordinal)];
            organization = label is "us" or "de" ? null : label;
        }

        return (organization, id);
    }
}
