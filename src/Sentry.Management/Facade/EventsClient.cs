using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>Events: a project's or an issue's events, one event with its exception and breadcrumbs, issue hashes, event-id lookup.</summary>
public class EventsClient
{
    /// <summary>The event id that stands for an issue's latest event.</summary>
    public const string Latest = "latest";

    /// <summary>The event id that stands for an issue's oldest event.</summary>
    public const string Oldest = "oldest";

    /// <summary>The event id that stands for the event Sentry recommends looking at.</summary>
    public const string Recommended = "recommended";

    private readonly IEventsApi _api = null!;
    private readonly ClientContext _context = null!;

    /// <summary>Creates the client over a Refit implementation of <see cref="IEventsApi"/>.</summary>
    /// <param name="api">The API to call.</param>
    /// <param name="options">The options (default organization, page size).</param>
    public EventsClient(IEventsApi api, SentryManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _context = new ClientContext(options);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected EventsClient()
    {
    }

    /// <summary>Lists a project's error events, fetching pages as the listing is enumerated.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="statsPeriod">A relative period such as <c>24h</c>; <see langword="null"/> for Sentry's default.</param>
    /// <param name="full">Include the full bodies (entries with stack traces).</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Event> ListForProject(
        string? organizationSlug,
        string projectSlug,
        string? statsPeriod = null,
        bool? full = null,
        SentryPageOptions? pages = null)
    {
        var organization = _context.Organization(organizationSlug);
        var project = SentrySlug.Validate(projectSlug);
        return ClientContext.Pageable(
            (cursor, ct) => _api.ListForProjectAsync(organization, project, cursor, statsPeriod, null, null, full, null, ct),
            pages);
    }

    /// <summary>Gets an event of a project with its entries; read them with <see cref="Event.GetException"/> and <see cref="Event.GetBreadcrumbs"/>.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="eventId">The event id (32 hex digits).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event.</returns>
    public virtual Task<Event> GetAsync(string? organizationSlug, string projectSlug, string eventId, CancellationToken cancellationToken = default) =>
        _api.GetAsync(_context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), QueryValues.EventId(eventId, nameof(eventId)), cancellationToken: cancellationToken);

    /// <summary>Lists an issue's events, fetching pages as the listing is enumerated.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="query">Sentry search syntax over event properties.</param>
    /// <param name="full">Include the full bodies (entries with stack traces).</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Event> ListForIssue(string? organizationSlug, string issueId, string? query = null, bool? full = null, SentryPageOptions? pages = null)
    {
        var organization = _context.Organization(organizationSlug);
        var issue = QueryValues.NumericId(issueId, nameof(issueId));
        return ClientContext.Pageable(
            (cursor, ct) => _api.ListForIssueAsync(organization, issue, cursor, query, null, null, null, null, full, null, _context.PageSize, ct),
            pages);
    }

    /// <summary>Gets an event of an issue by id, or one of <see cref="Latest"/>, <see cref="Oldest"/>, <see cref="Recommended"/>.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="eventId">The event id, or <see cref="Latest"/>, <see cref="Oldest"/> or <see cref="Recommended"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event.</returns>
    public virtual Task<Event> GetForIssueAsync(string? organizationSlug, string issueId, string eventId, CancellationToken cancellationToken = default) =>
        _api.GetForIssueAsync(
            _context.Organization(organizationSlug), QueryValues.NumericId(issueId, nameof(issueId)), QueryValues.EventId(eventId, nameof(eventId)), cancellationToken: cancellationToken);

    /// <summary>Gets the latest event of an issue.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event.</returns>
    public virtual Task<Event> GetLatestForIssueAsync(string? organizationSlug, string issueId, CancellationToken cancellationToken = default) =>
        GetForIssueAsync(organizationSlug, issueId, Latest, cancellationToken);

    /// <summary>Gets the oldest event of an issue.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event.</returns>
    public virtual Task<Event> GetOldestForIssueAsync(string? organizationSlug, string issueId, CancellationToken cancellationToken = default) =>
        GetForIssueAsync(organizationSlug, issueId, Oldest, cancellationToken);

    /// <summary>Lists the hashes (fingerprints) an issue groups, each with its latest event.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="full"><see langword="false"/> to leave out the full event bodies.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<IssueHash> ListHashes(string? organizationSlug, string issueId, bool? full = null, SentryPageOptions? pages = null)
    {
        var organization = _context.Organization(organizationSlug);
        var issue = QueryValues.NumericId(issueId, nameof(issueId));
        return ClientContext.Pageable((cursor, ct) => _api.ListHashesAsync(organization, issue, cursor, full, ct), pages);
    }

    /// <summary>Finds an event by id across an organization's projects.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="eventId">The event id (32 hex digits).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event with its issue and project slugs.</returns>
    public virtual Task<EventIdLookup> ResolveEventIdAsync(string? organizationSlug, string eventId, CancellationToken cancellationToken = default) =>
        _api.ResolveEventIdAsync(_context.Organization(organizationSlug), QueryValues.EventId(eventId, nameof(eventId)), cancellationToken);
}
