using Refit;

namespace Sentry.Management.Api;

/// <summary>Sentry's sessions endpoint (release health: sessions, users, crash-free rates), as a Refit interface.</summary>
public interface ISessionsApi
{
    /// <summary>Queries session data of an organization as grouped time series.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="field">The fields (required): <c>sum(session)</c>, <c>count_unique(user)</c>, <c>crash_free_rate(session)</c>, <c>crash_free_rate(user)</c>, …; sent once per value.</param>
    /// <param name="start">The start of the period.</param>
    /// <param name="end">The end of the period.</param>
    /// <param name="environment">Environments to filter by; sent once per value.</param>
    /// <param name="statsPeriod">The period relative to now, such as <c>24h</c> or <c>14d</c>; overrides start and end.</param>
    /// <param name="project">Project ids to filter by (<c>-1</c> for all accessible); sent once per value.</param>
    /// <param name="perPage">The number of groups to return.</param>
    /// <param name="interval">The resolution, such as <c>1h</c> (default and minimum) or <c>1d</c>.</param>
    /// <param name="groupBy">The dimensions to group by: <c>project</c>, <c>release</c>, <c>environment</c>, <c>session.status</c>; sent once per value.</param>
    /// <param name="orderBy">A field to order groups by, <c>-</c> prefixed for descending, such as <c>-sum(session)</c>.</param>
    /// <param name="includeTotals"><c>0</c> to leave totals out.</param>
    /// <param name="includeSeries"><c>0</c> to leave series out.</param>
    /// <param name="query">A search query, such as <c>release:"app@1.0.0"</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The grouped series.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/sessions/")]
    Task<SessionsResult> GetAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query(CollectionFormat.Multi)] IEnumerable<string> field,
        [Query] DateTimeOffset? start = null,
        [Query] DateTimeOffset? end = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? environment = null,
        [Query] string? statsPeriod = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null,
        [Query, AliasAs("per_page")] int? perPage = null,
        [Query] string? interval = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? groupBy = null,
        [Query] string? orderBy = null,
        [Query] int? includeTotals = null,
        [Query] int? includeSeries = null,
        [Query] string? query = null,
        CancellationToken cancellationToken = default);
}
