using System.Text.Json;

namespace Sentry.Management.Workflows.ExternalTrackers;

/// <summary>Files a Sentry issue in a tracker (Jira, GitHub, …) found by provider and name, once: a re-run finds the link it made.</summary>
internal static class ExternalIssueFiler
{
    internal static async Task<ExternalIssueFiling> FileAsync(
        IntegrationsClient integrations,
        IssuesClient issues,
        string issueId,
        string provider,
        string? trackerName,
        IDictionary<string, JsonElement>? fields,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueId);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        var integration = trackerName is null
            ? await OnlyAsync(integrations, provider, cancellationToken).ConfigureAwait(false)
            : await integrations.FindAsync(provider, trackerName, cancellationToken).ConfigureAwait(false)
                ?? throw new ArgumentException($"No {provider} integration named '{trackerName}' is installed in this Sentry organization.", nameof(trackerName));
        var integrationId = integration.Id ?? throw new InvalidOperationException($"Sentry listed a {provider} integration without an id.");

        var linked = await integrations.ListExternalIssuesAsync(issueId, cancellationToken).ConfigureAwait(false);
        if (linked.FirstOrDefault(l => string.Equals(l.ServiceType, provider, StringComparison.OrdinalIgnoreCase)) is { } existing)
        {
            return new ExternalIssueFiling(issueId, integrationId, Created: false, existing.DisplayName, existing.WebUrl);
        }

        var issue = await issues.GetAsync(issueId, cancellationToken).ConfigureAwait(false);
        var created = await integrations.CreateExternalIssueAsync(
            issueId,
            integrationId,
            new ExternalIssueCreate
            {
                Title = issue.Title ?? issue.ShortId ?? $"Sentry issue {issueId}",
                Description = $"Sentry issue {issue.ShortId ?? issueId}" + (issue.Permalink is null ? string.Empty : $": {issue.Permalink}")
                    + (issue.Culprit is null ? string.Empty : $"\n\nCulprit: {issue.Culprit}")
                    + (issue.Count is null ? string.Empty : $"\nEvents: {issue.Count}, users: {issue.UserCount}"),
                Fields = fields,
            },
            cancellationToken).ConfigureAwait(false);
        return new ExternalIssueFiling(issueId, integrationId, Created: true, created.DisplayName ?? created.Key, created.Url);
    }

    private static async Task<OrganizationIntegration> OnlyAsync(IntegrationsClient integrations, string provider, CancellationToken cancellationToken)
    {
        var installed = await integrations.List(provider, new SentryPageOptions { MaxItems = 10 }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return installed.Count switch
        {
            1 => installed[0],
            0 => throw new ArgumentException($"No {provider} integration is installed in this Sentry organization.", nameof(provider)),
            _ => throw new ArgumentException($"{installed.Count} {provider} integrations are installed ({string.Join(", ", installed.Select(i => i.Name))}): name one.", nameof(provider)),
        };
    }
}
