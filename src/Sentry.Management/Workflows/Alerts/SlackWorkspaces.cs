namespace Sentry.Management.Workflows.Alerts;

/// <summary>Resolves the Slack workspaces an alert's actions name to installed integrations, before anything is created.</summary>
internal static class SlackWorkspaces
{
    /// <summary>The integration id per workspace (keyed by <see cref="AlertJson.WorkspaceKey"/>).</summary>
    /// <exception cref="ArgumentException">A named workspace is not installed, or none is named and the organization has none or several.</exception>
    internal static async Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        IntegrationsClient integrations,
        IEnumerable<AlertAction> actions,
        CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var action in actions.Where(a => a.IsSlack))
        {
            var key = AlertJson.WorkspaceKey(action.SlackWorkspace);
            if (ids.ContainsKey(key))
            {
                continue;
            }

            ids[key] = action.SlackWorkspace is { } name
                ? (await integrations.FindAsync("slack", name, cancellationToken).ConfigureAwait(false))?.Id
                    ?? throw new ArgumentException($"No Slack workspace '{name}' is installed in this Sentry organization (integrations of provider slack, by name, domain or id).", nameof(actions))
                : await OnlyAsync(integrations, nameof(actions), cancellationToken).ConfigureAwait(false);
        }

        return ids;
    }

    private static async Task<string> OnlyAsync(IntegrationsClient integrations, string paramName, CancellationToken cancellationToken)
    {
        var installed = await integrations.List("slack", new SentryPageOptions { MaxItems = 10 }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return installed.Count switch
        {
            1 => installed[0].Id ?? throw new InvalidOperationException("Sentry listed a Slack integration without an id."),
            0 => throw new ArgumentException("No Slack workspace is installed in this Sentry organization: install the Slack integration, or use another action.", paramName),
            _ => throw new ArgumentException(
                $"{installed.Count} Slack workspaces are installed ({string.Join(", ", installed.Select(i => i.Name))}): name one, as in NotifySlack(\"#alerts\", workspace: \"{installed[0].Name}\").",
                paramName),
        };
    }
}
