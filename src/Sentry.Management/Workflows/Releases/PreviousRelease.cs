namespace Sentry.Management.Workflows.Releases;

/// <summary>The release before a given one in the same projects: where commits start, and what health is compared with.</summary>
internal static class PreviousRelease
{
    // Releases come newest first; the previous one is near the top, so a short look-back keeps this one or two pages.
    private const int LookBack = 100;

    /// <summary>
    /// The newest release of <paramref name="projects"/> other than <paramref name="version"/>: created before
    /// <paramref name="before"/> when given, and with a last commit when <paramref name="withCommits"/> (as
    /// <c>sentry-cli set-commits</c> picks where a release's commits start).
    /// </summary>
    internal static async Task<Release?> FindAsync(
        OrganizationClient organization,
        string version,
        IEnumerable<string> projects,
        DateTimeOffset? before,
        bool withCommits,
        CancellationToken cancellationToken)
    {
        Release? newest = null;
        foreach (var project in projects.Distinct(StringComparer.Ordinal))
        {
            var releases = organization.Project(project).Releases.List(pages: new SentryPageOptions { MaxItems = LookBack });
            await foreach (var release in releases.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(release.Version, version, StringComparison.Ordinal)
                    || (withCommits && release.LastCommit?.Id is null)
                    || (before is not null && release.DateCreated >= before))
                {
                    continue;
                }

                if (newest is null || release.DateCreated > newest.DateCreated)
                {
                    newest = release;
                }

                break; // the first fit of a project is its newest
            }
        }

        return newest;
    }
}
