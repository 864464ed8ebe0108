namespace Sentry.Management.Workflows.Releases;

/// <summary>
/// Runs a <see cref="ReleasePublication"/>: everything that can be wrong with the input (and the local commits) is
/// found before the first write; after that each step is recorded, and the first one Sentry refuses stops the run.
/// </summary>
internal sealed class ReleasePublisher(OrganizationClient organization, ReleasePublication publication)
{
    internal const string ReleaseStep = "release";
    internal const string CommitsStep = "commits";
    internal const string FinalizeStep = "finalize";
    internal const string DeployStep = "deploy";

    private readonly List<WorkflowStep> _steps = [];
    private Release? _release;
    private Deploy? _deploy;

    private ReleasesClient Releases => organization.Releases;

    private string Version => publication.Version;

    internal async Task<ReleasePublishResult> RunAsync(CancellationToken cancellationToken)
    {
        if (publication.Projects.Count == 0)
        {
            throw new InvalidOperationException($"Release {Version} has no project: call ForProjects(\"slug\") before RunAsync.");
        }

        var commits = publication.Commits is null
            ? null
            : await publication.Commits.ResolveAsync(organization, Version, publication.Projects, cancellationToken).ConfigureAwait(false);

        await RunStepAsync(ReleaseStep, () => CreateReleaseAsync(cancellationToken)).ConfigureAwait(false);
        await RunStepAsync(CommitsStep, () => commits is null ? Skip("no commits asked for") : SetCommitsAsync(commits, cancellationToken)).ConfigureAwait(false);
        await RunStepAsync(FinalizeStep, () => publication.FinalizeRelease ? FinalizeAsync(cancellationToken) : Skip("not asked for")).ConfigureAwait(false);
        await RunStepAsync(DeployStep, () => publication.Deploy is { } deploy ? DeployAsync(deploy, cancellationToken) : Skip("no deploy asked for")).ConfigureAwait(false);

        return new ReleasePublishResult(Version, publication.Projects, _steps, _release, _deploy);
    }

    private async Task<(WorkflowOutcome, string)> CreateReleaseAsync(CancellationToken cancellationToken)
    {
        var created = await Releases.CreateOrGetAsync(
            new ReleaseCreate { Version = Version, Projects = publication.Projects, Ref = publication.Ref, Url = publication.Url },
            cancellationToken).ConfigureAwait(false);
        _release = created.Release;
        if (!created.AlreadyExisted)
        {
            return (WorkflowOutcome.Created, "in " + string.Join(", ", publication.Projects));
        }

        // Sentry answers 208 with the release as it was; a changed ref or URL on a re-run is applied, not ignored.
        var changes = new List<string>();
        var update = new ReleaseUpdate();
        if (publication.Ref is { } reference && !string.Equals(_release.Ref, reference, StringComparison.Ordinal))
        {
            update.Ref = reference;
            changes.Add($"ref {_release.Ref ?? "(none)"} -> {reference}");
        }

        if (publication.Url is { } url && !string.Equals(_release.Url, url.ToString(), StringComparison.Ordinal))
        {
            update.Url = url;
            changes.Add($"url -> {url}");
        }

        if (changes.Count == 0)
        {
            return (WorkflowOutcome.Found, "already existed");
        }

        _release = await Releases.UpdateAsync(Version, update, cancellationToken).ConfigureAwait(false);
        return (WorkflowOutcome.Updated, "already existed; " + string.Join(", ", changes));
    }

    private async Task<(WorkflowOutcome, string)> SetCommitsAsync(ResolvedCommits commits, CancellationToken cancellationToken)
    {
        if (_release is { CommitCount: > 0, LastCommit.Id: { } last } && commits.Heads.Contains(last, StringComparer.OrdinalIgnoreCase))
        {
            return (WorkflowOutcome.Found, $"{_release.CommitCount} commit(s) already associated, ending at {CommitSha.Short(last)}");
        }

        if (commits.Commits is { Count: 0 })
        {
            return (WorkflowOutcome.Skipped, "no new commits: " + commits.Detail);
        }

        _release = commits.Refs is { } refs
            ? await Releases.SetCommitsAsync(Version, refs, cancellationToken).ConfigureAwait(false)
            : await Releases.SetCommitsAsync(Version, commits.Commits!, cancellationToken).ConfigureAwait(false);
        return (WorkflowOutcome.Updated, commits.Detail);
    }

    private async Task<(WorkflowOutcome, string)> FinalizeAsync(CancellationToken cancellationToken)
    {
        if (_release?.DateReleased is { } released)
        {
            return (WorkflowOutcome.Found, $"already released at {released:u}");
        }

        var at = publication.ReleasedAt ?? organization.TimeProvider.GetUtcNow();
        _release = await Releases.FinalizeAsync(Version, at, cancellationToken).ConfigureAwait(false);
        return (WorkflowOutcome.Updated, $"released at {at:u}");
    }

    private async Task<(WorkflowOutcome, string)> DeployAsync(DeployCreate deploy, CancellationToken cancellationToken)
    {
        await foreach (var existing in Releases.ListDeploys(Version).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(existing.Environment, deploy.Environment, StringComparison.Ordinal)
                && string.Equals(NullIfEmpty(existing.Name), deploy.Name, StringComparison.Ordinal))
            {
                _deploy = existing;
                return (WorkflowOutcome.Found, $"{Describe(deploy)} already recorded");
            }
        }

        deploy.Projects ??= publication.Projects;
        _deploy = await Releases.CreateDeployAsync(Version, deploy, cancellationToken).ConfigureAwait(false);
        return (WorkflowOutcome.Created, Describe(deploy));
    }

    private async Task RunStepAsync(string name, Func<Task<(WorkflowOutcome Outcome, string Detail)>> step)
    {
        if (_steps.Any(s => s.Outcome == WorkflowOutcome.Failed))
        {
            _steps.Add(new WorkflowStep(name, WorkflowOutcome.Skipped, "not run: an earlier step failed"));
            return;
        }

        try
        {
            var (outcome, detail) = await step().ConfigureAwait(false);
            _steps.Add(new WorkflowStep(name, outcome, detail));
        }
        catch (Exception e) when (e is SentryApiException or HttpRequestException or TimeoutException)
        {
            _steps.Add(new WorkflowStep(name, WorkflowOutcome.Failed, string.Empty, e));
        }
    }

    private static Task<(WorkflowOutcome, string)> Skip(string why) => Task.FromResult((WorkflowOutcome.Skipped, why));

    private static string Describe(DeployCreate deploy) => "to " + deploy.Environment + (deploy.Name is null ? string.Empty : " (" + deploy.Name + ")");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
