namespace Sentry.Management;

/// <summary>A query of the organization events table: which columns, over which dataset, filtered how.</summary>
public sealed class DiscoverQuery
{
    /// <summary>The most columns Sentry accepts in one query.</summary>
    public const int MaxFields = 20;

    /// <summary>The columns: fields such as <c>title</c> or <c>release</c>, aggregates such as <c>count()</c> or <c>p95(span.duration)</c> (required, at most 20).</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>The dataset: <c>errors</c> (default), <c>spans</c> (transactions are spans with <c>is_transaction:true</c>), <c>logs</c>, …</summary>
    public string Dataset { get; init; } = "errors";

    /// <summary>Sentry search syntax, such as <c>release:1.2.3 is_transaction:true</c>.</summary>
    public string? Query { get; init; }

    /// <summary>Environments to include.</summary>
    public IReadOnlyList<string>? Environments { get; init; }

    /// <summary>Project ids to include; all accessible projects when empty.</summary>
    public IReadOnlyList<string>? Projects { get; init; }

    /// <summary>A relative period such as <c>24h</c>; or give <see cref="Start"/> and <see cref="End"/>.</summary>
    public string? StatsPeriod { get; init; }

    /// <summary>The start of an absolute period.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>The end of an absolute period.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>The column to sort by, <c>-</c> first for descending; it must be one of <see cref="Fields"/>.</summary>
    public string? Sort { get; init; }

    /// <summary>Rows per page, 1 to 100; the client's page size when <see langword="null"/>.</summary>
    public int? PerPage { get; init; }

    internal void Validate()
    {
        if (Fields is null || Fields.Count == 0 || Fields.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A Discover query needs at least one field, such as \"count()\" or \"title\", and no empty ones.", nameof(Fields));
        }

        if (Fields.Count > MaxFields)
        {
            throw new ArgumentException($"A Discover query takes at most {MaxFields} fields; it has {Fields.Count}.", nameof(Fields));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(Dataset, nameof(Dataset));
        if (Sort is { Length: > 0 } sort && !Fields.Contains(sort.TrimStart('-'), StringComparer.Ordinal))
        {
            throw new ArgumentException($"Sort '{sort}' is not one of the query's fields ({string.Join(", ", Fields)}); Sentry sorts only by a requested field.", nameof(Sort));
        }

        if (PerPage is { } perPage and (< 1 or > 100))
        {
            throw new ArgumentOutOfRangeException(nameof(PerPage), perPage, "Rows per page must be between 1 and 100.");
        }

        if (StatsPeriod is not null && (Start is not null || End is not null))
        {
            throw new ArgumentException("Give either StatsPeriod or Start and End, not both.", nameof(StatsPeriod));
        }
    }
}

/// <summary>One page of the organization events table.</summary>
/// <param name="Rows">The rows; each maps a requested field to its value.</param>
/// <param name="Meta">The columns' types and units.</param>
/// <param name="NextCursor">The cursor of the next page, or <see langword="null"/> on the last one.</param>
public sealed record DiscoverPage(IReadOnlyList<IReadOnlyDictionary<string, System.Text.Json.JsonElement>> Rows, DiscoverMeta? Meta, string? NextCursor);
