namespace Sentry.Management;

/// <summary>
/// What a triage does to each issue: a status change (resolve, resolve in the next release, ignore for a while or until
/// a count, unresolve), an assignment (a member by e-mail or username, a team by slug), a note, or several of these:
/// <c>IssueChange.Resolve().AndAssignTo("jane@acme.io").AndNote("fixed in #123")</c>.
/// </summary>
public sealed class IssueChange
{
    private IssueChange(IssueStatus? status, IssueStatusDetailsUpdate? details, string? description)
    {
        Status = status;
        StatusDetails = details;
        StatusDescription = description;
    }

    /// <summary>The status to set; <see langword="null"/> to leave it.</summary>
    public IssueStatus? Status { get; private init; }

    /// <summary>How to resolve or how long to ignore.</summary>
    public IssueStatusDetailsUpdate? StatusDetails { get; private init; }

    /// <summary>The member to assign, by e-mail address or username.</summary>
    public string? AssigneeMember { get; private init; }

    /// <summary>The team to assign, by slug.</summary>
    public string? AssigneeTeam { get; private init; }

    /// <summary>A note (comment) to add to each issue.</summary>
    public string? Note { get; private init; }

    internal string? StatusDescription { get; }

    /// <summary>Resolves the issues.</summary>
    /// <returns>The change.</returns>
    public static IssueChange Resolve() => new(IssueStatus.Resolved, null, "resolved");

    /// <summary>Resolves the issues in the next release (they regress if seen in a later one).</summary>
    /// <returns>The change.</returns>
    public static IssueChange ResolveInNextRelease() =>
        new(IssueStatus.Resolved, new IssueStatusDetailsUpdate { InNextRelease = true }, "resolved in next release");

    /// <summary>Reopens the issues.</summary>
    /// <returns>The change.</returns>
    public static IssueChange Unresolve() => new(IssueStatus.Unresolved, null, "unresolved");

    /// <summary>Ignores (archives) the issues for a while, or until they escalate when <paramref name="duration"/> is <see langword="null"/>.</summary>
    /// <param name="duration">How long, in whole minutes (at least one).</param>
    /// <returns>The change.</returns>
    public static IssueChange Ignore(TimeSpan? duration = null)
    {
        if (duration is not { } span)
        {
            return new(IssueStatus.Ignored, null, "ignored until escalating");
        }

        var minutes = Minutes(span, nameof(duration));
        return new(IssueStatus.Ignored, new IssueStatusDetailsUpdate { IgnoreDuration = minutes }, $"ignored for {minutes} min");
    }

    /// <summary>Ignores the issues until they occur <paramref name="count"/> more times (within <paramref name="window"/>, at most a week, when given).</summary>
    /// <param name="count">The number of events (at least one).</param>
    /// <param name="window">The window in which they must occur; <see langword="null"/> for any time.</param>
    /// <returns>The change.</returns>
    public static IssueChange IgnoreUntilCount(int count, TimeSpan? window = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int? minutes = window is { } w ? Minutes(w, nameof(window)) : null;
        if (minutes > 10080)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "Sentry's ignore window is at most a week (10080 minutes).");
        }

        return new(
            IssueStatus.Ignored,
            new IssueStatusDetailsUpdate { IgnoreCount = count, IgnoreWindow = minutes },
            minutes is null ? $"ignored until {count} more events" : $"ignored until {count} events in {minutes} min");
    }

    /// <summary>Only assigns the issues to a member.</summary>
    /// <param name="emailOrUsername">The member's e-mail address or username; resolved (and refused when unknown) before anything changes.</param>
    /// <returns>The change.</returns>
    public static IssueChange Assign(string emailOrUsername) => new IssueChange(null, null, null).AndAssignTo(emailOrUsername);

    /// <summary>Only assigns the issues to a team.</summary>
    /// <param name="teamSlug">The team's slug; resolved (and refused when unknown) before anything changes.</param>
    /// <returns>The change.</returns>
    public static IssueChange AssignToTeam(string teamSlug) => new IssueChange(null, null, null).AndAssignToTeam(teamSlug);

    /// <summary>Only adds a note to each issue.</summary>
    /// <param name="text">The note (markdown).</param>
    /// <returns>The change.</returns>
    public static IssueChange AddNote(string text) => new IssueChange(null, null, null).AndNote(text);

    /// <summary>Also assigns the issues to a member.</summary>
    /// <param name="emailOrUsername">The member's e-mail address or username.</param>
    /// <returns>A new change.</returns>
    public IssueChange AndAssignTo(string emailOrUsername)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailOrUsername);
        return new(Status, StatusDetails, StatusDescription) { AssigneeMember = emailOrUsername.Trim(), Note = Note };
    }

    /// <summary>Also assigns the issues to a team.</summary>
    /// <param name="teamSlug">The team's slug.</param>
    /// <returns>A new change.</returns>
    public IssueChange AndAssignToTeam(string teamSlug) =>
        new(Status, StatusDetails, StatusDescription) { AssigneeTeam = SentrySlug.Validate(teamSlug, nameof(teamSlug)), Note = Note };

    /// <summary>Also adds a note to each issue.</summary>
    /// <param name="text">The note (markdown).</param>
    /// <returns>A new change.</returns>
    public IssueChange AndNote(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new(Status, StatusDetails, StatusDescription) { AssigneeMember = AssigneeMember, AssigneeTeam = AssigneeTeam, Note = text };
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", new[]
    {
        StatusDescription,
        AssigneeMember is null ? null : $"assign to {AssigneeMember}",
        AssigneeTeam is null ? null : $"assign to team {AssigneeTeam}",
        Note is null ? null : "add a note",
    }.Where(p => p is not null));

    private static int Minutes(TimeSpan span, string name)
    {
        var minutes = (int)Math.Round(span.TotalMinutes);
        return minutes >= 1 ? minutes : throw new ArgumentOutOfRangeException(name, span, "At least one minute.");
    }
}
