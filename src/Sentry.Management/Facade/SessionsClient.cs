using System.Globalization;
using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>Release health: sessions, users and crash-free rates per release, environment and project.</summary>
public class SessionsClient
{
    private readonly ISessionsApi _api = null!;
    private readonly OrganizationScope _scope = null!;

    internal SessionsClient(OrganizationScope scope)
    {
        _scope = scope;
        _api = scope.Api<ISessionsApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected SessionsClient()
    {
    }

    /// <summary>Queries session data as grouped time series.</summary>
    /// <param name="query">What to ask (at least one field).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The grouped series.</returns>
    public virtual Task<SessionsResult> GetAsync(SessionsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Fields.Count == 0)
        {
            throw new ArgumentException("A sessions query needs at least one field, such as sum(session).", nameof(query));
        }

        return _api.GetAsync(
            _scope.Slug,
            query.Fields.ToList(),
            query.Start,
            query.End,
            QueryValues.NullIfEmpty(query.Environments),
            query.StatsPeriod,
            QueryValues.NullIfEmpty(query.Projects),
            query.PerPage,
            query.Interval,
            QueryValues.NullIfEmpty(query.GroupBy),
            query.OrderBy,
            query.IncludeTotals ? null : 0,
            query.IncludeSeries ? null : 0,
            query.Query,
            cancellationToken);
    }

    /// <summary>
    /// Gets crash-free session and user rates (and session and user counts) over a period, for one release and
    /// environment or across all of them.
    /// </summary>
    /// <param name="release">The release version; <see langword="null"/> for all releases.</param>
    /// <param name="environment">The environment; <see langword="null"/> for all environments.</param>
    /// <param name="statsPeriod">The period relative to now, such as <c>24h</c> or <c>14d</c>.</param>
    /// <param name="projects">Project ids to restrict to; <see langword="null"/> for all the token can see.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rates, as fractions from 0 to 1.</returns>
    public virtual async Task<CrashFreeRates> GetCrashFreeRatesAsync(
        string? release = null,
        string? environment = null,
        string statsPeriod = "14d",
        IEnumerable<string>? projects = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statsPeriod);
        var query = new SessionsQuery
        {
            StatsPeriod = statsPeriod,
            IncludeSeries = false, // only totals are needed, so Sentry's default interval is left in place
            Query = release is null ? null : ReleaseFilter(SentryReleaseVersion.Validate(release)),
        };
        query.Fields.Add(SessionFields.CrashFreeSessionRate);
        query.Fields.Add(SessionFields.CrashFreeUserRate);
        query.Fields.Add(SessionFields.Sessions);
        query.Fields.Add(SessionFields.Users);
        if (environment is not null)
        {
            query.Environments.Add(environment);
        }

        foreach (var project in projects ?? [])
        {
            query.Projects.Add(project);
        }

        var result = await GetAsync(query, cancellationToken).ConfigureAwait(false);

        // Without groupBy Sentry answers with a single group; an empty list means no data at all.
        var group = result.Groups is { Count: > 0 } groups ? groups[0] : null;
        return new CrashFreeRates(
            group?.Total(SessionFields.CrashFreeSessionRate),
            group?.Total(SessionFields.CrashFreeUserRate),
            group?.Total(SessionFields.Sessions),
            group?.Total(SessionFields.Users));
    }

    /// <summary>
    /// Gets crash-free rates per release over a period: the releases with the most sessions first, for a
    /// release-health table or a canary check across versions.
    /// </summary>
    /// <param name="environment">The environment; <see langword="null"/> for all environments.</param>
    /// <param name="statsPeriod">The period relative to now, such as <c>24h</c> or <c>14d</c>.</param>
    /// <param name="top">How many releases to return (the ones with most sessions), 1 to 100.</param>
    /// <param name="projects">Project ids to restrict to; <see langword="null"/> for all the token can see.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rates by release version, in Sentry's order (most sessions first).</returns>
    public virtual async Task<IReadOnlyList<KeyValuePair<string, CrashFreeRates>>> GetCrashFreeRatesByReleaseAsync(
        string? environment = null,
        string statsPeriod = "14d",
        int top = 10,
        IEnumerable<string>? projects = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statsPeriod);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(top, 100);
        var query = new SessionsQuery
        {
            StatsPeriod = statsPeriod,
            IncludeSeries = false,
            OrderBy = "-" + SessionFields.Sessions,
            PerPage = top,
        };
        query.Fields.Add(SessionFields.CrashFreeSessionRate);
        query.Fields.Add(SessionFields.CrashFreeUserRate);
        query.Fields.Add(SessionFields.Sessions);
        query.Fields.Add(SessionFields.Users);
        query.GroupBy.Add("release");
        if (environment is not null)
        {
            query.Environments.Add(environment);
        }

        foreach (var project in projects ?? [])
        {
            query.Projects.Add(project);
        }

        var result = await GetAsync(query, cancellationToken).ConfigureAwait(false);
        return (result.Groups ?? [])
            .Where(group => group.By is not null && group.By.TryGetValue("release", out var release) && release is not null)
            .Select(group => KeyValuePair.Create(
                group.By!["release"]!,
                new CrashFreeRates(
                    group.Total(SessionFields.CrashFreeSessionRate),
                    group.Total(SessionFields.CrashFreeUserRate),
                    group.Total(SessionFields.Sessions),
                    group.Total(SessionFields.Users))))
            .ToList();
    }

    /// <summary>A search filter on one release; quoted so versions with spaces, colons or quotes stay one value.</summary>
    internal static string ReleaseFilter(string release) =>
        string.Create(CultureInfo.InvariantCulture, $"release:\"{release.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"");

}
