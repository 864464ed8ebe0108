using Sentry.Management.Workflows.Releases;

namespace Sentry.Management;

/// <summary>
/// A release as a CI job publishes it, built up in one chain and run with <see cref="RunAsync"/>:
/// <code>
/// var result = await org.Releases.Publish("app@1.2.3")
///     .ForProjects("api", "web")
///     .WithRef("v1.2.3")
///     .WithCommits(ReleaseCommits.FromLocalGit())
///     .Finalize()
///     .WithDeploy("production")
///     .RunAsync(cancellationToken);
/// </code>
/// Every step reads before it writes, so a re-run of the job finds the release, its commits, the finalization and
/// the deploy and changes nothing; the result lists each step as created, found, updated, skipped or failed.
/// </summary>
public class ReleasePublication
{
    private readonly OrganizationClient _organization = null!;
    private readonly List<string> _projects = [];

    internal ReleasePublication(OrganizationClient organization, string version)
    {
        _organization = organization;
        Version = SentryReleaseVersion.ValidateNew(version, nameof(version));
    }

    /// <summary>For mocking frameworks and fakes that override <see cref="RunAsync"/>.</summary>
    /// <param name="version">The release version the fake stands for.</param>
    protected ReleasePublication(string version)
    {
        Version = version;
    }

    /// <summary>The release version.</summary>
    public string Version { get; }

    /// <summary>The projects the release belongs to.</summary>
    public IReadOnlyList<string> Projects => _projects;

    internal string? Ref { get; private set; }

    internal Uri? Url { get; private set; }

    internal ReleaseCommits? Commits { get; private set; }

    internal DeployCreate? Deploy { get; private set; }

    internal bool FinalizeRelease { get; private set; }

    internal DateTimeOffset? ReleasedAt { get; private set; }

    /// <summary>Adds projects the release belongs to (at least one is required).</summary>
    /// <param name="projectSlugs">The projects' slugs.</param>
    /// <returns>This publication.</returns>
    /// <exception cref="ArgumentException">A slug is invalid.</exception>
    public ReleasePublication ForProjects(params string[] projectSlugs)
    {
        ArgumentNullException.ThrowIfNull(projectSlugs);
        foreach (var slug in projectSlugs)
        {
            var valid = SentrySlug.Validate(slug, nameof(projectSlugs));
            if (!_projects.Contains(valid, StringComparer.Ordinal))
            {
                _projects.Add(valid);
            }
        }

        return this;
    }

    /// <summary>Sets the commit reference (such as a tag) the release is made from.</summary>
    /// <param name="reference">The reference, such as <c>v1.2.3</c>.</param>
    /// <returns>This publication.</returns>
    public ReleasePublication WithRef(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        Ref = reference;
        return this;
    }

    /// <summary>Sets a URL pointing to the release, such as its page on the source host.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns>This publication.</returns>
    public ReleasePublication WithUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"The release URL '{url}' must be absolute.", nameof(url));
        }

        Url = url;
        return this;
    }

    /// <summary>Associates commits: an explicit list, repository refs, or the local checkout since the previous release.</summary>
    /// <param name="commits">Where the commits come from (<see cref="ReleaseCommits"/>).</param>
    /// <returns>This publication.</returns>
    public ReleasePublication WithCommits(ReleaseCommits commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        commits.Validate();
        Commits = commits;
        return this;
    }

    /// <summary>Records a deploy of the release; a deploy with the same environment and name is found, not recorded twice.</summary>
    /// <param name="environment">The environment deployed to, such as <c>production</c>.</param>
    /// <param name="name">The deploy's name, such as the CI run number.</param>
    /// <param name="url">A URL pointing to the deploy, such as the CI run.</param>
    /// <param name="started">When the deploy started.</param>
    /// <param name="finished">When it finished; Sentry uses the time it receives the deploy when unset.</param>
    /// <returns>This publication.</returns>
    public ReleasePublication WithDeploy(string environment, string? name = null, Uri? url = null, DateTimeOffset? started = null, DateTimeOffset? finished = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        if (name is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
        }

        if (url is { IsAbsoluteUri: false })
        {
            throw new ArgumentException($"The deploy URL '{url}' must be absolute.", nameof(url));
        }

        if (started > finished)
        {
            throw new ArgumentException($"The deploy finished ({finished:O}) before it started ({started:O}).", nameof(finished));
        }

        Deploy = new DeployCreate { Environment = environment, Name = name, Url = url, DateStarted = started, DateFinished = finished };
        return this;
    }

    /// <summary>Finalizes the release (sets when it was released); an already finalized release is found and left as is.</summary>
    /// <param name="releasedAt">When it was released; now, by the client's clock, when unset.</param>
    /// <returns>This publication.</returns>
    public ReleasePublication Finalize(DateTimeOffset? releasedAt = null)
    {
        FinalizeRelease = true;
        ReleasedAt = releasedAt;
        return this;
    }

    /// <summary>
    /// Runs the steps in order: release, commits, finalize, deploy. Bad input and commits that cannot be read throw
    /// before anything changes; a step Sentry refuses is reported as failed and the later ones as skipped.
    /// </summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What each step did.</returns>
    /// <exception cref="InvalidOperationException">No project was given, or the local commits cannot be read (the message says what to do).</exception>
    public virtual Task<ReleasePublishResult> RunAsync(CancellationToken cancellationToken = default) =>
        new ReleasePublisher(_organization, this).RunAsync(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"Publish {Version} to {string.Join(", ", _projects)}";
}
