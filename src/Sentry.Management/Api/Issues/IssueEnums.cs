using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>An issue's status. Values Sentry adds later read fine and keep their text.</summary>
/// <param name="Value">The status as Sentry spells it.</param>
[JsonConverter(typeof(SentryEnumConverter<IssueStatus>))]
public readonly record struct IssueStatus(string Value) : ISentryEnum<IssueStatus>
{
    /// <summary>The issue is open.</summary>
    public static IssueStatus Unresolved { get; } = new("unresolved");

    /// <summary>The issue is resolved.</summary>
    public static IssueStatus Resolved { get; } = new("resolved");

    /// <summary>The issue is archived (ignored); see <see cref="IssueSubstatus"/> for until when.</summary>
    public static IssueStatus Ignored { get; } = new("ignored");

    /// <summary>Resolve in the next release (only sent in updates; Sentry answers <see cref="Resolved"/>).</summary>
    public static IssueStatus ResolvedInNextRelease { get; } = new("resolvedInNextRelease");

    /// <summary>An older name of <see cref="Ignored"/> that updates still accept.</summary>
    public static IssueStatus Muted { get; } = new("muted");

    /// <summary>Events of the issue are being reprocessed.</summary>
    public static IssueStatus Reprocessing { get; } = new("reprocessing");

    /// <inheritdoc />
    public static IssueStatus From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>An issue's substatus, which refines its status. Values Sentry adds later read fine and keep their text.</summary>
/// <param name="Value">The substatus as Sentry spells it.</param>
[JsonConverter(typeof(SentryEnumConverter<IssueSubstatus>))]
public readonly record struct IssueSubstatus(string Value) : ISentryEnum<IssueSubstatus>
{
    /// <summary>Archived until its event rate escalates.</summary>
    public static IssueSubstatus ArchivedUntilEscalating { get; } = new("archived_until_escalating");

    /// <summary>Archived until a count, user count or duration condition is met.</summary>
    public static IssueSubstatus ArchivedUntilConditionMet { get; } = new("archived_until_condition_met");

    /// <summary>Archived for good.</summary>
    public static IssueSubstatus ArchivedForever { get; } = new("archived_forever");

    /// <summary>Unresolved, with a rising event rate.</summary>
    public static IssueSubstatus Escalating { get; } = new("escalating");

    /// <summary>Unresolved, seen for a while.</summary>
    public static IssueSubstatus Ongoing { get; } = new("ongoing");

    /// <summary>Unresolved again after having been resolved.</summary>
    public static IssueSubstatus Regressed { get; } = new("regressed");

    /// <summary>Unresolved, first seen recently.</summary>
    public static IssueSubstatus New { get; } = new("new");

    /// <inheritdoc />
    public static IssueSubstatus From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>An issue's priority. Values Sentry adds later read fine and keep their text.</summary>
/// <param name="Value">The priority as Sentry spells it.</param>
[JsonConverter(typeof(SentryEnumConverter<IssuePriority>))]
public readonly record struct IssuePriority(string Value) : ISentryEnum<IssuePriority>
{
    /// <summary>Low priority.</summary>
    public static IssuePriority Low { get; } = new("low");

    /// <summary>Medium priority.</summary>
    public static IssuePriority Medium { get; } = new("medium");

    /// <summary>High priority.</summary>
    public static IssuePriority High { get; } = new("high");

    /// <inheritdoc />
    public static IssuePriority From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>The level of an issue or event. Values Sentry adds later read fine and keep their text.</summary>
/// <param name="Value">The level as Sentry spells it.</param>
[JsonConverter(typeof(SentryEnumConverter<IssueLevel>))]
public readonly record struct IssueLevel(string Value) : ISentryEnum<IssueLevel>
{
    /// <summary>Debug messages.</summary>
    public static IssueLevel Debug { get; } = new("debug");

    /// <summary>Informational messages.</summary>
    public static IssueLevel Info { get; } = new("info");

    /// <summary>Warnings.</summary>
    public static IssueLevel Warning { get; } = new("warning");

    /// <summary>Errors.</summary>
    public static IssueLevel Error { get; } = new("error");

    /// <summary>Fatal errors (crashes).</summary>
    public static IssueLevel Fatal { get; } = new("fatal");

    /// <summary>Issues without a level (some performance and feedback issues).</summary>
    public static IssueLevel Sample { get; } = new("sample");

    /// <inheritdoc />
    public static IssueLevel From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>The sort order of an issue listing, as the <c>sort</c> query parameter spells it.</summary>
/// <param name="Value">The sort key as Sentry spells it.</param>
[JsonConverter(typeof(SentryEnumConverter<IssueSort>))]
public readonly record struct IssueSort(string Value) : ISentryEnum<IssueSort>
{
    /// <summary>Last seen, newest first (Sentry's default).</summary>
    public static IssueSort Date { get; } = new("date");

    /// <summary>First seen, newest first.</summary>
    public static IssueSort New { get; } = new("new");

    /// <summary>Most events first.</summary>
    public static IssueSort Freq { get; } = new("freq");

    /// <summary>Most affected users first.</summary>
    public static IssueSort User { get; } = new("user");

    /// <summary>Trending first.</summary>
    public static IssueSort Trends { get; } = new("trends");

    /// <summary>Most recently added to the inbox first.</summary>
    public static IssueSort Inbox { get; } = new("inbox");

    /// <summary>Sentry's recommendation (organization listing only).</summary>
    public static IssueSort Recommended { get; } = new("recommended");

    /// <inheritdoc />
    public static IssueSort From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
