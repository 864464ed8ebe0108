using Refit;

namespace Sentry.Management.Api;

/// <summary>Sentry's event endpoints (project events, issue events, hashes, event-id lookup), as a Refit interface.</summary>
public interface IEventsApi
{
    /// <summary>Lists a project's error events (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="statsPeriod">A relative period such as <c>24h</c>.</param>
    /// <param name="start">The start of an absolute period (ISO-8601).</param>
    /// <param name="end">The end of an absolute period (ISO-8601).</param>
    /// <param name="full"><c>true</c> to include the full event bodies with stack traces.</param>
    /// <param name="sample"><c>true</c> for a deterministic pseudo-random order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/events/")]
    Task<IApiResponse<List<Event>>> ListForProjectAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [Query] string? cursor = null,
        [Query] string? statsPeriod = null,
        [Query] string? start = null,
        [Query] string? end = null,
        [Query] bool? full = null,
        [Query] bool? sample = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets one event of a project with its entries (exception, breadcrumbs, request…).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="eventId">The event id (32 hex digits).</param>
    /// <param name="environment">Environments to look in (repeated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event.</returns>
    [Get("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/events/{event_id}/")]
    Task<Event> GetAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [AliasAs("event_id")] string eventId,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? environment = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists an issue's events (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The issue's id.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="query">Sentry search syntax over event properties.</param>
    /// <param name="environment">Environments to filter by (repeated).</param>
    /// <param name="statsPeriod">A relative period such as <c>24h</c>.</param>
    /// <param name="start">The start of an absolute period (ISO-8601).</param>
    /// <param name="end">The end of an absolute period (ISO-8601).</param>
    /// <param name="full"><c>true</c> to include the full event bodies with stack traces.</param>
    /// <param name="sample"><c>true</c> for a deterministic pseudo-random order.</param>
    /// <param name="perPage">Events per page (at most 100).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/events/")]
    Task<IApiResponse<List<Event>>> ListForIssueAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        [Query] string? cursor = null,
        [Query] string? query = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? environment = null,
        [Query] string? statsPeriod = null,
        [Query] string? start = null,
        [Query] string? end = null,
        [Query] bool? full = null,
        [Query] bool? sample = null,
        [Query, AliasAs("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets one event of an issue: by id, or <c>latest</c>, <c>oldest</c> or <c>recommended</c>.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The issue's id.</param>
    /// <param name="eventId">The event id, or <c>latest</c>, <c>oldest</c>, <c>recommended</c>.</param>
    /// <param name="environment">Environments to look in (repeated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/events/{event_id}/")]
    Task<Event> GetForIssueAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        [AliasAs("event_id")] string eventId,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? environment = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the hashes (fingerprints) an issue groups, each with its latest event (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The issue's id.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="full"><c>false</c> to leave out the full event bodies.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/hashes/")]
    Task<IApiResponse<List<IssueHash>>> ListHashesAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        [Query] string? cursor = null,
        [Query] bool? full = null,
        CancellationToken cancellationToken = default);

    /// <summary>Finds an event by its id across an organization's projects.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="eventId">The event id (32 hex digits).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event with its issue and project.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/eventids/{event_id}/")]
    Task<EventIdLookup> ResolveEventIdAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("event_id")] string eventId,
        CancellationToken cancellationToken = default);
}
