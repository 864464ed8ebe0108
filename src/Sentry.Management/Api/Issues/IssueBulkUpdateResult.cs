namespace Sentry.Management;

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
