using Refit;

namespace Sentry.Management.Api;

/// <summary>Sentry's usage-stats endpoints (event counts by outcome, category and project), as a Refit interface.</summary>
public interface IStatsApi
{
    /// <summary>Gets event counts of an organization as grouped time series (<c>stats_v2</c>).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="groupBy">The dimensions to group by (<c>outcome</c>, <c>category</c>, <c>reason</c>, <c>project</c>); sent once per value.</param>
    /// <param name="field"><c>sum(quantity)</c> (events, or bytes for attachments) or <c>sum(times_seen)</c>.</param>
    /// <param name="statsPeriod">The period relative to now, such as <c>24h</c> or <c>14d</c>; or give <paramref name="start"/> and <paramref name="end"/>.</param>
    /// <param name="interval">The resolution, such as <c>1h</c> (default and minimum) or <c>1d</c>.</param>
    /// <param name="start">The start of the period.</param>
    /// <param name="end">The end of the period (inclusive).</param>
    /// <param name="project">Project ids to filter by (<c>-1</c> for all accessible); sent once per value.</param>
    /// <param name="category">The data category, such as <c>error</c>, <c>transaction</c>, <c>attachment</c>.</param>
    /// <param name="outcome">The outcome, such as <c>accepted</c>, <c>filtered</c>, <c>rate_limited</c>.</param>
    /// <param name="reason">Why events were filtered or dropped.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The grouped series.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/stats_v2/")]
    Task<StatsV2Result> GetStatsV2Async(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query(CollectionFormat.Multi)] IEnumerable<string> groupBy,
        [Query] string field,
        [Query] string? statsPeriod = null,
        [Query] string? interval = null,
        [Query] DateTimeOffset? start = null,
        [Query] DateTimeOffset? end = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null,
        [Query] string? category = null,
        [Query] string? outcome = null,
        [Query] string? reason = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets event counts of an organization per project, category and outcome (<c>stats-summary</c>).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="field"><c>sum(quantity)</c> or <c>sum(times_seen)</c>.</param>
    /// <param name="statsPeriod">The period relative to now, such as <c>24h</c>; or give <paramref name="start"/> and <paramref name="end"/>.</param>
    /// <param name="interval">The resolution, such as <c>1h</c> or <c>1d</c>.</param>
    /// <param name="start">The start of the period.</param>
    /// <param name="end">The end of the period (inclusive).</param>
    /// <param name="project">Project ids to filter by; sent once per value.</param>
    /// <param name="category">The data category, such as <c>error</c> or <c>transaction</c>.</param>
    /// <param name="outcome">The outcome, such as <c>accepted</c>.</param>
    /// <param name="reason">Why events were filtered or dropped.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summary.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/stats-summary/")]
    Task<StatsSummary> GetStatsSummaryAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query] string field,
        [Query] string? statsPeriod = null,
        [Query] string? interval = null,
        [Query] DateTimeOffset? start = null,
        [Query] DateTimeOffset? end = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null,
        [Query] string? category = null,
        [Query] string? outcome = null,
        [Query] string? reason = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a project's event counts as <c>[timestamp, count]</c> points.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="stat"><c>received</c> (default), <c>rejected</c>, <c>blacklisted</c> or <c>generated</c>.</param>
    /// <param name="since">The start, in Unix seconds.</param>
    /// <param name="until">The end, in Unix seconds.</param>
    /// <param name="resolution"><c>10s</c>, <c>1h</c> or <c>1d</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The points.</returns>
    [Get("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/stats/")]
    Task<List<StatsPoint>> GetProjectStatsAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [Query] string? stat = null,
        [Query] long? since = null,
        [Query] long? until = null,
        [Query] string? resolution = null,
        CancellationToken cancellationToken = default);
}
