namespace Sentry.Management;

/// <summary>What to ask the usage-stats endpoints: field, grouping, period, resolution and filters.</summary>
public sealed class StatsQuery
{
    /// <summary><c>sum(quantity)</c> (default: events, or bytes for attachments) or <c>sum(times_seen)</c>.</summary>
    public string Field { get; set; } = "sum(quantity)";

    /// <summary>The dimensions to group by for stats_v2 (<c>outcome</c>, <c>category</c>, <c>reason</c>, <c>project</c>); <c>outcome</c> when empty. The summary ignores it.</summary>
    public IList<string> GroupBy { get; } = [];

    /// <summary>Project ids to filter by; empty for all.</summary>
    public IList<string> Projects { get; } = [];

    /// <summary>The data category, such as <c>error</c>, <c>transaction</c> or <c>attachment</c>.</summary>
    public string? Category { get; set; }

    /// <summary>The outcome, such as <c>accepted</c>, <c>filtered</c> or <c>rate_limited</c>.</summary>
    public string? Outcome { get; set; }

    /// <summary>Why events were filtered or dropped.</summary>
    public string? Reason { get; set; }

    /// <summary>The period relative to now, such as <c>24h</c> or <c>14d</c>; <c>24h</c> when neither it nor <see cref="Start"/> is set.</summary>
    public string? StatsPeriod { get; set; }

    /// <summary>The start of the period (with <see cref="End"/>), instead of <see cref="StatsPeriod"/>.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>The end of the period (with <see cref="Start"/>).</summary>
    public DateTimeOffset? End { get; set; }

    /// <summary>The resolution, such as <c>1h</c> (default and minimum) or <c>1d</c>.</summary>
    public string? Interval { get; set; }
}
