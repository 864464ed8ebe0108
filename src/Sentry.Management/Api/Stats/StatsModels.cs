using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>The answer of <c>stats_v2</c>: event counts per interval, grouped by outcome, category, reason or project.</summary>
public sealed class StatsV2Result : SentryModel
{
    /// <summary>The start of the period.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>The end of the period.</summary>
    public DateTimeOffset? End { get; set; }

    /// <summary>The start of each interval of the series.</summary>
    public IReadOnlyList<DateTimeOffset>? Intervals { get; set; }

    /// <summary>The groups.</summary>
    public IReadOnlyList<StatsGroup>? Groups { get; set; }
}

/// <summary>The answer of <c>stats-summary</c>: event counts per project, category and outcome over a period.</summary>
public sealed class StatsSummary : SentryModel
{
    /// <summary>The start of the period.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>The end of the period.</summary>
    public DateTimeOffset? End { get; set; }

    /// <summary>The projects with their counts.</summary>
    public IReadOnlyList<StatsSummaryProject>? Projects { get; set; }
}

/// <summary>A project's counts in a stats summary.</summary>
public sealed class StatsSummaryProject : SentryModel
{
    /// <summary>The project's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The project's slug.</summary>
    public string? Slug { get; set; }

    /// <summary>Counts per data category.</summary>
    public IReadOnlyList<StatsSummaryCategory>? Stats { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"StatsSummaryProject {Slug}";
}

/// <summary>A project's counts of one data category in a stats summary.</summary>
public sealed class StatsSummaryCategory : SentryModel
{
    /// <summary>The data category, such as <c>error</c> or <c>transaction</c>.</summary>
    public string? Category { get; set; }

    /// <summary>Counts by outcome, such as <c>accepted</c>, <c>filtered</c>, <c>rate_limited</c>.</summary>
    public IReadOnlyDictionary<string, long?>? Outcomes { get; set; }

    /// <summary>Totals, such as <c>dropped</c> and <c>sum(quantity)</c>.</summary>
    public IReadOnlyDictionary<string, long?>? Totals { get; set; }
}
