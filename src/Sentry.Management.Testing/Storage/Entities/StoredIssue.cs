namespace Sentry.Management.Testing.Storage;

/// <summary>An issue (Sentry's "group"): the events whose grouping hash matched.</summary>
internal sealed class StoredIssue
{
    public required string Id { get; set; }

    public required string ProjectId { get; set; }

    /// <summary>The per-project counter behind the short id (<c>APP-3</c> has 3).</summary>
    public long ShortIdNumber { get; set; }

    /// <summary>The md5 grouping hashes that lead to this issue.</summary>
    public List<string> Hashes { get; set; } = [];

    public string Title { get; set; } = "<unlabeled event>";

    public string Culprit { get; set; } = "";

    public string Level { get; set; } = "error";

    /// <summary><c>unresolved</c>, <c>resolved</c> or <c>ignored</c>.</summary>
    public string Status { get; set; } = "unresolved";

    /// <summary><c>new</c>, <c>ongoing</c>, <c>regressed</c>, <c>escalating</c>, <c>archived_…</c> or none.</summary>
    public string? Substatus { get; set; } = "new";

    public string Priority { get; set; } = "high";

    /// <summary>The event type the issue groups: <c>error</c> or <c>default</c>.</summary>
    public string Type { get; set; } = "error";

    public string? Platform { get; set; }

    public string? Logger { get; set; }

    public string? MetadataType { get; set; }

    public string? MetadataValue { get; set; }

    public string? MetadataFilename { get; set; }

    public string? MetadataFunction { get; set; }

    public long Count { get; set; }

    /// <summary>The distinct users (id, e-mail, username or IP) seen on its events.</summary>
    public List<string> Users { get; set; } = [];

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    public string? FirstRelease { get; set; }

    public string? LastRelease { get; set; }

    /// <summary><c>user:{id}</c>, <c>team:{id}</c> or an e-mail or username, as the API accepts it.</summary>
    public string? AssignedTo { get; set; }

    public bool IsPublic { get; set; }

    public bool HasSeen { get; set; }

    public bool IsBookmarked { get; set; }

    public bool IsSubscribed { get; set; }

    public bool IsUnhandled { get; set; }

    public string? ResolvedInRelease { get; set; }

    public bool ResolvedInNextRelease { get; set; }

    public DateTimeOffset? IgnoreUntil { get; set; }

    public int? IgnoreCount { get; set; }

    public int? IgnoreDuration { get; set; }

    public int NumComments { get; set; }

    /// <summary>Discarded by a bulk update: hidden everywhere, and later events with its hashes are filtered.</summary>
    public bool Discarded { get; set; }

    /// <summary>When the status last changed by hand or by a regression, for the activity log.</summary>
    public List<StoredActivity> Activity { get; set; } = [];
}

/// <summary>An entry of an issue's activity log (status changes, regressions, assignment).</summary>
internal sealed class StoredActivity
{
    public required string Id { get; set; }

    public required string Type { get; set; }

    public DateTimeOffset DateCreated { get; set; }

    /// <summary>The activity's data as JSON text (an object).</summary>
    public string Data { get; set; } = "{}";
}
