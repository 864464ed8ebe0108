using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>Usage stats: how many events Sentry accepted, filtered or dropped, per category, outcome and project.</summary>
public class StatsClient
{
    private readonly IStatsApi _api = null!;
    private readonly ClientContext _context = null!;

    /// <summary>Creates the client over a Refit implementation of <see cref="IStatsApi"/>.</summary>
    /// <param name="api">The API to call.</param>
    /// <param name="options">The options (default organization).</param>
    public StatsClient(IStatsApi api, SentryManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _context = new ClientContext(options);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected StatsClient()
    {
    }

    /// <summary>Gets an organization's event counts as grouped time series (<c>stats_v2</c>).</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="query">What to count; <see langword="null"/> for accepted, filtered and dropped events of the last 24 hours grouped by outcome.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The grouped series.</returns>
    public virtual Task<StatsV2Result> GetAsync(string? organizationSlug = null, StatsQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new StatsQuery();
        var organization = _context.Organization(organizationSlug);
        var groupBy = query.GroupBy.Count == 0 ? ["outcome"] : query.GroupBy.ToList();
        return _api.GetStatsV2Async(
            organization,
            groupBy,
            Field(query),
            Period(query),
            query.Interval,
            query.Start,
            query.End,
            NullIfEmpty(query.Projects),
            query.Category,
            query.Outcome,
            query.Reason,
            cancellationToken);
    }

    /// <summary>Gets an organization's event counts per project, category and outcome (<c>stats-summary</c>).</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="query">What to count (<see cref="StatsQuery.GroupBy"/> is ignored); <see langword="null"/> for the last 24 hours.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summary.</returns>
    public virtual Task<StatsSummary> GetSummaryAsync(string? organizationSlug = null, StatsQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new StatsQuery();
        return _api.GetStatsSummaryAsync(
            _context.Organization(organizationSlug),
            Field(query),
            Period(query),
            query.Interval,
            query.Start,
            query.End,
            NullIfEmpty(query.Projects),
            query.Category,
            query.Outcome,
            query.Reason,
            cancellationToken);
    }

    /// <summary>Gets a project's event counts over time.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="stat"><c>received</c> (default), <c>rejected</c>, <c>blacklisted</c> or <c>generated</c>.</param>
    /// <param name="since">The start; Sentry's default when <see langword="null"/>.</param>
    /// <param name="until">The end; now when <see langword="null"/>.</param>
    /// <param name="resolution"><c>10s</c>, <c>1h</c> or <c>1d</c>; Sentry picks one when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The points, oldest first.</returns>
    public virtual async Task<IReadOnlyList<StatsPoint>> GetProjectStatsAsync(
        string? organizationSlug,
        string projectSlug,
        string? stat = null,
        DateTimeOffset? since = null,
        DateTimeOffset? until = null,
        string? resolution = null,
        CancellationToken cancellationToken = default) =>
        await _api.GetProjectStatsAsync(
            _context.Organization(organizationSlug),
            SentrySlug.Validate(projectSlug),
            stat,
            since?.ToUnixTimeSeconds(),
            until?.ToUnixTimeSeconds(),
            resolution,
            cancellationToken).ConfigureAwait(false);

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

    private static List<string>? NullIfEmpty(IList<string> values) => values.Count == 0 ? null : values.ToList();
}
