namespace Sentry.Management;

/// <summary>What to ask the sessions endpoint: fields, grouping, period, resolution and filters.</summary>
public sealed class SessionsQuery
{
    /// <summary>The fields (at least one), such as <see cref="SessionFields.Sessions"/> or <see cref="SessionFields.CrashFreeSessionRate"/>.</summary>
    public IList<string> Fields { get; } = [];

    /// <summary>The dimensions to group by, such as <c>release</c>, <c>environment</c>, <c>project</c> or <c>session.status</c>.</summary>
    public IList<string> GroupBy { get; } = [];

    /// <summary>Project ids to filter by; empty for all the token can see.</summary>
    public IList<string> Projects { get; } = [];

    /// <summary>Environments to filter by; empty for all.</summary>
    public IList<string> Environments { get; } = [];

    /// <summary>The period relative to now, such as <c>24h</c> or <c>14d</c>; overrides <see cref="Start"/> and <see cref="End"/>.</summary>
    public string? StatsPeriod { get; set; }

    /// <summary>The start of the period, when <see cref="StatsPeriod"/> is not set.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>The end of the period, when <see cref="StatsPeriod"/> is not set.</summary>
    public DateTimeOffset? End { get; set; }

    /// <summary>The resolution of the series, such as <c>1h</c> (default and minimum) or <c>1d</c>.</summary>
    public string? Interval { get; set; }

    /// <summary>A search query, such as <c>release:"app@1.0.0"</c>.</summary>
    public string? Query { get; set; }

    /// <summary>A field to order groups by, <c>-</c> prefixed for descending.</summary>
    public string? OrderBy { get; set; }

    /// <summary>The number of groups to return.</summary>
    public int? PerPage { get; set; }

    /// <summary>Whether to include totals (Sentry's default is yes).</summary>
    public bool IncludeTotals { get; set; } = true;

    /// <summary>Whether to include series (Sentry's default is yes).</summary>
    public bool IncludeSeries { get; set; } = true;
}

/// <summary>Field names of the sessions endpoint.</summary>
public static class SessionFields
{
    /// <summary>The number of sessions.</summary>
    public const string Sessions = "sum(session)";

    /// <summary>The number of distinct users.</summary>
    public const string Users = "count_unique(user)";

    /// <summary>The share (0 to 1) of sessions that did not crash.</summary>
    public const string CrashFreeSessionRate = "crash_free_rate(session)";

    /// <summary>The share (0 to 1) of users who had no crash.</summary>
    public const string CrashFreeUserRate = "crash_free_rate(user)";
}
