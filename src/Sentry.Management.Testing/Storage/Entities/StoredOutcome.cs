namespace Sentry.Management.Testing.Storage;

/// <summary>
/// How many items of a data category got an outcome in one minute: accepted by ingestion, or filtered,
/// rate limited, invalid or client discarded as client reports said. stats_v2 sums these.
/// </summary>
internal sealed class StoredOutcome
{
    /// <summary>The bucket key: minute, project, category, outcome and reason.</summary>
    public required string Key { get; set; }

    public DateTimeOffset Minute { get; set; }

    public required string ProjectId { get; set; }

    /// <summary>The data category, such as <c>error</c>, <c>transaction</c>, <c>session</c> or <c>attachment</c>.</summary>
    public required string Category { get; set; }

    /// <summary><c>accepted</c>, <c>filtered</c>, <c>rate_limited</c>, <c>invalid</c>, <c>abuse</c> or <c>client_discard</c>.</summary>
    public required string Outcome { get; set; }

    public string? Reason { get; set; }

    public long Quantity { get; set; }
}
