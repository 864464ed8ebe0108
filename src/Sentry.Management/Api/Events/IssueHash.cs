namespace Sentry.Management;

/// <summary>A hash (fingerprint) an issue groups, with its latest event.</summary>
public sealed class IssueHash : SentryModel
{
    /// <summary>The hash.</summary>
    public string? Id { get; set; }

    /// <summary>The latest event with this hash.</summary>
    public Event? LatestEvent { get; set; }
}
