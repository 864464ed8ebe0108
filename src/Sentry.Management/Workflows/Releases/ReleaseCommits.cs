using System.Globalization;
using Sentry.Management.Workflows.Releases;

namespace Sentry.Management;

/// <summary>
/// Where a release's commits come from, as <c>sentry-cli releases set-commits</c> offers: an explicit list, repository
/// refs (Sentry reads the range through its repository integration), or the local git checkout since the previous
/// release.
/// </summary>
public abstract class ReleaseCommits
{
    /// <summary>How many commits are read from a local checkout when there is no previous release to start from (sentry-cli's default).</summary>
    public const int DefaultInitialDepth = 20;

    private protected ReleaseCommits()
    {
    }

    /// <summary>Commits given one by one (id, repository, author name and e-mail, message, timestamp), newest first.</summary>
    /// <param name="commits">The commits; the first is the release's head.</param>
    /// <returns>The commit source.</returns>
    public static ReleaseCommits Explicit(IEnumerable<ReleaseCommitData> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        return new ExplicitCommits([.. commits]);
    }

    /// <summary>
    /// Head commits per repository (and the previous release's head), read by Sentry through its repository
    /// integration, like <c>sentry-cli releases set-commits --commit</c>.
    /// </summary>
    /// <param name="refs">The refs, one per repository.</param>
    /// <returns>The commit source.</returns>
    public static ReleaseCommits FromRefs(IEnumerable<ReleaseRef> refs)
    {
        ArgumentNullException.ThrowIfNull(refs);
        return new RefCommits([.. refs]);
    }

    /// <summary>
    /// Refs in sentry-cli's <c>--commit</c> notation: <c>owner/repo@sha</c>, or <c>owner/repo@previous..sha</c> for
    /// the range since the previous release.
    /// </summary>
    /// <param name="specs">One spec per repository.</param>
    /// <returns>The commit source.</returns>
    /// <exception cref="ArgumentException">A spec is not <c>repository@commit</c> or <c>repository@previous..commit</c>.</exception>
    public static ReleaseCommits FromRefs(params string[] specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        return new RefCommits([.. specs.Select(ParseRef)]);
    }

    /// <summary>
    /// The commits of the local git checkout since the previous release's last commit, like
    /// <c>sentry-cli releases set-commits --local</c>. The previous release is the newest other release of the
    /// projects that has commits; without one, the last <paramref name="initialDepth"/> commits are sent. The
    /// repository name comes from the <c>origin</c> remote unless given.
    /// </summary>
    /// <param name="path">A folder inside the checkout; the current directory when <see langword="null"/>.</param>
    /// <param name="repository">The repository as Sentry knows it (<c>owner/repo</c>); read from <c>origin</c> when <see langword="null"/>.</param>
    /// <param name="ignoreMissing">
    /// When the previous release's commit is not in the checkout (a shallow clone), send the last
    /// <paramref name="initialDepth"/> commits instead of failing (sentry-cli's <c>--ignore-missing</c>).
    /// </param>
    /// <param name="initialDepth">How many commits to send without a previous commit to start from.</param>
    /// <returns>The commit source.</returns>
    public static ReleaseCommits FromLocalGit(string? path = null, string? repository = null, bool ignoreMissing = false, int initialDepth = DefaultInitialDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialDepth, 1);
        if (repository is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        }

        return new LocalGitCommitSource(path ?? Directory.GetCurrentDirectory(), repository, ignoreMissing, initialDepth);
    }

    /// <summary>Checks the source; throws naming the bad input.</summary>
    internal abstract void Validate();

    /// <summary>Reads what to send, before anything in Sentry is changed.</summary>
    internal abstract Task<ResolvedCommits> ResolveAsync(OrganizationClient organization, string version, IReadOnlyList<string> projects, CancellationToken cancellationToken);

    private static ReleaseRef ParseRef(string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec, nameof(spec));
        var at = spec.LastIndexOf('@');
        if (at <= 0 || at == spec.Length - 1)
        {
            throw new ArgumentException($"'{spec}' is not a commit spec: write repository@commit or repository@previous..commit, such as acme/app@4f2a9c1 or acme/app@1b2c3d4..4f2a9c1.", nameof(spec));
        }

        var repository = spec[..at];
        var range = spec[(at + 1)..];
        var dots = range.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            return new ReleaseRef { Repository = repository, Commit = range };
        }

        var previous = range[..dots];
        var commit = range[(dots + 2)..];
        if (previous.Length == 0 || commit.Length == 0)
        {
            throw new ArgumentException($"'{spec}' has an empty side in its range: write repository@previous..commit.", nameof(spec));
        }

        return new ReleaseRef { Repository = repository, Commit = commit, PreviousCommit = previous };
    }

    private sealed class ExplicitCommits(IReadOnlyList<ReleaseCommitData> commits) : ReleaseCommits
    {
        internal override void Validate()
        {
            if (commits.Count == 0)
            {
                throw new ArgumentException("The explicit commit list is empty: give at least one commit, or leave commits out.", nameof(commits));
            }

            foreach (var commit in commits)
            {
                ArgumentNullException.ThrowIfNull(commit, nameof(commits));
                ArgumentException.ThrowIfNullOrWhiteSpace(commit.Id, "commits.Id");
            }
        }

        internal override Task<ResolvedCommits> ResolveAsync(OrganizationClient organization, string version, IReadOnlyList<string> projects, CancellationToken cancellationToken) =>
            Task.FromResult(new ResolvedCommits(commits, null, [commits[0].Id], $"{commits.Count} commit(s)"));

        public override string ToString() => $"{commits.Count} explicit commit(s)";
    }

    private sealed class RefCommits(IReadOnlyList<ReleaseRef> refs) : ReleaseCommits
    {
        internal override void Validate()
        {
            if (refs.Count == 0)
            {
                throw new ArgumentException("The ref list is empty: give the head commit of at least one repository.", nameof(refs));
            }

            foreach (var reference in refs)
            {
                ArgumentNullException.ThrowIfNull(reference, nameof(refs));
                ArgumentException.ThrowIfNullOrWhiteSpace(reference.Repository, "refs.Repository");
                ArgumentException.ThrowIfNullOrWhiteSpace(reference.Commit, "refs.Commit");
            }
        }

        internal override Task<ResolvedCommits> ResolveAsync(OrganizationClient organization, string version, IReadOnlyList<string> projects, CancellationToken cancellationToken) =>
            Task.FromResult(new ResolvedCommits(null, refs, [.. refs.Select(r => r.Commit)], string.Join(", ", refs.Select(Describe))));

        public override string ToString() => string.Join(", ", refs.Select(Describe));

        private static string Describe(ReleaseRef r) => r.Repository + "@" + (r.PreviousCommit is null ? string.Empty : r.PreviousCommit + "..") + r.Commit;
    }

    private sealed class LocalGitCommitSource(string path, string? repository, bool ignoreMissing, int initialDepth) : ReleaseCommits
    {
        // Enough for any sane release, and bounded so a wrong previous commit cannot send a whole history.
        private const int MaxCommitsSincePrevious = 1000;

        internal override void Validate()
        {
        }

        internal override async Task<ResolvedCommits> ResolveAsync(OrganizationClient organization, string version, IReadOnlyList<string> projects, CancellationToken cancellationToken)
        {
            var git = new LocalGitHistory(path);
            var previous = await PreviousRelease.FindAsync(organization, version, projects, before: null, withCommits: true, cancellationToken).ConfigureAwait(false);
            var since = previous?.LastCommit?.Id;
            var read = await git.ReadAsync(since, since is null ? initialDepth : MaxCommitsSincePrevious, repository, cancellationToken).ConfigureAwait(false);
            string detail;
            if (since is null)
            {
                detail = $"{read.Commits.Count} commit(s) from {read.Repository} (no earlier release with commits; the last {initialDepth} at most)";
            }
            else if (read.PreviousCommitFound)
            {
                detail = $"{read.Commits.Count} commit(s) from {read.Repository} since {previous!.Version} ({CommitSha.Short(since)})";
            }
            else if (ignoreMissing)
            {
                read = await git.ReadAsync(null, initialDepth, repository, cancellationToken).ConfigureAwait(false);
                detail = $"{read.Commits.Count} commit(s) from {read.Repository}: the last {initialDepth}, since {previous!.Version}'s commit {CommitSha.Short(since)} is not in the local history";
            }
            else
            {
                throw new InvalidOperationException(
                    $"The previous release {previous!.Version} ends at commit {CommitSha.Short(since)}, which is not in the local history of '{path}' (a shallow clone?). "
                    + "Fetch the full history (actions/checkout with fetch-depth: 0, or git fetch --unshallow), or pass ignoreMissing: true to send the last "
                    + initialDepth.ToString(CultureInfo.InvariantCulture) + " commits.");
            }

            return new ResolvedCommits(read.Commits, null, [read.Head], detail);
        }

        public override string ToString() => $"local git at {path}";

    }
}

/// <summary>What a <see cref="ReleaseCommits"/> source resolved to: commits or refs to send, and the head commit(s) a release that has them ends at.</summary>
internal sealed record ResolvedCommits(IReadOnlyList<ReleaseCommitData>? Commits, IReadOnlyList<ReleaseRef>? Refs, IReadOnlyList<string> Heads, string Detail);
