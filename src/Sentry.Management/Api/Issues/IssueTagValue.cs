namespace Sentry.Management;

/// <summary>A value of a tag on an issue's events.</summary>
public sealed class IssueTagValue : SentryModel
{
    /// <summary>The tag key (or the value itself, on some answers).</summary>
    public string? Key { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>The value.</summary>
    public string? Value { get; set; }

    /// <summary>How many events have it.</summary>
    public long? Count { get; set; }

    /// <summary>When it was last seen.</summary>
    public DateTimeOffset? LastSeen { get; set; }

    /// <summary>When it was first seen.</summary>
    public DateTimeOffset? FirstSeen { get; set; }
}
