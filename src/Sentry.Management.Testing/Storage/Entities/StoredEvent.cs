namespace Sentry.Management.Testing.Storage;

/// <summary>An event or transaction as received, with the fields search and grouping need pulled out.</summary>
internal sealed class StoredEvent
{
    /// <summary>The event id, 32 lowercase hex characters.</summary>
    public required string EventId { get; set; }

    public required string ProjectId { get; set; }

    /// <summary>The issue it was grouped into; <see langword="null"/> for transactions.</summary>
    public string? GroupId { get; set; }

    /// <summary><c>error</c>, <c>default</c> or <c>transaction</c>.</summary>
    public string Type { get; set; } = "default";

    public DateTimeOffset Timestamp { get; set; }

    public DateTimeOffset Received { get; set; }

    public string Level { get; set; } = "error";

    public string? Platform { get; set; }

    public string Title { get; set; } = "";

    public string Culprit { get; set; } = "";

    public string? Message { get; set; }

    public string? Release { get; set; }

    public string? Environment { get; set; }

    /// <summary>The user's key for counting (id, e-mail, username or IP), if any.</summary>
    public string? UserKey { get; set; }

    public Dictionary<string, string> Tags { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The grouping hashes computed for it.</summary>
    public List<string> Hashes { get; set; } = [];

    /// <summary>The transaction name (transactions and events that name one).</summary>
    public string? Transaction { get; set; }

    /// <summary>The transaction's duration in milliseconds (transactions only).</summary>
    public double? DurationMs { get; set; }

    /// <summary>The payload as received, JSON.</summary>
    public required string Json { get; set; }
}
