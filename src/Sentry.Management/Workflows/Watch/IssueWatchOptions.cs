namespace Sentry.Management;

/// <summary>What <see cref="IssuesClient.WatchAsync"/> watches and how often it asks.</summary>
public sealed class IssueWatchOptions
{
    /// <summary>The issues to watch, in Sentry search syntax (default <c>is:unresolved</c>); the watch adds its own <c>lastSeen:</c> bound.</summary>
    public string Query { get; init; } = "is:unresolved";

    /// <summary>Only issues of these projects (numeric ids).</summary>
    public IReadOnlyList<string>? Projects { get; init; }

    /// <summary>Only issues seen in these environments.</summary>
    public IReadOnlyList<string>? Environments { get; init; }

    /// <summary>Report issues new or regressed after this time; <see langword="null"/> for now. Ignored when <see cref="ResumeFrom"/> is set.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>A <see cref="IssueWatchEvent.Cursor"/> from an earlier watch: carry on from there without reporting an issue twice.</summary>
    public string? ResumeFrom { get; init; }

    /// <summary>How long to wait between two polls (default one minute; at least one second, to stay well inside Sentry's rate limits).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The clock the waits run on (tests pass a fake one); <see langword="null"/> for the management client's own (the system clock unless the client was given another).</summary>
    public TimeProvider? TimeProvider { get; init; }
}

/// <summary>Why an issue was reported by a watch.</summary>
public enum IssueWatchReason
{
    /// <summary>First seen after the watch's point in time.</summary>
    New,

    /// <summary>Regressed (resolved, then seen again) and seen after the watch's point in time.</summary>
    Regressed,
}

/// <summary>An issue a watch reports, and where to resume after it.</summary>
/// <param name="Issue">The issue as Sentry listed it.</param>
/// <param name="Reason">New or regressed.</param>
/// <param name="Cursor">Pass as <see cref="IssueWatchOptions.ResumeFrom"/> to carry on after this issue (persist it as text).</param>
public sealed record IssueWatchEvent(Issue Issue, IssueWatchReason Reason, string Cursor)
{
    /// <inheritdoc />
    public override string ToString() => $"{Reason.ToString().ToLowerInvariant()}: {Issue.ShortId ?? Issue.Id} {Issue.Title}";
}
