namespace Sentry.Management.Testing.Tests.TestSupport;

/// <summary>
/// Our client reading back what another tool wrote. The only place these tests touch the client's facade, so a
/// reshaped facade (<c>sentry.Organization(slug).Releases…</c>) changes this one file.
/// </summary>
internal static class OurClient
{
    public sealed record Snapshot(Release Release, IReadOnlyList<ReleaseCommit> Commits, IReadOnlyList<Deploy> Deploys, IReadOnlyList<Release> Listed);

    /// <summary>Who the token belongs to, as the client's identity check reads the API root.</summary>
    public static async Task<SentryIdentity> CheckIdentityAsync(LocalSentry sentry, CancellationToken cancellationToken = default)
    {
        using var client = Create(sentry);
        return await client.Identity.CheckAsync(cancellationToken: cancellationToken);
    }

    public static async Task<Snapshot> ReadReleaseAsync(LocalSentry sentry, string version, CancellationToken cancellationToken = default)
    {
        using var client = Create(sentry);
        var release = await client.Releases.GetAsync(version, cancellationToken: cancellationToken);
        var commits = await client.Releases.ListCommits(version).ToListAsync(cancellationToken);
        var deploys = await client.Releases.ListDeploys(version).ToListAsync(cancellationToken);
        var listed = await client.Releases.List().ToListAsync(cancellationToken);
        return new Snapshot(release, commits, deploys, listed);
    }

    private static SentryManagementClient Create(LocalSentry sentry) =>
        new(new SentryManagementOptions
        {
            BaseUrl = sentry.Url,
            AuthToken = sentry.AuthToken,
            Organization = sentry.Organization,
            MaxRetries = 0,
        });
}
