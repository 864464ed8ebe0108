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

    /// <summary>The items' quantity: events, sessions, log entries; bytes for attachments.</summary>
    public long Quantity { get; set; }

    /// <summary>How many items (envelope items or client-report entries) made up <see cref="Quantity"/>.</summary>
    public long TimesSeen { get; set; }
}
