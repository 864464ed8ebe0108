using System.Text.Json;
using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>A Sentry issue (a "group" in Sentry's code): events grouped by fingerprint.</summary>
public sealed class Issue : SentryModel
{
    /// <summary>The numeric id, as a string.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The readable id such as <c>PUMP-STATION-1</c>.</summary>
    public string? ShortId { get; set; }

    /// <summary>The title, usually the exception type and message.</summary>
    public string? Title { get; set; }

    /// <summary>Where the issue happened (function or transaction).</summary>
    public string? Culprit { get; set; }

    /// <summary>The issue's page in Sentry.</summary>
    public Uri? Permalink { get; set; }

    /// <summary>The logger name, if the events had one.</summary>
    public string? Logger { get; set; }

    /// <summary>The level, such as <c>error</c>.</summary>
    public IssueLevel? Level { get; set; }

    /// <summary>The status, such as <c>unresolved</c>.</summary>
    public IssueStatus? Status { get; set; }

    /// <summary>The substatus, such as <c>ongoing</c> or <c>archived_until_escalating</c>.</summary>
    public IssueSubstatus? Substatus { get; set; }

    /// <summary>Details of the resolution or archival (until when, in which release).</summary>
    public IssueStatusDetails? StatusDetails { get; set; }

    /// <summary>The priority, such as <c>medium</c>.</summary>
    public IssuePriority? Priority { get; set; }

    /// <summary>When the priority was set by hand (and no longer changes automatically).</summary>
    public DateTimeOffset? PriorityLockedAt { get; set; }

    /// <summary>Whether the issue is shared publicly.</summary>
    public bool? IsPublic { get; set; }

    /// <summary>The id of the public share link.</summary>
    public string? ShareId { get; set; }

    /// <summary>The platform, such as <c>python</c>.</summary>
    [JsonConverter(typeof(RepeatedStringConverter))]
    public string? Platform { get; set; }

    /// <summary>The project the issue belongs to.</summary>
    public IssueProject? Project { get; set; }

    /// <summary>The event type the issue groups, such as <c>default</c> or <c>error</c>.</summary>
    [JsonConverter(typeof(RepeatedStringConverter))]
    public string? Type { get; set; }

    /// <summary>The issue type, such as <c>error</c> or <c>performance_n_plus_one_db_queries</c>.</summary>
    [JsonConverter(typeof(RepeatedStringConverter))]
    public string? IssueType { get; set; }

    /// <summary>The issue category, such as <c>error</c> or <c>performance</c>.</summary>
    [JsonConverter(typeof(RepeatedStringConverter))]
    public string? IssueCategory { get; set; }

    /// <summary>Title, type, value and location data Sentry derived from the events.</summary>
    public IssueMetadata? Metadata { get; set; }

    /// <summary>The number of comments.</summary>
    public int? NumComments { get; set; }

    /// <summary>Who the issue is assigned to; <see langword="null"/> when nobody.</summary>
    public IssueAssignee? AssignedTo { get; set; }

    /// <summary>Whether the current user bookmarked it.</summary>
    public bool? IsBookmarked { get; set; }

    /// <summary>Whether the current user is subscribed to it.</summary>
    public bool? IsSubscribed { get; set; }

    /// <summary>Why the current user is subscribed, or not.</summary>
    public IssueSubscriptionDetails? SubscriptionDetails { get; set; }

    /// <summary>Whether the current user has seen it.</summary>
    public bool? HasSeen { get; set; }

    /// <summary>Whether its events were all unhandled errors.</summary>
    public bool? IsUnhandled { get; set; }

    /// <summary>The number of events, as a string (it can exceed 32 bits).</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Count { get; set; }

    /// <summary>The number of affected users.</summary>
    public long? UserCount { get; set; }

    /// <summary>When the first event was seen.</summary>
    public DateTimeOffset? FirstSeen { get; set; }

    /// <summary>When the last event was seen.</summary>
    public DateTimeOffset? LastSeen { get; set; }

    /// <summary>Event counts over time, by period (such as <c>24h</c>): arrays of <c>[timestamp, count]</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Stats { get; set; }

    /// <summary>Counts over the issue's whole life (when not collapsed).</summary>
    public IssueCounts? Lifetime { get; set; }

    /// <summary>Counts within the query's filters (when not collapsed).</summary>
    public IssueCounts? Filtered { get; set; }

    /// <summary>Recent activity (detail answer only).</summary>
    public IReadOnlyList<IssueActivity>? Activity { get; set; }

    /// <summary>Tag keys seen on the issue's events (detail answer only).</summary>
    public IReadOnlyList<IssueTag>? Tags { get; set; }

    /// <summary>The number of user feedback reports (detail answer only).</summary>
    public int? UserReportCount { get; set; }

    /// <summary>The first release the issue was seen in (detail answer only).</summary>
    public IssueRelease? FirstRelease { get; set; }

    /// <summary>The last release the issue was seen in (detail answer only).</summary>
    public IssueRelease? LastRelease { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Issue {ShortId ?? Id} ({Status})";
}
