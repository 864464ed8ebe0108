using Refit;

namespace Sentry.Management.Api;

/// <summary>Sentry's issue endpoints (organization and project scope), as a Refit interface.</summary>
public interface IIssuesApi
{
    /// <summary>Lists or searches an organization's issues (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="query">Sentry search syntax; <see langword="null"/> for Sentry's default <c>is:unresolved</c>.</param>
    /// <param name="environment">Environments to filter by (repeated).</param>
    /// <param name="project">Project ids or slugs to filter by (repeated).</param>
    /// <param name="statsPeriod">A relative period such as <c>24h</c>.</param>
    /// <param name="start">The start of an absolute period (ISO-8601).</param>
    /// <param name="end">The end of an absolute period (ISO-8601).</param>
    /// <param name="groupStatsPeriod">The stats timeline: <c>24h</c>, <c>14d</c>, <c>auto</c> or empty.</param>
    /// <param name="shortIdLookup"><c>1</c> to also find issues by short id in the query.</param>
    /// <param name="viewId">A saved view to apply when no query is given.</param>
    /// <param name="sort">The sort order, such as <c>date</c> or <c>freq</c>.</param>
    /// <param name="limit">Issues per page (at most 100).</param>
    /// <param name="expand">Extra data to include (repeated).</param>
    /// <param name="collapse">Data to leave out (repeated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/issues/")]
    Task<IApiResponse<List<Issue>>> ListAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query] string? cursor = null,
        [Query] string? query = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? environment = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null,
        [Query] string? statsPeriod = null,
        [Query] DateTimeOffset? start = null,
        [Query] DateTimeOffset? end = null,
        [Query] string? groupStatsPeriod = null,
        [Query] string? shortIdLookup = null,
        [Query] string? viewId = null,
        [Query] string? sort = null,
        [Query] int? limit = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? expand = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? collapse = null,
        CancellationToken cancellationToken = default);

    /// <summary>Changes many issues of an organization at once, by id or by query.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="update">The changes.</param>
    /// <param name="id">The issue ids (repeated; at most 100); none to change the issues the query matches.</param>
    /// <param name="query">Sentry search syntax selecting the issues when no ids are given.</param>
    /// <param name="environment">Environments to filter by (repeated).</param>
    /// <param name="project">Project ids or slugs to filter by (repeated).</param>
    /// <param name="viewId">A saved view to apply when no query is given.</param>
    /// <param name="sort">The sort order.</param>
    /// <param name="limit">The most issues to change (at most 100).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changes Sentry applied (200), or no content (204).</returns>
    [Put("/api/0/organizations/{organization_id_or_slug}/issues/")]
    Task<IApiResponse<IssueBulkUpdateResult>> BulkUpdateAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Body] IssueUpdate update,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? id = null,
        [Query] string? query = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? environment = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null,
        [Query] string? viewId = null,
        [Query] string? sort = null,
        [Query] int? limit = null,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes many issues of an organization at once, by id or by query.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="id">The issue ids (repeated; at most 100). Without ids Sentry deletes what the query matches.</param>
    /// <param name="query">Sentry search syntax selecting the issues when no ids are given.</param>
    /// <param name="environment">Environments to filter by (repeated).</param>
    /// <param name="project">Project ids or slugs to filter by (repeated).</param>
    /// <param name="viewId">A saved view to apply when no query is given.</param>
    /// <param name="sort">The sort order.</param>
    /// <param name="limit">The most issues to delete (at most 100).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    [Delete("/api/0/organizations/{organization_id_or_slug}/issues/")]
    Task BulkDeleteAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? id = null,
        [Query] string? query = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? environment = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null,
        [Query] string? viewId = null,
        [Query] string? sort = null,
        [Query] int? limit = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets one issue.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The issue's id.</param>
    /// <param name="environment">Environments to compute counts in (repeated).</param>
    /// <param name="expand">Extra data to include (repeated).</param>
    /// <param name="collapse">Data to leave out (repeated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The issue.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/")]
    Task<Issue> GetAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? environment = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? expand = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? collapse = null,
        CancellationToken cancellationToken = default);

    /// <summary>Changes one issue.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The issue's id.</param>
    /// <param name="update">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The issue as it is now.</returns>
    [Put("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/")]
    Task<Issue> UpdateAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        [Body] IssueUpdate update,
        CancellationToken cancellationToken = default);

    /// <summary>Schedules one issue for deletion (Sentry answers 202).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The issue's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    [Delete("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/")]
    Task DeleteAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        CancellationToken cancellationToken = default);

    /// <summary>Finds an issue by its short id, such as <c>PUMP-STATION-1</c>.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="shortId">The short id.</param>
    /// <param name="collapse">Data to leave out (repeated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The issue and where it lives.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/shortids/{issue_id}/")]
    Task<IssueShortIdLookup> ResolveShortIdAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string shortId,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? collapse = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a tag key of an issue's events with its most frequent values.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The issue's id.</param>
    /// <param name="key">The tag key, such as <c>browser</c>.</param>
    /// <param name="environment">Environments to count in (repeated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tag's details.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/tags/{key}/")]
    Task<IssueTag> GetTagAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        string key,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? environment = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the values of a tag on an issue's events. The schema declares no cursor for it.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The issue's id.</param>
    /// <param name="key">The tag key, such as <c>browser</c>.</param>
    /// <param name="sort"><c>date</c> (last seen), <c>age</c> (first seen), <c>count</c> (times seen) or <c>id</c> (default); always descending, without a <c>-</c> prefix (Sentry ignores a prefixed value and sorts by id).</param>
    /// <param name="environment">Environments to count in (repeated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The values.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/tags/{key}/values/")]
    Task<List<IssueTagValue>> ListTagValuesAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        string key,
        [Query] string? sort = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? environment = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists a project's issues (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="query">Sentry search syntax; <see langword="null"/> for Sentry's default <c>is:unresolved</c>.</param>
    /// <param name="statsPeriod"><c>24h</c>, <c>14d</c> or empty.</param>
    /// <param name="shortIdLookup"><c>true</c> to also find issues by short id.</param>
    /// <param name="hashes">Hashes of the issues to return (not with <paramref name="query"/>).</param>
    /// <param name="sort">The sort order.</param>
    /// <param name="limit">Issues per page (at most 100).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/issues/")]
    Task<IApiResponse<List<Issue>>> ListForProjectAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [Query] string? cursor = null,
        [Query] string? query = null,
        [Query] string? statsPeriod = null,
        [Query] string? shortIdLookup = null,
        [Query] string? hashes = null,
        [Query] string? sort = null,
        [Query] int? limit = null,
        CancellationToken cancellationToken = default);

    /// <summary>Changes many issues of a project at once.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="update">The changes.</param>
    /// <param name="id">The issue ids (repeated; at most 100).</param>
    /// <param name="status">Limits the change to issues with this status.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changes Sentry applied (200), or no content (204).</returns>
    [Put("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/issues/")]
    Task<IApiResponse<IssueBulkUpdateResult>> BulkUpdateInProjectAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [Body] ProjectIssueBulkUpdate update,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? id = null,
        [Query] string? status = null,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes many issues of a project at once.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="id">The issue ids (repeated; at most 100). Without ids Sentry deletes up to 1000 issues.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    [Delete("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/issues/")]
    Task BulkDeleteInProjectAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? id = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists an issue's notes (comments), newest first (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The issue's id.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers; each note is an activity of type <c>note</c> whose data holds the text.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/notes/")]
    Task<IApiResponse<List<IssueActivity>>> ListNotesAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        [Query] string? cursor = null,
        CancellationToken cancellationToken = default);

    /// <summary>Adds a note (comment) to an issue.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The issue's id.</param>
    /// <param name="note">The text (markdown) and who it mentions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The note as an activity of type <c>note</c>.</returns>
    [Post("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/notes/")]
    Task<IssueActivity> AddNoteAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        [Body] IssueNoteCreate note,
        CancellationToken cancellationToken = default);
}
