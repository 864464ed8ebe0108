using Refit;

namespace Sentry.Management.Api;

/// <summary>
/// Sentry's organization events endpoint (Discover / Explore) as a Refit interface: a table of event fields and
/// aggregates such as <c>count()</c> or <c>p95(span.duration)</c> over errors, spans (transactions among them) or logs.
/// </summary>
public interface IDiscoverApi
{
    /// <summary>Queries the organization's events (one page of rows).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="field">The columns: event fields (<c>title</c>, <c>release</c>) and aggregates (<c>count()</c>, <c>p95(span.duration)</c>); sent once per value, at most 20.</param>
    /// <param name="dataset">The dataset: <c>errors</c>, <c>spans</c> (transactions are spans with <c>is_transaction:true</c>), <c>logs</c>, <c>tracemetrics</c>, …</param>
    /// <param name="end">The end of an absolute period.</param>
    /// <param name="environment">Environments to include; sent once per value.</param>
    /// <param name="project">Project ids to include (<c>-1</c> for all); sent once per value.</param>
    /// <param name="start">The start of an absolute period.</param>
    /// <param name="statsPeriod">A relative period such as <c>24h</c> or <c>14d</c>.</param>
    /// <param name="perPage">Rows per page, at most 100.</param>
    /// <param name="query">Sentry search syntax, such as <c>release:1.2.3 transaction.op:http.server</c>.</param>
    /// <param name="sort">A field to sort by, <c>-</c> first for descending (it must be one of <paramref name="field"/>).</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows and their field types, with the paging headers.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/events/")]
    Task<IApiResponse<DiscoverResult>> QueryAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query(CollectionFormat.Multi)] IEnumerable<string> field,
        [Query] string dataset,
        [Query] DateTimeOffset? end = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? environment = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null,
        [Query] DateTimeOffset? start = null,
        [Query] string? statsPeriod = null,
        [Query, AliasAs("per_page")] int? perPage = null,
        [Query] string? query = null,
        [Query] string? sort = null,
        [Query] string? cursor = null,
        CancellationToken cancellationToken = default);
}
