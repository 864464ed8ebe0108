using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>Usage stats: how many events Sentry accepted, filtered or dropped, per category, outcome and project.</summary>
public class StatsClient
{
    private readonly IStatsApi _api = null!;
    private readonly OrganizationScope _scope = null!;

    internal StatsClient(OrganizationScope scope)
    {
        _scope = scope;
        _api = scope.Api<IStatsApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected StatsClient()
    {
    }

    /// <summary>Gets an organization's event counts as grouped time series (<c>stats_v2</c>).</summary>
    /// <param name="query">What to count; <see langword="null"/> for accepted, filtered and dropped events of the last 24 hours grouped by outcome.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The grouped series.</returns>
    public virtual Task<StatsV2Result> GetAsync(StatsQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new StatsQuery();
        var organization = _scope.Slug;
        var groupBy = query.GroupBy.Count == 0 ? ["outcome"] : query.GroupBy.ToList();
        return _api.GetStatsV2Async(
            organization,
            groupBy,
            Field(query),
            Period(query),
            query.Interval,
            query.Start,
            query.End,
            QueryValues.NullIfEmpty(query.Projects),
            query.Category,
            query.Outcome,
            query.Reason,
            cancellationToken);
    }

    /// <summary>Gets an organization's event counts per project, category and outcome (<c>stats-summary</c>).</summary>
    /// <param name="query">What to count (<see cref="StatsQuery.GroupBy"/> is ignored); <see langword="null"/> for the last 24 hours.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summary.</returns>
    public virtual Task<StatsSummary> GetSummaryAsync(StatsQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new StatsQuery();
        return _api.GetStatsSummaryAsync(
            _scope.Slug,
            Field(query),
            Period(query),
            query.Interval,
            query.Start,
            query.End,
            QueryValues.NullIfEmpty(query.Projects),
            query.Category,
            query.Outcome,
            query.Reason,
            cancellationToken);
    }

    private static string Field(StatsQuery query)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Field, "query.Field");
        return query.Field;
    }

    // Sentry requires a period: a statsPeriod, or start and end; default to the last 24 hours.
    private static string? Period(StatsQuery query)
    {
        if (query.Start is null != query.End is null)
        {
            throw new ArgumentException("Set both Start and End, or neither (then StatsPeriod applies).", nameof(query));
        }

        return query.StatsPeriod ?? (query.Start is null ? "24h" : null);
    }

}
