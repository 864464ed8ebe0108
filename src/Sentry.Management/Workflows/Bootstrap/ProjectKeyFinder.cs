namespace Sentry.Management.Workflows.Bootstrap;

/// <summary>Picks the client key events are sent through, creating one only when the project has no fitting active key.</summary>
internal static class ProjectKeyFinder
{
    internal const string DefaultKeyName = "Default";

    /// <param name="keys">The project's keys.</param>
    /// <param name="name">The key wanted by name; <see langword="null"/> for the first active key.</param>
    /// <param name="nameIsPreference">Whether another active key will do when none has <paramref name="name"/> (as <see cref="ProjectClient.GetCaptureClientAsync"/> behaves).</param>
    /// <param name="cancellationToken">Cancels the listing and the creation.</param>
    /// <returns>The key and whether it was created.</returns>
    internal static async Task<(ProjectKey Key, bool Created)> FindOrCreateAsync(
        ProjectKeysClient keys,
        string? name,
        bool nameIsPreference,
        CancellationToken cancellationToken)
    {
        ProjectKey? first = null;
        await foreach (var key in keys.List(status: "active").WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // An inactive key drops events, and one without a public DSN cannot configure a capture client.
            if (key.Dsn?.Public is null || key.IsActive == false)
            {
                continue;
            }

            if (name is null || string.Equals(key.Name, name, StringComparison.Ordinal))
            {
                return (key, false);
            }

            first ??= key;
        }

        if (nameIsPreference && first is not null)
        {
            return (first, false);
        }

        var created = await keys.CreateAsync(new ProjectKeyCreate { Name = name ?? DefaultKeyName }, cancellationToken).ConfigureAwait(false);
        return (created, true);
    }
}
