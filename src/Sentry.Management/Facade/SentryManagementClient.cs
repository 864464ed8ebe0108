using Microsoft.Extensions.Logging;
using Sentry.Management.Api;
using Sentry.Management.Http;

namespace Sentry.Management;

/// <summary>
/// The entry point to Sentry's REST API: one client per Sentry installation and token, thread-safe, meant to live as
/// long as the app (register it as a singleton, or let <c>AddSentryManagement</c> do it). Area clients
/// (<see cref="Organizations"/>, <see cref="Projects"/>, …) share its single HTTP pipeline, so rate limits and
/// concurrency are respected across all of them.
/// </summary>
public class SentryManagementClient : IDisposable
{
    private readonly HttpClient? _ownedHttpClient;
    private readonly HttpClient _http = null!;
    private OrganizationsClient? _organizations;
    private ProjectsClient? _projects;
    private TeamsClient? _teams;
    private ProjectKeysClient? _projectKeys;
    private IdentityClient? _identity;
    private IssuesClient? _issues;
    private EventsClient? _events;
    private AlertsClient? _alerts;
    private ReleasesClient? _releases;
    private StatsClient? _stats;
    private SessionsClient? _sessions;

    /// <summary>
    /// Creates a client without dependency injection, for scripts and tools. It owns its HTTP connections;
    /// dispose it when done.
    /// </summary>
    /// <param name="options">Where and as whom to connect. Validated now; later changes to it have no effect.</param>
    /// <param name="primaryHandler">The innermost handler (tests pass a fake); <see langword="null"/> for a real socket handler.</param>
    /// <param name="timeProvider">The clock for timeouts and rate-limit waits; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where to log API calls; <see langword="null"/> for no logging.</param>
    /// <exception cref="SentryOptionsException">The options are invalid.</exception>
    public SentryManagementClient(
        SentryManagementOptions options,
        HttpMessageHandler? primaryHandler = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        var pipeline = new SentryHttpPipeline(options, new SentryRateLimitMonitor(), timeProvider, loggerFactory);
        _ownedHttpClient = pipeline.CreateHttpClient(primaryHandler, disposePrimary: false);
        _http = _ownedHttpClient;
        Options = pipeline.Options;
        RateLimits = pipeline.RateLimits;
    }

    /// <summary>Creates a client over an HttpClient that already runs the Sentry.Management pipeline (used by DI).</summary>
    internal SentryManagementClient(HttpClient httpClient, SentryManagementOptions options, SentryRateLimitMonitor rateLimits)
    {
        _http = httpClient;
        Options = options;
        RateLimits = rateLimits;
    }

    /// <summary>For mocking frameworks only.</summary>
    protected SentryManagementClient()
    {
        Options = new SentryManagementOptions();
        RateLimits = new SentryRateLimitMonitor();
    }

    /// <summary>
    /// Creates a client from <c>SENTRY_AUTH_TOKEN</c>, <c>SENTRY_ORG</c> and <c>SENTRY_URL</c>, as sentry-cli reads them.
    /// </summary>
    /// <param name="loggerFactory">Where to log API calls; <see langword="null"/> for no logging.</param>
    /// <returns>A client; dispose it when done.</returns>
    /// <exception cref="SentryOptionsException">A variable is missing or invalid; the message names it.</exception>
    public static SentryManagementClient FromEnvironment(ILoggerFactory? loggerFactory = null) =>
        new(SentryManagementOptions.FromEnvironment(), loggerFactory: loggerFactory);

    /// <summary>The options in effect (a copy; changing it changes nothing).</summary>
    public SentryManagementOptions Options { get; }

    /// <summary>The rate-limit state Sentry last reported to this client.</summary>
    public virtual SentryRateLimitMonitor RateLimits { get; }

    /// <summary>Organizations: list, get, update.</summary>
    public virtual OrganizationsClient Organizations => _organizations ??= new(Api<IOrganizationsApi>(), Options);

    /// <summary>Projects: list, get, create, update, delete, team access.</summary>
    public virtual ProjectsClient Projects => _projects ??= new(Api<IProjectsApi>(), Options);

    /// <summary>Teams: list, get, create, update, delete, projects.</summary>
    public virtual TeamsClient Teams => _teams ??= new(Api<ITeamsApi>(), Options);

    /// <summary>Client keys (DSNs): list, get, create, update, delete.</summary>
    public virtual ProjectKeysClient ProjectKeys => _projectKeys ??= new(Api<IProjectKeysApi>(), Options);

    /// <summary>Who the token belongs to and what it can reach.</summary>
    public virtual IdentityClient Identity => _identity ??= new(Api<IIdentityApi>(), Api<IOrganizationsApi>(), Options);

    /// <summary>Issues: search, get, update, delete, bulk changes in chunks, short ids, tags.</summary>
    public virtual IssuesClient Issues => _issues ??= new(Api<IIssuesApi>(), Options);

    /// <summary>Events: project and issue events, event details with exception and breadcrumbs, hashes, event-id lookup.</summary>
    public virtual EventsClient Events => _events ??= new(Api<IEventsApi>(), Options);

    /// <summary>Alerts: issue alert rules, metric alert rules, workflows and detectors.</summary>
    public virtual AlertsClient Alerts => _alerts ??= new(Api<IAlertsApi>(), Options);

    /// <summary>Releases and deploys: create, associate commits, finalize, deploy, list, get, update, delete.</summary>
    public virtual ReleasesClient Releases => _releases ??= new(Api<IReleasesApi>(), Options);

    /// <summary>Usage stats: event counts by outcome, category and project (stats_v2, summary, project stats).</summary>
    public virtual StatsClient Stats => _stats ??= new(Api<IStatsApi>(), Options);

    /// <summary>Release health: session and user counts, crash-free rates per release and environment.</summary>
    public virtual SessionsClient Sessions => _sessions ??= new(Api<ISessionsApi>(), Options);

    /// <summary>Releases the HTTP connections this client owns (none when it came from dependency injection).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases owned resources.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }

    /// <summary>A Refit implementation over this client's pipeline. Area clients are created on first use; a race creates two, both valid.</summary>
    private TApi Api<TApi>()
        where TApi : class => SentryRefit.Create<TApi>(_http);
}
