using System.Text.Json.Serialization;
using System.Text.Json;
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
    public string? Platform { get; set; }

    /// <summary>The project the issue belongs to.</summary>
    public IssueProject? Project { get; set; }

    /// <summary>The event type the issue groups, such as <c>default</c> or <c>error</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The issue type, such as <c>error</c> or <c>performance_n_plus_one_db_queries</c>.</summary>
    public string? IssueType { get; set; }

    /// <summary>The issue category, such as <c>error</c> or <c>performance</c>.</summary>
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

/// <summary>The project an issue belongs to, as embedded in the issue.</summary>
public sealed class IssueProject : SentryModel
{
    /// <summary>The project's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The project's slug.</summary>
    public string? Slug { get; set; }

    /// <summary>The project's name.</summary>
    public string? Name { get; set; }

    /// <summary>The project's platform.</summary>
    public string? Platform { get; set; }
}

/// <summary>Who an issue is assigned to: a user or a team.</summary>
public sealed class IssueAssignee : SentryModel
{
    /// <summary><c>user</c> or <c>team</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The user's or team's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>The user's e-mail address (users only).</summary>
    public string? Email { get; set; }
}

/// <summary>What Sentry derived from an issue's or event's data: title, exception type and value, location.</summary>
public sealed class IssueMetadata : SentryModel
{
    /// <summary>The title.</summary>
    public string? Title { get; set; }

    /// <summary>The exception type.</summary>
    public string? Type { get; set; }

    /// <summary>The exception value (message).</summary>
    public string? Value { get; set; }

    /// <summary>The file of the culprit frame.</summary>
    public string? Filename { get; set; }

    /// <summary>The function of the culprit frame.</summary>
    public string? Function { get; set; }
}

/// <summary>Details of an issue's resolution or archival.</summary>
public sealed class IssueStatusDetails : SentryModel
{
    /// <summary>Resolved in the next release.</summary>
    public bool? InNextRelease { get; set; }

    /// <summary>Resolved in this release version.</summary>
    public string? InRelease { get; set; }

    /// <summary>Resolved in a commit.</summary>
    public JsonElement? InCommit { get; set; }

    /// <summary>Archived for this many minutes.</summary>
    public int? IgnoreDuration { get; set; }

    /// <summary>Archived until it occurs this many times (in <see cref="IgnoreWindow"/> minutes).</summary>
    public int? IgnoreCount { get; set; }

    /// <summary>The window of <see cref="IgnoreCount"/>, in minutes.</summary>
    public int? IgnoreWindow { get; set; }

    /// <summary>Archived until it affects this many users (in <see cref="IgnoreUserWindow"/> minutes).</summary>
    public int? IgnoreUserCount { get; set; }

    /// <summary>The window of <see cref="IgnoreUserCount"/>, in minutes.</summary>
    public int? IgnoreUserWindow { get; set; }

    /// <summary>Archived until this time.</summary>
    public DateTimeOffset? IgnoreUntil { get; set; }

    /// <summary>Who archived or resolved it.</summary>
    public JsonElement? Actor { get; set; }
}

/// <summary>Why the current user is, or is not, subscribed to an issue.</summary>
public sealed class IssueSubscriptionDetails : SentryModel
{
    /// <summary>Whether notifications are disabled.</summary>
    public bool? Disabled { get; set; }

    /// <summary>The reason, such as <c>mentioned</c> or <c>assigned</c>.</summary>
    public string? Reason { get; set; }
}

/// <summary>Event and user counts of an issue in a scope (lifetime or filtered).</summary>
public sealed class IssueCounts : SentryModel
{
    /// <summary>The number of events, as a string.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Count { get; set; }

    /// <summary>The number of affected users.</summary>
    public long? UserCount { get; set; }

    /// <summary>When the first event was seen.</summary>
    public DateTimeOffset? FirstSeen { get; set; }

    /// <summary>When the last event was seen.</summary>
    public DateTimeOffset? LastSeen { get; set; }
}

/// <summary>An entry of an issue's activity log.</summary>
public sealed class IssueActivity : SentryModel
{
    /// <summary>The entry's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The kind of activity, such as <c>first_seen</c> or <c>set_resolved</c>.</summary>
    public string? Type { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>Kind-specific data.</summary>
    public JsonElement? Data { get; set; }

    /// <summary>Who did it; <see langword="null"/> for Sentry itself.</summary>
    public JsonElement? User { get; set; }
}

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

/// <summary>The answer to a short-id lookup (<c>PUMP-STATION-1</c> to its issue).</summary>
public sealed class IssueShortIdLookup : SentryModel
{
    /// <summary>The issue.</summary>
    public Issue? Group { get; set; }

    /// <summary>The issue's numeric id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? GroupId { get; set; }

    /// <summary>The organization's slug.</summary>
    public string? OrganizationSlug { get; set; }

    /// <summary>The project's slug.</summary>
    public string? ProjectSlug { get; set; }

    /// <summary>The short id that was looked up.</summary>
    public string? ShortId { get; set; }
}

/// <summary>What Sentry answered to a bulk issue update: the changes it applied.</summary>
public sealed class IssueBulkUpdateResult : SentryModel
{
    /// <summary>The status set.</summary>
    public IssueStatus? Status { get; set; }

    /// <summary>The substatus set.</summary>
    public IssueSubstatus? Substatus { get; set; }

    /// <summary>The status details set.</summary>
    public IssueStatusDetails? StatusDetails { get; set; }

    /// <summary>The assignee set.</summary>
    public IssueAssignee? AssignedTo { get; set; }

    /// <summary>The priority set.</summary>
    public IssuePriority? Priority { get; set; }

    /// <summary>Whether the issues were marked seen.</summary>
    public bool? HasSeen { get; set; }

    /// <summary>Whether the issues were bookmarked.</summary>
    public bool? IsBookmarked { get; set; }

    /// <summary>Whether the issues were made public.</summary>
    public bool? IsPublic { get; set; }

    /// <summary>Whether the requester was subscribed.</summary>
    public bool? IsSubscribed { get; set; }

    /// <summary>Whether the issues were marked reviewed.</summary>
    public bool? Inbox { get; set; }

    /// <summary>Whether the issues were discarded.</summary>
    public bool? Discard { get; set; }

    /// <summary>The merge that was done: parent and children ids.</summary>
    public IssueMergeResult? Merge { get; set; }

    /// <summary>The public share id, when made public.</summary>
    public string? ShareId { get; set; }

    /// <summary>Why the requester is subscribed.</summary>
    public IssueSubscriptionDetails? SubscriptionDetails { get; set; }
}

/// <summary>The result of merging issues.</summary>
public sealed class IssueMergeResult : SentryModel
{
    /// <summary>The issue the others were merged into.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Parent { get; set; }

    /// <summary>The issues merged into <see cref="Parent"/>.</summary>
    public IReadOnlyList<string>? Children { get; set; }
}
