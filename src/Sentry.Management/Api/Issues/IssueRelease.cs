namespace Sentry.Management;

/// <summary>A release an issue was seen in, as embedded in the issue.</summary>
public sealed class IssueRelease : SentryModel
{
    /// <summary>The release version.</summary>
    public string? Version { get; set; }

    /// <summary>The shortened version.</summary>
    public string? ShortVersion { get; set; }

    /// <summary>When the release was created.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>When the release was released.</summary>
    public DateTimeOffset? DateReleased { get; set; }
}
