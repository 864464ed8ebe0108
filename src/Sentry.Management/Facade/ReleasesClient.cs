using System.Net;
using Sentry.Management.Api;
using Sentry.Management.Workflows.Health;

namespace Sentry.Management;

/// <summary>
/// Releases and deploys, as a CI job uses them: create a release, associate commits, finalize it, record
/// deploys; and list, read, change and delete releases. Versions are passed unescaped (<c>app@1.0.0+7</c>).
/// </summary>
public class ReleasesClient
{
    private readonly IReleasesApi _api = null!;
    private readonly OrganizationScope _scope = null!;
    private readonly OrganizationClient _organization = null!;

    internal ReleasesClient(OrganizationScope scope, OrganizationClient organization)
    {
        _scope = scope;
        _organization = organization;
        _api = scope.Api<IReleasesApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ReleasesClient()
    {
    }

    /// <summary>Lists an organization's releases, newest first, fetching pages as the listing is enumerated.</summary>
    /// <param name="query">Case-insensitive substring of the version.</param>
    /// <param name="projects">Project ids or slugs to filter by.</param>
    /// <param name="environments">Environments to filter by.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Release> List(
        string? query = null,
        IEnumerable<string>? projects = null,
        IEnumerable<string>? environments = null,
        SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        var projectList = projects?.ToList();
        var environmentList = environments?.ToList();
        return OrganizationScope.Pageable((cursor, ct) => _api.ListAsync(organization, cursor, projectList, environmentList, query, _scope.PageSize, ct), pages);
    }

    /// <summary>Gets a release.</summary>
    /// <param name="version">The version, unescaped.</param>
    /// <param name="includeHealth">Whether to include release-health data per project.</param>
    /// <param name="includeAdoptionStages">Whether to include adoption stages per project.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The release.</returns>
    public virtual Task<Release> GetAsync(
        string version,
        bool includeHealth = false,
        bool includeAdoptionStages = false,
        CancellationToken cancellationToken = default) =>
        _api.GetAsync(
            _scope.Slug,
            SentryReleaseVersion.Validate(version),
            health: includeHealth ? 1 : null,
            adoptionStages: includeAdoptionStages ? 1 : null,
            cancellationToken: cancellationToken);

    /// <summary>
    /// Creates a release, or returns the existing one when a release with this version already exists in
    /// these projects (Sentry answers 208 then; see <see cref="CreateOrGetAsync"/> to tell the cases apart).
    /// </summary>
    /// <param name="release">The new release (version and at least one project required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The release.</returns>
    public virtual async Task<Release> CreateAsync(ReleaseCreate release, CancellationToken cancellationToken = default) =>
        (await CreateOrGetAsync(release, cancellationToken).ConfigureAwait(false)).Release;

    /// <summary>Creates a release and says whether it was new (201) or already existed (208).</summary>
    /// <param name="release">The new release (version and at least one project required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The release and whether it already existed.</returns>
    public virtual async Task<ReleaseCreateResult> CreateOrGetAsync(ReleaseCreate release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        SentryReleaseVersion.ValidateNew(release.Version, "release.Version");
        if (release.Projects is null || release.Projects.Count == 0)
        {
            throw new ArgumentException("A release needs at least one project slug.", nameof(release));
        }

        foreach (var project in release.Projects)
        {
            SentrySlug.Validate(project, "projectSlug");
        }

        var organization = _scope.Slug;
        using var response = await _api.CreateAsync(organization, release, cancellationToken).ConfigureAwait(false);
        if (response.Error is not null)
        {
            throw response.Error;
        }

        var created = response.Content
            ?? throw new InvalidOperationException($"Sentry answered {response.StatusCode} without a release body.");
        return new ReleaseCreateResult(created, response.StatusCode == HttpStatusCode.AlreadyReported);
    }

    /// <summary>Changes a release.</summary>
    /// <param name="version">The version, unescaped.</param>
    /// <param name="update">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The release as it is now.</returns>
    public virtual Task<Release> UpdateAsync(string version, ReleaseUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _api.UpdateAsync(_scope.Slug, SentryReleaseVersion.Validate(version), update, cancellationToken);
    }

    /// <summary>
    /// Finalizes a release: sets when it went live, which makes it count as released (like
    /// <c>sentry-cli releases finalize</c>). The library has no clock of its own, so the time is explicit; pass
    /// <see cref="TimeProvider.GetUtcNow"/> of your clock for "now".
    /// </summary>
    /// <param name="version">The version, unescaped.</param>
    /// <param name="dateReleased">When the release went live.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The release as it is now.</returns>
    public virtual Task<Release> FinalizeAsync(string version, DateTimeOffset dateReleased, CancellationToken cancellationToken = default) =>
        UpdateAsync(version, new ReleaseUpdate { DateReleased = dateReleased }, cancellationToken);

    /// <summary>
    /// Associates commits through Sentry's repository integration: for each repository, the release's head
    /// commit (and the previous release's head the first time), like <c>sentry-cli releases set-commits</c>.
    /// </summary>
    /// <param name="version">The version, unescaped.</param>
    /// <param name="refs">The head commit per repository.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The release as it is now.</returns>
    public virtual Task<Release> SetCommitsAsync(string version, IEnumerable<ReleaseRef> refs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refs);
        var list = refs.ToList();
        foreach (var reference in list)
        {
            ArgumentNullException.ThrowIfNull(reference, nameof(refs));
            ArgumentException.ThrowIfNullOrWhiteSpace(reference.Repository, "refs.Repository");
            ArgumentException.ThrowIfNullOrWhiteSpace(reference.Commit, "refs.Commit");
        }

        return UpdateAsync(version, new ReleaseUpdate { Refs = list }, cancellationToken);
    }

    /// <summary>
    /// Associates explicit commits (read from a local git history, for repositories without a Sentry
    /// integration), like <c>sentry-cli releases set-commits --local</c>.
    /// </summary>
    /// <param name="version">The version, unescaped.</param>
    /// <param name="commits">The commits.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The release as it is now.</returns>
    public virtual Task<Release> SetCommitsAsync(string version, IEnumerable<ReleaseCommitData> commits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commits);
        var list = commits.ToList();
        foreach (var commit in list)
        {
            ArgumentNullException.ThrowIfNull(commit, nameof(commits));
            ArgumentException.ThrowIfNullOrWhiteSpace(commit.Id, "commits.Id");
        }

        return UpdateAsync(version, new ReleaseUpdate { Commits = list }, cancellationToken);
    }

    /// <summary>Deletes a release and its files permanently.</summary>
    /// <param name="version">The version, unescaped.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the release is deleted.</returns>
    public virtual Task DeleteAsync(string version, CancellationToken cancellationToken = default) =>
        _api.DeleteAsync(_scope.Slug, SentryReleaseVersion.Validate(version), cancellationToken);

    /// <summary>Lists the commits of a release.</summary>
    /// <param name="version">The version, unescaped.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<ReleaseCommit> ListCommits(string version, SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        var checkedVersion = SentryReleaseVersion.Validate(version);
        return OrganizationScope.Pageable((cursor, ct) => _api.ListCommitsAsync(organization, checkedVersion, cursor, ct), pages);
    }

    /// <summary>Lists the files changed by a release's commits.</summary>
    /// <param name="version">The version, unescaped.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed files (the first page Sentry returns; the schema declares no cursor for this endpoint).</returns>
    public virtual async Task<IReadOnlyList<ReleaseCommitFile>> ListCommitFilesAsync(string version, CancellationToken cancellationToken = default)
    {
        var organization = _scope.Slug;
        using var response = await _api.ListCommitFilesAsync(organization, SentryReleaseVersion.Validate(version), cancellationToken).ConfigureAwait(false);
        if (response.Error is not null)
        {
            throw response.Error;
        }

        return response.Content ?? [];
    }

    /// <summary>Lists the deploys of a release.</summary>
    /// <param name="version">The version, unescaped.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Deploy> ListDeploys(string version, SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        var checkedVersion = SentryReleaseVersion.Validate(version);
        return OrganizationScope.Pageable((cursor, ct) => _api.ListDeploysAsync(organization, checkedVersion, cursor, ct), pages);
    }

    /// <summary>Records a deploy of a release to an environment, like <c>sentry-cli deploys new</c>.</summary>
    /// <param name="version">The version, unescaped.</param>
    /// <param name="deploy">The deploy (environment required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created deploy.</returns>
    public virtual Task<Deploy> CreateDeployAsync(string version, DeployCreate deploy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deploy);
        ArgumentException.ThrowIfNullOrWhiteSpace(deploy.Environment, "deploy.Environment");
        if (deploy.Projects is not null)
        {
            foreach (var project in deploy.Projects)
            {
                SentrySlug.Validate(project, "projectSlug");
            }
        }

        return _api.CreateDeployAsync(_scope.Slug, SentryReleaseVersion.Validate(version), deploy, cancellationToken);
    }

    /// <summary>
    /// Starts publishing a release as a CI job does (create, associate commits, finalize, record a deploy), idempotent
    /// on a re-run: <c>org.Releases.Publish("app@1.2.3").ForProjects("api").WithCommits(ReleaseCommits.FromLocalGit()).Finalize().WithDeploy("production").RunAsync()</c>.
    /// </summary>
    /// <param name="version">The version, unescaped, such as <c>app@1.2.3+45</c>.</param>
    /// <returns>A publication to configure and run.</returns>
    /// <exception cref="ArgumentException">The version is empty or not allowed for a new release; the message says why.</exception>
    public virtual ReleasePublication Publish(string version) => new(_organization, version);

    /// <summary>
    /// Reports a release's health over a window (24 hours by default, hourly series): crash-free session and user
    /// rates, errors, adoption against all releases, and against the previous release the crash-free delta, new issues
    /// and the p95 transaction duration; with the alerts that apply and a recommendation (healthy, watch, roll back).
    /// </summary>
    /// <param name="version">The release, unescaped.</param>
    /// <param name="options">Window, environment, projects, thresholds; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The version or an option is invalid, or the release does not exist.</exception>
    public virtual Task<ReleaseHealthReport> GetHealthReportAsync(string version, ReleaseHealthOptions? options = null, CancellationToken cancellationToken = default)
    {
        var checkedVersion = SentryReleaseVersion.Validate(version);
        options ??= new ReleaseHealthOptions();
        options.Validate();
        return new ReleaseHealthInspector(_organization, checkedVersion, options).InspectAsync(cancellationToken);
    }
}
