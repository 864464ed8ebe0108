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
    private readonly OrganizationScope _scope = null!;

    internal EventsClient(OrganizationScope scope)
    {
        _scope = scope;
        _api = scope.Api<IEventsApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected EventsClient()
    {
    }

    /// <summary>Lists an issue's events, fetching pages as the listing is enumerated.</summary>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="query">Sentry search syntax over event properties.</param>
    /// <param name="full">Include the full bodies (entries with stack traces).</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Event> ListForIssue(string issueId, string? query = null, bool? full = null, SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        var issue = QueryValues.NumericId(issueId, nameof(issueId));
        return OrganizationScope.Pageable(
            (cursor, ct) => _api.ListForIssueAsync(organization, issue, cursor, query, null, null, null, null, full, null, _scope.PageSize, ct),
            pages);
    }

    /// <summary>Gets an event of an issue by id, or one of <see cref="Latest"/>, <see cref="Oldest"/>, <see cref="Recommended"/>.</summary>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="eventId">The event id, or <see cref="Latest"/>, <see cref="Oldest"/> or <see cref="Recommended"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event.</returns>
    public virtual Task<Event> GetForIssueAsync(string issueId, string eventId, CancellationToken cancellationToken = default) =>
        _api.GetForIssueAsync(
            _scope.Slug, QueryValues.NumericId(issueId, nameof(issueId)), QueryValues.EventId(eventId, nameof(eventId)), cancellationToken: cancellationToken);

    /// <summary>Gets the latest event of an issue.</summary>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event.</returns>
    public virtual Task<Event> GetLatestForIssueAsync(string issueId, CancellationToken cancellationToken = default) =>
        GetForIssueAsync(issueId, Latest, cancellationToken);

    /// <summary>Gets the oldest event of an issue.</summary>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event.</returns>
    public virtual Task<Event> GetOldestForIssueAsync(string issueId, CancellationToken cancellationToken = default) =>
        GetForIssueAsync(issueId, Oldest, cancellationToken);

    /// <summary>Lists the hashes (fingerprints) an issue groups, each with its latest event.</summary>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="full"><see langword="false"/> to leave out the full event bodies.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<IssueHash> ListHashes(string issueId, bool? full = null, SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        var issue = QueryValues.NumericId(issueId, nameof(issueId));
        return OrganizationScope.Pageable((cursor, ct) => _api.ListHashesAsync(organization, issue, cursor, full, ct), pages);
    }

    /// <summary>Finds an event by id across an organization's projects.</summary>
    /// <param name="eventId">The event id (32 hex digits).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event with its issue and project slugs.</returns>
    public virtual Task<EventIdLookup> ResolveEventIdAsync(string eventId, CancellationToken cancellationToken = default) =>
        _api.ResolveEventIdAsync(_scope.Slug, QueryValues.EventId(eventId, nameof(eventId)), cancellationToken);
}
