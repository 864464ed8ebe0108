namespace Sentry.Management;

/// <summary>A tag key of an issue's events, with its value counts.</summary>
public sealed class IssueTag : SentryModel
{
    /// <summary>The tag key, such as <c>browser</c>.</summary>
    public string? Key { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>The number of distinct values.</summary>
    public long? UniqueValues { get; set; }

    /// <summary>The number of events with the tag.</summary>
    public long? TotalValues { get; set; }

    /// <summary>The most frequent values (tag details only).</summary>
    public IReadOnlyList<IssueTagValue>? TopValues { get; set; }
}
