namespace Sentry.Management;

/// <summary>
/// The answer of the sessions (release health) endpoint: the intervals of the period and, per group (release,
/// environment, project or session status), the totals and series of each requested field.
/// </summary>
public sealed class SessionsResult : SentryModel
{
    /// <summary>The start of the period (aligned to the interval).</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>The end of the period.</summary>
    public DateTimeOffset? End { get; set; }

    /// <summary>The start of each interval of the series.</summary>
    public IReadOnlyList<DateTimeOffset>? Intervals { get; set; }

    /// <summary>The groups; one group with an empty <see cref="StatsGroup.By"/> when nothing was grouped.</summary>
    public IReadOnlyList<StatsGroup>? Groups { get; set; }

    /// <summary>The query Sentry applied.</summary>
    public string? Query { get; set; }
}

/// <summary>Crash-free rates over a period, as fractions from 0 to 1; <see langword="null"/> when there were no sessions.</summary>
/// <param name="CrashFreeSessions">The share of sessions that did not crash.</param>
/// <param name="CrashFreeUsers">The share of users who had no crash.</param>
/// <param name="Sessions">The number of sessions.</param>
/// <param name="Users">The number of distinct users.</param>
public sealed record CrashFreeRates(double? CrashFreeSessions, double? CrashFreeUsers, double? Sessions, double? Users);
