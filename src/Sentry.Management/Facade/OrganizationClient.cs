using System.Collections.Concurrent;
using Sentry.Management.Api;
using Sentry.Management.Workflows.Bootstrap;

namespace Sentry.Management;

/// <summary>
/// One organization, from <c>sentry.Organization("acme")</c> (or <see cref="SentryManagementClient.DefaultOrganization"/>):
/// its area clients are bound to it, so no call takes an organization slug. Cheap to get; the client caches one per slug.
/// </summary>
public class OrganizationClient
{
    private readonly SentryManagementClient _root = null!;
    private readonly OrganizationScope _scope = null!;
    private readonly ConcurrentDictionary<string, ProjectClient> _projects = new(StringComparer.Ordinal);

    internal OrganizationClient(SentryManagementClient root, OrganizationScope scope)
    {
        _root = root;
        _scope = scope;
        Projects = new ProjectsClient(scope);
        Teams = new TeamsClient(scope);
        ProjectKeys = new OrganizationProjectKeysClient(scope);
        Issues = new IssuesClient(scope);
        Events = new EventsClient(scope);
        Alerts = new AlertsClient(scope);
        Releases = new ReleasesClient(scope, this);
        Stats = new StatsClient(scope);
        Sessions = new SessionsClient(scope);
        Members = new MembersClient(scope);
        Integrations = new IntegrationsClient(scope);
        Discover = new DiscoverClient(scope);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected OrganizationClient()
    {
        Projects = null!;
        Teams = null!;
        ProjectKeys = null!;
        Issues = null!;
        Events = null!;
        Alerts = null!;
        Releases = null!;
        Stats = null!;
        Sessions = null!;
        Members = null!;
        Integrations = null!;
        Discover = null!;
    }

    /// <summary>The organization's slug (or id).</summary>
    /// <exception cref="InvalidOperationException">This is the default organization and none is configured.</exception>
    public virtual string Slug => _scope.Slug;

    /// <summary>Projects: list, create under a team. One project is <see cref="Project"/>.</summary>
    public virtual ProjectsClient Projects { get; }

    /// <summary>Teams: list, get, create, update, delete, a team's projects.</summary>
    public virtual TeamsClient Teams { get; }

    /// <summary>The client keys (DSNs) of every project; one project's keys are <c>Project(slug).Keys</c>.</summary>
    public virtual OrganizationProjectKeysClient ProjectKeys { get; }

    /// <summary>Issues: search, get, update, delete, bulk changes in chunks, short ids, tags.</summary>
    public virtual IssuesClient Issues { get; }

    /// <summary>Events of issues, issue hashes, event-id lookup across projects.</summary>
    public virtual EventsClient Events { get; }

    /// <summary>Alerts: workflows, detectors, metric alert rules, and issue alert rules per project.</summary>
    public virtual AlertsClient Alerts { get; }

    /// <summary>Releases and deploys: create, associate commits, finalize, deploy, list, get, update, delete.</summary>
    public virtual ReleasesClient Releases { get; }

    /// <summary>Usage stats: event counts by outcome, category and project.</summary>
    public virtual StatsClient Stats { get; }

    /// <summary>Release health: session and user counts, crash-free rates per release and environment.</summary>
    public virtual SessionsClient Sessions { get; }

    /// <summary>Members: list, find by e-mail or username, invite, roles, team membership.</summary>
    public virtual MembersClient Members { get; }

    /// <summary>Integrations (Slack, Jira, GitHub, …), their repositories, and external issues linked to Sentry issues.</summary>
    public virtual IntegrationsClient Integrations { get; }

    /// <summary>The organization events table: fields and aggregates over errors, spans and logs.</summary>
    public virtual DiscoverClient Discover { get; }

    /// <summary>One project of this organization; validated now, cached per slug.</summary>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <returns>The project's client.</returns>
    /// <exception cref="ArgumentException"><paramref name="projectSlug"/> is not a valid slug.</exception>
    public virtual ProjectClient Project(string projectSlug)
    {
        var slug = SentrySlug.Validate(projectSlug, nameof(projectSlug));
        return _projects.GetOrAdd(slug, static (s, self) => new ProjectClient(self._root, new ProjectScope(self._scope, s)), this);
    }

    /// <summary>Gets the organization.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organization.</returns>
    /// <exception cref="SentryNotFoundException">The organization does not exist or the token cannot see it.</exception>
    public virtual Task<Organization> GetAsync(CancellationToken cancellationToken = default) =>
        _scope.Api<IOrganizationsApi>().GetAsync(_scope.Slug, null, cancellationToken);

    /// <summary>Changes the organization's settings.</summary>
    /// <param name="update">The settings to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organization as it is now.</returns>
    public virtual Task<Organization> UpdateAsync(OrganizationUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _scope.Api<IOrganizationsApi>().UpdateAsync(_scope.Slug, update, cancellationToken);
    }

    /// <summary>Asks Sentry who the token belongs to and whether it can read this organization.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The identity and the organization's reachability (a missing or forbidden organization is reported, not thrown).</returns>
    /// <exception cref="SentryAuthorizationException">The token is missing, invalid or expired.</exception>
    public virtual Task<SentryIdentity> CheckAccessAsync(CancellationToken cancellationToken = default) =>
        IdentityClient.CheckCoreAsync(_scope.Context, _scope.Slug, cancellationToken);

    /// <summary>
    /// Sets up a project to send events to, as a deploy script or an app's first start would: finds or creates the
    /// project under its team (with a platform), finds or creates its client key, and hands back a capture client on
    /// that key with the environment, release, server name, sample rates and filters asked for. Running it again finds
    /// everything and changes nothing; the result says which steps created and which found.
    /// </summary>
    /// <param name="options">The project, team, key and capture settings.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The project, key, steps and a started capture client; dispose it to flush.</returns>
    /// <exception cref="ArgumentException">A setting is invalid, or the team does not exist and <see cref="ProjectBootstrapOptions.CreateTeamIfMissing"/> is off; nothing was changed.</exception>
    /// <exception cref="SentryWorkflowException">Sentry refused a step after an earlier one had created something; it lists what was done.</exception>
    public virtual Task<ProjectBootstrap> BootstrapProjectAsync(ProjectBootstrapOptions options, CancellationToken cancellationToken = default) =>
        new ProjectBootstrapper(this, _root).RunAsync(options, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => "OrganizationClient " + (SlugOrNull ?? "(default, none configured)");

    /// <summary>The client's clock, for workflows that stamp times.</summary>
    internal TimeProvider TimeProvider => _scope.Context.TimeProvider;

    private string? SlugOrNull => _scope.SlugOrNull;
}
