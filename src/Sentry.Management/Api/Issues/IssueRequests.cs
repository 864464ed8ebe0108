namespace Sentry.Management;

/// <summary>Changes to one issue or, in bulk, to many. Only the properties that are set are sent.</summary>
public sealed class IssueUpdate
{
    /// <summary>The new status: resolve, unresolve, archive (<c>ignored</c>) or <c>resolvedInNextRelease</c>.</summary>
    public IssueStatus? Status { get; set; }

    /// <summary>The new substatus, such as <c>archived_until_escalating</c> or <c>archived_forever</c>.</summary>
    public IssueSubstatus? Substatus { get; set; }

    /// <summary>How to resolve or until when to archive.</summary>
    public IssueStatusDetailsUpdate? StatusDetails { get; set; }

    /// <summary>
    /// The assignee: <c>user:&lt;id&gt;</c>, <c>team:&lt;id&gt;</c>, a username or an e-mail address; an empty string unassigns.
    /// </summary>
    public string? AssignedTo { get; set; }

    /// <summary>Mark as seen (or unseen) by the requester.</summary>
    public bool? HasSeen { get; set; }

    /// <summary>Bookmark or unbookmark for the requester.</summary>
    public bool? IsBookmarked { get; set; }

    /// <summary>Subscribe or unsubscribe the requester.</summary>
    public bool? IsSubscribed { get; set; }

    /// <summary>Share publicly, or stop sharing.</summary>
    public bool? IsPublic { get; set; }

    /// <summary>The new priority.</summary>
    public IssuePriority? Priority { get; set; }

    /// <summary>Mark as reviewed by the requester (removes it from the inbox).</summary>
    public bool? Inbox { get; set; }

    /// <summary>Merge the issues together (bulk updates only; all ids must go in one request).</summary>
    public bool? Merge { get; set; }

    /// <summary>Discard the issues' future events instead of updating them (bulk updates only).</summary>
    public bool? Discard { get; set; }
}

/// <summary>How to resolve an issue, or until when to archive it.</summary>
public sealed class IssueStatusDetailsUpdate
{
    /// <summary>Resolve in the next release.</summary>
    public bool? InNextRelease { get; set; }

    /// <summary>Resolve in this release version (<c>latest</c> for the latest release).</summary>
    public string? InRelease { get; set; }

    /// <summary>Resolve in this commit.</summary>
    public IssueCommitReference? InCommit { get; set; }

    /// <summary>Archive for this many minutes.</summary>
    public int? IgnoreDuration { get; set; }

    /// <summary>Archive until it occurs this many times in <see cref="IgnoreWindow"/> minutes.</summary>
    public int? IgnoreCount { get; set; }

    /// <summary>The window of <see cref="IgnoreCount"/>, in minutes (at most 10080, a week).</summary>
    public int? IgnoreWindow { get; set; }

    /// <summary>Archive until it affects this many users in <see cref="IgnoreUserWindow"/> minutes.</summary>
    public int? IgnoreUserCount { get; set; }

    /// <summary>The window of <see cref="IgnoreUserCount"/>, in minutes (at most 10080, a week).</summary>
    public int? IgnoreUserWindow { get; set; }
}

/// <summary>A commit that resolves an issue.</summary>
public sealed class IssueCommitReference
{
    /// <summary>The commit hash.</summary>
    public required string Commit { get; set; }

    /// <summary>The repository's name as Sentry knows it, such as <c>getsentry/sentry</c>.</summary>
    public required string Repository { get; set; }
}

/// <summary>Filters of an issue listing or of a bulk change by query. Unset values are not sent.</summary>
public sealed class IssueQuery
{
    /// <summary>
    /// Sentry search syntax such as <c>is:unresolved level:error message:"Network timeout"</c>; sent encoded as is.
    /// <see langword="null"/> lets Sentry apply its default (<c>is:unresolved</c>); an empty string matches all issues.
    /// </summary>
    public string? Query { get; set; }

    /// <summary>Environments to filter by.</summary>
    public IReadOnlyList<string>? Environments { get; set; }

    /// <summary>Project ids (or slugs) to filter by; <c>-1</c> for all accessible projects.</summary>
    public IReadOnlyList<string>? Projects { get; set; }

    /// <summary>The sort order.</summary>
    public IssueSort? Sort { get; set; }

    /// <summary>A relative period such as <c>24h</c> or <c>14d</c>; overrides <see cref="Start"/> and <see cref="End"/>.</summary>
    public string? StatsPeriod { get; set; }

    /// <summary>The start of an absolute period.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>The end of an absolute period.</summary>
    public DateTimeOffset? End { get; set; }

    /// <summary>The saved view whose query applies when <see cref="Query"/> is not set.</summary>
    public string? ViewId { get; set; }
}

/// <summary>Options of the organization issue listing beyond the filters.</summary>
public sealed class IssueListOptions
{
    /// <summary>The filters.</summary>
    public IssueQuery? Filter { get; set; }

    /// <summary>Issues per page (Sentry's maximum is 100).</summary>
    public int? Limit { get; set; }

    /// <summary>The stats timeline: <c>24h</c>, <c>14d</c>, <c>auto</c> or empty for none.</summary>
    public string? GroupStatsPeriod { get; set; }

    /// <summary>Also find issues by short id in the query (may ignore other filters).</summary>
    public bool? ShortIdLookup { get; set; }

    /// <summary>Extra data to include, such as <c>owners</c> or <c>inbox</c>.</summary>
    public IReadOnlyList<string>? Expand { get; set; }

    /// <summary>Data to leave out for speed, such as <c>stats</c> or <c>lifetime</c>.</summary>
    public IReadOnlyList<string>? Collapse { get; set; }
}

/// <summary>
/// Changes to many issues of one project (the older, project-level bulk endpoint). It accepts fewer fields than
/// <see cref="IssueUpdate"/>: no substatus, priority, inbox, subscription or discard. Use the organization-level bulk
/// update for those.
/// </summary>
public sealed class ProjectIssueBulkUpdate
{
    /// <summary>The new status: <c>resolved</c>, <c>unresolved</c>, <c>ignored</c> or <c>resolvedInNextRelease</c>.</summary>
    public IssueStatus? Status { get; set; }

    /// <summary>How to resolve or until when to archive.</summary>
    public IssueStatusDetailsUpdate? StatusDetails { get; set; }

    /// <summary>Archive for this many minutes.</summary>
    public int? IgnoreDuration { get; set; }

    /// <summary>The assignee: <c>user:&lt;id&gt;</c>, <c>team:&lt;id&gt;</c>, a username or an e-mail address.</summary>
    public string? AssignedTo { get; set; }

    /// <summary>Mark as seen (or unseen) by the requester.</summary>
    public bool? HasSeen { get; set; }

    /// <summary>Bookmark or unbookmark for the requester.</summary>
    public bool? IsBookmarked { get; set; }

    /// <summary>Share publicly, or stop sharing.</summary>
    public bool? IsPublic { get; set; }

    /// <summary>Merge the issues together (all ids must go in one request).</summary>
    public bool? Merge { get; set; }
}
