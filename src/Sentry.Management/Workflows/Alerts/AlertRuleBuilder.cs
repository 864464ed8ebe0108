namespace Sentry.Management;

/// <summary>
/// Describes an <see cref="AlertRule"/> in a few readable lines:
/// <c>AlertRule.Create("High Error Rate Alert").WhenSeenMoreThan(100, AlertInterval.OneMinute).NotifySlack("#alerts").Build()</c>.
/// Each method checks its input at once; <see cref="Build"/> checks the whole.
/// </summary>
public sealed class AlertRuleBuilder
{
    /// <summary>Sentry's legacy bounds of <c>frequency</c>, in minutes.</summary>
    private const int MinFrequency = 5;
    private const int MaxFrequency = 43200;

    internal AlertRuleBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 256)
        {
            throw new ArgumentException($"An alert rule name has at most 256 characters; '{name[..40]}…' has {name.Length}.", nameof(name));
        }

        Name = name.Trim();
    }

    internal string Name { get; }

    internal List<AlertTrigger> Triggers { get; } = [];

    internal List<AlertFilter> Filters { get; } = [];

    internal List<AlertAction> Actions { get; } = [];

    internal AlertRuleMatch TriggerMatch { get; private set; } = AlertRuleMatch.Any;

    internal AlertRuleMatch FilterMatch { get; private set; } = AlertRuleMatch.All;

    internal int FrequencyMinutes { get; private set; } = 30;

    internal string? Environment { get; private set; }

    internal string? Owner { get; private set; }

    /// <summary>Adds a trigger.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder When(AlertTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        Triggers.Add(trigger);
        return this;
    }

    /// <summary>Triggers when an issue is seen for the first time.</summary>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder WhenFirstSeen() => When(AlertTrigger.FirstSeen);

    /// <summary>Triggers when an issue changes from resolved to unresolved.</summary>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder WhenRegressed() => When(AlertTrigger.Regression);

    /// <summary>Triggers when an archived issue escalates again.</summary>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder WhenReappeared() => When(AlertTrigger.Reappeared);

    /// <summary>Triggers when an issue is seen more than <paramref name="count"/> times in <paramref name="interval"/>.</summary>
    /// <param name="count">The number of events.</param>
    /// <param name="interval">The window.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder WhenSeenMoreThan(int count, AlertInterval interval) => When(AlertTrigger.EventFrequency(count, interval));

    /// <summary>Triggers when an issue's events in <paramref name="interval"/> are more than <paramref name="percent"/> % up on the same window <paramref name="comparedTo"/> ago.</summary>
    /// <param name="percent">The increase in percent.</param>
    /// <param name="interval">The window.</param>
    /// <param name="comparedTo">How far back the compared window lies.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder WhenSeenPercentMoreThan(int percent, AlertInterval interval, AlertInterval comparedTo) =>
        When(AlertTrigger.EventFrequencyPercent(percent, interval, comparedTo));

    /// <summary>Adds a filter.</summary>
    /// <param name="filter">The filter.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder Where(AlertFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Filters.Add(filter);
        return this;
    }

    /// <summary>Only events whose tag <paramref name="key"/> matches.</summary>
    /// <param name="key">The tag key, such as <c>release</c>.</param>
    /// <param name="match">How to compare.</param>
    /// <param name="value">The value (none for <see cref="TagMatch.IsSet"/> and <see cref="TagMatch.IsNotSet"/>).</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder WhereTag(string key, TagMatch match, string? value = null) => Where(AlertFilter.Tagged(key, match, value));

    /// <summary>Only events whose level matches.</summary>
    /// <param name="match">Equal, at least or at most.</param>
    /// <param name="level">The level.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder WhereLevel(LevelMatch match, IssueLevel level) => Where(AlertFilter.Level(match, level));

    /// <summary>Adds an action.</summary>
    /// <param name="action">The action.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder Then(AlertAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(action);
        return this;
    }

    /// <summary>Posts to a Slack channel.</summary>
    /// <param name="channel">The channel, such as <c>#alerts</c>.</param>
    /// <param name="workspace">The workspace's name, domain or integration id; <see langword="null"/> for the organization's only one.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder NotifySlack(string channel, string? workspace = null) => Then(AlertAction.Slack(channel, workspace));

    /// <summary>E-mails a team.</summary>
    /// <param name="teamId">The team's numeric id.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder EmailTeam(string teamId) => Then(AlertAction.EmailTeam(teamId));

    /// <summary>E-mails a member.</summary>
    /// <param name="userId">The user's numeric id.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder EmailMember(string userId) => Then(AlertAction.EmailMember(userId));

    /// <summary>E-mails the issue owners, or <paramref name="fallthrough"/> when there are none.</summary>
    /// <param name="fallthrough">Who gets it when the issue has no owner.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder EmailIssueOwners(EmailFallthrough fallthrough = EmailFallthrough.ActiveMembers) => Then(AlertAction.EmailIssueOwners(fallthrough));

    /// <summary>Notifies through a service (plugin), such as <c>mail</c>.</summary>
    /// <param name="service">The service's slug.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder NotifyService(string service) => Then(AlertAction.NotifyService(service));

    /// <summary>How many triggers must fire (default any).</summary>
    /// <param name="match">All, any or none.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder MatchTriggers(AlertRuleMatch match)
    {
        TriggerMatch = Known(match, nameof(match));
        return this;
    }

    /// <summary>How many filters must match (default all).</summary>
    /// <param name="match">All, any or none.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder MatchFilters(AlertRuleMatch match)
    {
        FilterMatch = Known(match, nameof(match));
        return this;
    }

    /// <summary>At most one run of the actions per issue every <paramref name="minutes"/> (default 30; 5 to 43200).</summary>
    /// <param name="minutes">The minutes between runs.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder AtMostEvery(int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, MinFrequency);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minutes, MaxFrequency);
        FrequencyMinutes = minutes;
        return this;
    }

    /// <summary>Only events of one environment.</summary>
    /// <param name="environment">The environment, such as <c>production</c>.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder InEnvironment(string environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        Environment = environment.Trim();
        return this;
    }

    /// <summary>Sets the owner.</summary>
    /// <param name="owner"><c>team:ID</c> or <c>user:ID</c>.</param>
    /// <returns>This builder.</returns>
    public AlertRuleBuilder OwnedBy(string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (!(owner.StartsWith("team:", StringComparison.Ordinal) || owner.StartsWith("user:", StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{owner}' is not an owner: use team:ID or user:ID.", nameof(owner));
        }

        Owner = owner;
        return this;
    }

    /// <summary>Checks the whole rule and builds it.</summary>
    /// <returns>The rule.</returns>
    /// <exception cref="InvalidOperationException">The rule has no trigger or no action; the message names the rule.</exception>
    public AlertRule Build()
    {
        if (Triggers.Count == 0)
        {
            throw new InvalidOperationException($"Alert rule '{Name}' has no trigger: add one with When…, such as WhenFirstSeen() or WhenSeenMoreThan(100, AlertInterval.OneHour).");
        }

        if (Actions.Count == 0)
        {
            throw new InvalidOperationException($"Alert rule '{Name}' has no action: add one such as NotifySlack(\"#alerts\") or EmailTeam(teamId).");
        }

        return new AlertRule(this);
    }

    private static AlertRuleMatch Known(AlertRuleMatch match, string name) =>
        match == AlertRuleMatch.All || match == AlertRuleMatch.Any || match == AlertRuleMatch.None
            ? match
            : throw new ArgumentException($"'{match}' is not a match: use AlertRuleMatch.All, Any or None.", name);
}
