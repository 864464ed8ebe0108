using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Sentry.Management.Http;
using Sentry.Management.Workflows.Doctor;

namespace Sentry.Management;

/// <summary>
/// The entry point to Sentry: one client per Sentry installation and token, thread-safe, meant to live as long as the
/// app (register it as a singleton, or let <c>AddSentryManagement</c> do it). Scope it once with
/// <see cref="Organization"/> (and <see cref="OrganizationClient.Project"/>), or use the shortcuts
/// (<see cref="Projects"/>, <see cref="Issues"/>, …) for the configured default organization. Every client it hands out
/// shares its single HTTP pipeline, so rate limits and concurrency are respected across all of them; capture clients
/// for a DSN or a project key come from it too.
/// </summary>
public class SentryManagementClient : IDisposable
{
    private const string SaasHost = "sentry.io";
    private readonly HttpClient? _ownedHttpClient;
    private readonly ManagementContext _context = null!;
    private readonly HttpMessageHandler? _captureHandler;
    private readonly TimeProvider? _timeProvider;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly RegionClients? _regions;
    private readonly SentryManagementOptions _options;
    private readonly ConcurrentDictionary<string, OrganizationClient> _organizationClients = new(StringComparer.Ordinal);
    private readonly OrganizationClient _defaultOrganization = null!;

    /// <summary>
    /// Creates a client without dependency injection, for scripts and tools. It owns its HTTP connections;
    /// dispose it when done.
    /// </summary>
    /// <param name="options">Where and as whom to connect. Validated now; later changes to it have no effect.</param>
    /// <param name="primaryHandler">The innermost handler (tests pass a fake; capture clients created here send through it too); <see langword="null"/> for a real socket handler.</param>
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
        var chain = pipeline.CreateHandlerChain(primaryHandler);
        _ownedHttpClient = new HttpClient(chain, disposeHandler: primaryHandler is null);
        pipeline.Configure(_ownedHttpClient);
        _captureHandler = primaryHandler;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _options = pipeline.Options;
        RateLimits = pipeline.RateLimits;
        _regions = new RegionClients(this, pipeline.TokenOrigins, () => new HttpClient(chain, disposeHandler: false));
        _context = new ManagementContext(_ownedHttpClient, pipeline.Options) { TimeProvider = timeProvider ?? TimeProvider.System };
        (Organizations, Identity, _defaultOrganization) = CreateClients();
    }

    /// <summary>
    /// Creates a client over HttpClients that already run <paramref name="pipeline"/> (used by DI): one now, one more
    /// for each region asked for.
    /// </summary>
    internal SentryManagementClient(
        SentryHttpPipeline pipeline,
        Func<HttpClient> createHttpClient,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        _options = pipeline.Options;
        RateLimits = pipeline.RateLimits;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _regions = new RegionClients(this, pipeline.TokenOrigins, createHttpClient);
        _context = new ManagementContext(createHttpClient(), pipeline.Options) { TimeProvider = timeProvider ?? TimeProvider.System };
        (Organizations, Identity, _defaultOrganization) = CreateClients();
    }

    /// <summary>A region's client: the root's pipeline, settings, clock and logger, another base URL.</summary>
    private SentryManagementClient(SentryManagementClient root, RegionClients regions, Uri baseUrl)
    {
        var options = root._options.Clone();
        options.BaseUrl = baseUrl;
        _options = options;
        RateLimits = root.RateLimits;
        _captureHandler = root._captureHandler;
        _timeProvider = root._timeProvider;
        _loggerFactory = root._loggerFactory;
        _regions = regions;
        _ownedHttpClient = regions.CreateHttpClient();
        SentryHttpPipeline.Configure(_ownedHttpClient, baseUrl);
        _context = new ManagementContext(_ownedHttpClient, options) { TimeProvider = root._context.TimeProvider };
        (Organizations, Identity, _defaultOrganization) = CreateClients();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected SentryManagementClient()
    {
        _options = new SentryManagementOptions();
        RateLimits = new SentryRateLimitMonitor();
        Organizations = null!;
        Identity = null!;
    }

    /// <summary>
    /// Creates a client from <c>SENTRY_AUTH_TOKEN</c>, <c>SENTRY_ORG</c> and <c>SENTRY_URL</c>, as sentry-cli reads them.
    /// </summary>
    /// <param name="loggerFactory">Where to log API calls; <see langword="null"/> for no logging.</param>
    /// <returns>A client; dispose it when done.</returns>
    /// <exception cref="SentryOptionsException">A variable is missing or invalid; the message names it.</exception>
    public static SentryManagementClient FromEnvironment(ILoggerFactory? loggerFactory = null) =>
        new(SentryManagementOptions.FromEnvironment(), loggerFactory: loggerFactory);

    /// <summary>The options in effect: a new copy on every read, so changing it changes nothing.</summary>
    public virtual SentryManagementOptions Options => _options.Clone();

    /// <summary>The rate-limit state Sentry last reported to this client.</summary>
    public virtual SentryRateLimitMonitor RateLimits { get; }

    /// <summary>The organizations the token can see.</summary>
    public virtual OrganizationsClient Organizations { get; }

    /// <summary>Who the token belongs to and what it can reach.</summary>
    public virtual IdentityClient Identity { get; }

    /// <summary>
    /// The configured default organization (<see cref="SentryManagementOptions.Organization"/>, <c>SENTRY_ORG</c>), which
    /// the shortcuts below use. Its calls throw <see cref="InvalidOperationException"/> when none is configured.
    /// </summary>
    public virtual OrganizationClient DefaultOrganization => _defaultOrganization;

    /// <summary>Projects of the default organization (see <see cref="DefaultOrganization"/>).</summary>
    public virtual ProjectsClient Projects => DefaultOrganization.Projects;

    /// <summary>Teams of the default organization.</summary>
    public virtual TeamsClient Teams => DefaultOrganization.Teams;

    /// <summary>Client keys of every project of the default organization.</summary>
    public virtual OrganizationProjectKeysClient ProjectKeys => DefaultOrganization.ProjectKeys;

    /// <summary>Issues of the default organization.</summary>
    public virtual IssuesClient Issues => DefaultOrganization.Issues;

    /// <summary>Events of the default organization's issues, event-id lookup.</summary>
    public virtual EventsClient Events => DefaultOrganization.Events;

    /// <summary>Alerts of the default organization.</summary>
    public virtual AlertsClient Alerts => DefaultOrganization.Alerts;

    /// <summary>Releases and deploys of the default organization.</summary>
    public virtual ReleasesClient Releases => DefaultOrganization.Releases;

    /// <summary>Usage stats of the default organization.</summary>
    public virtual StatsClient Stats => DefaultOrganization.Stats;

    /// <summary>Release health of the default organization.</summary>
    public virtual SessionsClient Sessions => DefaultOrganization.Sessions;

    /// <summary>Members of the default organization (see <see cref="DefaultOrganization"/>).</summary>
    public virtual MembersClient Members => DefaultOrganization.Members;

    /// <summary>Integrations of the default organization (see <see cref="DefaultOrganization"/>).</summary>
    public virtual IntegrationsClient Integrations => DefaultOrganization.Integrations;

    /// <summary>The events table of the default organization (see <see cref="DefaultOrganization"/>).</summary>
    public virtual DiscoverClient Discover => DefaultOrganization.Discover;

    /// <summary>An organization: its area clients are bound to it. Validated now, cached per slug.</summary>
    /// <param name="organizationSlug">The organization's slug or id.</param>
    /// <returns>The organization's client.</returns>
    /// <exception cref="ArgumentException"><paramref name="organizationSlug"/> is not a valid slug.</exception>
    public virtual OrganizationClient Organization(string organizationSlug)
    {
        var slug = SentrySlug.Validate(organizationSlug, nameof(organizationSlug));
        return _organizationClients.GetOrAdd(slug, static (s, self) => new OrganizationClient(self, new OrganizationScope(self._context, s)), this);
    }

    /// <summary>A project of the default organization: shorthand for <c>DefaultOrganization.Project(projectSlug)</c>.</summary>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <returns>The project's client.</returns>
    /// <exception cref="ArgumentException"><paramref name="projectSlug"/> is not a valid slug.</exception>
    public virtual ProjectClient Project(string projectSlug) => DefaultOrganization.Project(projectSlug);

    /// <summary>
    /// The client for another region of this Sentry. On sentry.io an organization's data lives in one region (its
    /// <c>Organization.Links.RegionUrl</c>, such as <c>https://de.sentry.io</c>), and calls about it are answered there.
    /// The region's client has this client's token, options, HTTP pipeline (primary handler, retries, concurrency
    /// limit and rate-limit pacing, which count the calls to every region together), clock and logger; from now on the
    /// token is also sent to the region's host. Created once per origin and owned by this client: disposing this client
    /// disposes it, disposing it does nothing.
    /// </summary>
    /// <param name="regionUrl">The region's URL; its scheme, host and port are used. This client's own origin returns this client.</param>
    /// <returns>The region's client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="regionUrl"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="regionUrl"/> is not an absolute https URL (http only for loopback or with
    /// <see cref="SentryManagementOptions.AllowInsecureTransport"/>), or has user info, a query or a fragment.
    /// </exception>
    /// <exception cref="ObjectDisposedException">This client was disposed.</exception>
    public virtual SentryManagementClient ForRegion(Uri regionUrl)
    {
        ArgumentNullException.ThrowIfNull(regionUrl);
        var regions = _regions ?? throw new InvalidOperationException("This client was created for mocking; override ForRegion.");
        return regions.For(CheckRegion(regionUrl, _options.AllowInsecureTransport));
    }

    /// <summary>
    /// An organization's client on the region that holds its data: reads the organization once (the answer is kept per
    /// slug) and, when Sentry names one of sentry.io's regions other than this client's
    /// (<c>Organization.Links.RegionUrl</c>), returns <c>ForRegion(region).Organization(slug)</c>. Otherwise (a
    /// self-hosted Sentry, the same region, no region, or a region URL that is not an https region of sentry.io) it
    /// returns the root client's <c>Organization(slug)</c>, so a server's answer can never send the token to a host of its choosing.
    /// </summary>
    /// <param name="organizationSlug">The organization's slug or id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The organization's client, on its region.</returns>
    /// <exception cref="ArgumentException"><paramref name="organizationSlug"/> is not a valid slug.</exception>
    /// <exception cref="SentryNotFoundException">The organization does not exist or the token cannot see it.</exception>
    public virtual async Task<OrganizationClient> OrganizationInRegionAsync(string organizationSlug, CancellationToken cancellationToken = default)
    {
        var slug = SentrySlug.Validate(organizationSlug, nameof(organizationSlug));
        var regions = _regions ?? throw new InvalidOperationException("This client was created for mocking; override OrganizationInRegionAsync.");
        if (!regions.OrganizationRegions.TryGetValue(slug, out var region))
        {
            var organization = await Organization(slug).GetAsync(cancellationToken).ConfigureAwait(false);
            region = SaasRegion(_options.BaseUrl, organization.Links?.RegionUrl);
            regions.OrganizationRegions[slug] = region;
        }

        return (region is null ? regions.Root : regions.For(region)).Organization(slug);
    }

    /// <summary>Creates a capture client (errors, messages, transactions, metrics) that sends to a DSN.</summary>
    /// <param name="dsn">The project's DSN, <c>https://{public_key}@{host}/{project_id}</c>.</param>
    /// <param name="configure">Further capture settings (release, environment, sample rates, filter rules…); the DSN is set already.</param>
    /// <returns>A started capture client; dispose it (it flushes) when done.</returns>
    /// <exception cref="ArgumentException">The DSN or a setting is invalid; the message names it.</exception>
    public virtual SentryCaptureClient CreateCaptureClient(string dsn, Action<SentryCaptureOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dsn);
        var options = new SentryCaptureOptions { Dsn = dsn };
        if (_timeProvider is not null)
        {
            options.TimeProvider = _timeProvider;
        }

        configure?.Invoke(options);
        return new SentryCaptureClient(options, _captureHandler, _loggerFactory?.CreateLogger("Sentry.Management.Capture"));
    }

    /// <summary>Creates a capture client that sends through a client key, for example one just created or listed.</summary>
    /// <param name="key">The key; its public DSN is used.</param>
    /// <param name="configure">Further capture settings; the DSN is set already.</param>
    /// <returns>A started capture client; dispose it (it flushes) when done.</returns>
    /// <exception cref="ArgumentException">The key has no public DSN, or a setting is invalid.</exception>
    public virtual SentryCaptureClient CreateCaptureClient(ProjectKey key, Action<SentryCaptureOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var dsn = key.Dsn?.Public ?? throw new ArgumentException($"Client key '{key.Name}' has no public DSN.", nameof(key));
        return CreateCaptureClient(dsn.ToString(), configure);
    }

    /// <summary>
    /// Checks the setup the way a person would when something does not work: the token (valid, and whose), its scopes
    /// against what each workflow needs, the organization and project, DSN ingestion (one test event, accepted or not)
    /// and release creation. Problems are reported with how to fix them, not thrown; the report never shows the token.
    /// </summary>
    /// <param name="options">The organization, project and DSN to check, and whether to send a test event or create a test release.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>The report; <see cref="SentryDiagnosis.Healthy"/> when no check failed.</returns>
    /// <exception cref="ArgumentException">An option is invalid (a slug, the DSN, the timeout).</exception>
    public virtual Task<SentryDiagnosis> DiagnoseAsync(DiagnosisOptions? options = null, CancellationToken cancellationToken = default) =>
        new SentryDoctor(this, _context, options ?? new DiagnosisOptions()).RunAsync(cancellationToken);

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
        if (!disposing || (_regions is not null && !ReferenceEquals(_regions.Root, this)))
        {
            return; // a region's client belongs to the client it came from
        }

        _regions?.Dispose();
        _ownedHttpClient?.Dispose();
    }

    /// <summary>The origin a region URL names, or an exception that says what is wrong with it (never the URL's user info).</summary>
    private static Uri CheckRegion(Uri regionUrl, bool allowInsecureTransport)
    {
        if (!regionUrl.IsAbsoluteUri || (regionUrl.Scheme != Uri.UriSchemeHttps && regionUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The region URL must be an absolute https URL such as https://de.sentry.io.", nameof(regionUrl));
        }

        if (!string.IsNullOrEmpty(regionUrl.UserInfo) || !string.IsNullOrEmpty(regionUrl.Query) || !string.IsNullOrEmpty(regionUrl.Fragment))
        {
            throw new ArgumentException("The region URL must not contain user info, a query or a fragment.", nameof(regionUrl));
        }

        if (regionUrl.Scheme == Uri.UriSchemeHttp && !allowInsecureTransport && !regionUrl.IsLoopback)
        {
            throw new ArgumentException(
                $"The region URL '{regionUrl.Scheme}://{regionUrl.Authority}' uses http, which sends the auth token unencrypted; use https or set {nameof(SentryManagementOptions.AllowInsecureTransport)}.",
                nameof(regionUrl));
        }

        return new Uri(regionUrl.GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>The origin of <paramref name="region"/> when both it and <paramref name="baseUrl"/> are on sentry.io and it is an https region (one label under sentry.io, default port); otherwise <see langword="null"/>.</summary>
    private static Uri? SaasRegion(Uri baseUrl, Uri? region)
    {
        static bool OnSaas(string host) => host.Equals(SaasHost, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + SaasHost, StringComparison.OrdinalIgnoreCase);
        if (region is null || !region.IsAbsoluteUri || !OnSaas(baseUrl.Host) || region.Scheme != Uri.UriSchemeHttps || !region.IsDefaultPort
            || !string.IsNullOrEmpty(region.UserInfo) || !OnSaas(region.Host) || region.Host.Count(c => c == '.') != SaasHost.Count(c => c == '.') + 1)
        {
            return null;
        }

        return new Uri(region.GetLeftPart(UriPartial.Authority) + "/");
    }

    private (OrganizationsClient, IdentityClient, OrganizationClient) CreateClients() =>
        (new OrganizationsClient(_context), new IdentityClient(_context), new OrganizationClient(this, new OrganizationScope(_context, null)));

    /// <summary>The region clients of one root client, shared with them, so a region's client hands out the same ones.</summary>
    private sealed class RegionClients(SentryManagementClient root, TokenOrigins origins, Func<HttpClient> createHttpClient) : IDisposable
    {
        private readonly TokenOrigins _origins = origins;
        private readonly ConcurrentDictionary<Uri, Lazy<SentryManagementClient>> _clients = new();
        private readonly Uri _rootOrigin = new(root._options.BaseUrl.GetLeftPart(UriPartial.Authority) + "/");
        private volatile bool _disposed;

        internal SentryManagementClient Root { get; } = root;

        /// <summary>The region each organization was found in (<see langword="null"/>: the root's), read once per slug.</summary>
        internal ConcurrentDictionary<string, Uri?> OrganizationRegions { get; } = new(StringComparer.Ordinal);

        internal HttpClient CreateHttpClient() => createHttpClient();

        internal SentryManagementClient For(Uri origin)
        {
            ThrowIfDisposed();
            if (Uri.Compare(origin, _rootOrigin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return Root;
            }

            return _clients.GetOrAdd(origin, static (url, self) => new Lazy<SentryManagementClient>(() =>
            {
                self.ThrowIfDisposed();
                self._origins.Add(url);
                return new SentryManagementClient(self.Root, self, url);
            }), this).Value;
        }

        public void Dispose()
        {
            _disposed = true;
            foreach (var client in _clients.Values)
            {
                if (client.IsValueCreated)
                {
                    client.Value._ownedHttpClient?.Dispose();
                }
            }
        }

        private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, Root);
    }
}
