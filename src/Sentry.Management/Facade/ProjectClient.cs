using Sentry.Management.Api;
using Sentry.Management.Workflows.Bootstrap;

namespace Sentry.Management;

/// <summary>
/// One project of one organization, from <c>sentry.Organization("acme").Project("backend")</c>: the project itself
/// and its keys, issues, events, releases, issue alert rules and teams, with no slug to repeat on each call.
/// </summary>
public class ProjectClient
{
    private readonly ProjectScope _scope = null!;
    private readonly IProjectsApi _api = null!;
    private readonly SentryManagementClient _root = null!;

    internal ProjectClient(SentryManagementClient root, ProjectScope scope)
    {
        _root = root;
        _scope = scope;
        _api = scope.Api<IProjectsApi>();
        Keys = new ProjectKeysClient(scope);
        Issues = new ProjectIssuesClient(scope);
        Events = new ProjectEventsClient(scope);
        Releases = new ProjectReleasesClient(scope);
        AlertRules = new IssueAlertRulesClient(scope);
        Teams = new ProjectTeamsClient(scope);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ProjectClient()
    {
        Keys = null!;
        Issues = null!;
        Events = null!;
        Releases = null!;
        AlertRules = null!;
        Teams = null!;
    }

    /// <summary>The project's slug (or id) as given.</summary>
    public virtual string Slug => _scope.Slug;

    /// <summary>The slug of the project's organization.</summary>
    public virtual string OrganizationSlug => _scope.Organization.Slug;

    /// <summary>Client keys (DSNs) of this project: list, get, create, update, delete.</summary>
    public virtual ProjectKeysClient Keys { get; }

    /// <summary>This project's issues: list, bulk update, bulk delete.</summary>
    public virtual ProjectIssuesClient Issues { get; }

    /// <summary>This project's error events: list, get one.</summary>
    public virtual ProjectEventsClient Events { get; }

    /// <summary>This project's releases and their commits in it.</summary>
    public virtual ProjectReleasesClient Releases { get; }

    /// <summary>This project's issue alert rules.</summary>
    public virtual IssueAlertRulesClient AlertRules { get; }

    /// <summary>The teams that own this project: list, add, remove.</summary>
    public virtual ProjectTeamsClient Teams { get; }

    /// <summary>Gets the project.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project.</returns>
    /// <exception cref="SentryNotFoundException">The project does not exist or the token cannot see it.</exception>
    public virtual Task<Project> GetAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync(_scope.Organization.Slug, _scope.Slug, cancellationToken);

    /// <summary>Changes the project's settings.</summary>
    /// <param name="update">The settings to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project as it is now.</returns>
    public virtual Task<Project> UpdateAsync(ProjectUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _api.UpdateAsync(_scope.Organization.Slug, _scope.Slug, update, cancellationToken);
    }

    /// <summary>Schedules the project for deletion.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    public virtual Task DeleteAsync(CancellationToken cancellationToken = default) =>
        _api.DeleteAsync(_scope.Organization.Slug, _scope.Slug, cancellationToken);

    /// <summary>Gets the project's event counts over time.</summary>
    /// <param name="stat"><c>received</c> (default), <c>rejected</c>, <c>blacklisted</c> or <c>generated</c>.</param>
    /// <param name="since">The start; Sentry's default when <see langword="null"/>.</param>
    /// <param name="until">The end; now when <see langword="null"/>.</param>
    /// <param name="resolution"><c>10s</c>, <c>1h</c> or <c>1d</c>; Sentry picks one when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The points, oldest first.</returns>
    public virtual async Task<IReadOnlyList<StatsPoint>> GetStatsAsync(
        string? stat = null,
        DateTimeOffset? since = null,
        DateTimeOffset? until = null,
        string? resolution = null,
        CancellationToken cancellationToken = default) =>
        await _scope.Api<IStatsApi>().GetProjectStatsAsync(
            _scope.Organization.Slug,
            _scope.Slug,
            stat,
            since?.ToUnixTimeSeconds(),
            until?.ToUnixTimeSeconds(),
            resolution,
            cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Creates a capture client that sends to this project: through its key named <paramref name="keyName"/> if there
    /// is an active one, else through its first active key, else through a new key named <paramref name="keyName"/>
    /// (the token then needs <c>project:write</c>).
    /// </summary>
    /// <param name="keyName">The key to prefer, and the name of the key created when the project has no active key.</param>
    /// <param name="configure">Further capture settings (release, environment, sample rates…); the DSN is set already.</param>
    /// <param name="cancellationToken">Cancels the key lookup.</param>
    /// <returns>A started capture client; dispose it (it flushes) when done.</returns>
    public virtual async Task<SentryCaptureClient> GetCaptureClientAsync(
        string keyName = "Default",
        Action<SentryCaptureOptions>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyName);
        var (key, _) = await ProjectKeyFinder.FindOrCreateAsync(Keys, keyName, nameIsPreference: true, cancellationToken).ConfigureAwait(false);
        return _root.CreateCaptureClient(key, configure);
    }

    /// <inheritdoc />
    public override string ToString() => $"ProjectClient {_scope.Organization.Slug}/{_scope.Slug}";
}
