using System.Text.Json.Nodes;

namespace Sentry.Management;

/// <summary>
/// What starts an alert rule: an issue seen for the first time, a regression, a reappearance, or an event frequency.
/// Each knows its legacy rule id (<c>sentry.rules.conditions.…</c>) and its workflow-engine condition type.
/// </summary>
public sealed class AlertTrigger
{
    private readonly string _legacyId;
    private readonly string _workflowType;
    private readonly int? _value;
    private readonly AlertInterval? _interval;
    private readonly AlertInterval? _comparisonInterval;

    private AlertTrigger(string legacyId, string workflowType, string description, int? value = null, AlertInterval? interval = null, AlertInterval? comparisonInterval = null)
    {
        _legacyId = legacyId;
        _workflowType = workflowType;
        Description = description;
        _value = value;
        _interval = interval;
        _comparisonInterval = comparisonInterval;
    }

    /// <summary>The issue is seen for the first time.</summary>
    public static AlertTrigger FirstSeen { get; } = new(
        "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition", "first_seen_event", "a new issue is created");

    /// <summary>The issue changes from resolved to unresolved.</summary>
    public static AlertTrigger Regression { get; } = new(
        "sentry.rules.conditions.regression_event.RegressionEventCondition", "regression_event", "the issue regresses");

    /// <summary>The issue changes from archived to escalating.</summary>
    public static AlertTrigger Reappeared { get; } = new(
        "sentry.rules.conditions.reappeared_event.ReappearedEventCondition", "reappeared_event", "the issue reappears");

    /// <summary>A readable account, such as "the issue is seen more than 100 times in 1m".</summary>
    public string Description { get; }

    /// <summary>The issue is seen more than <paramref name="count"/> times in <paramref name="interval"/>.</summary>
    /// <param name="count">The number of events (at least 1).</param>
    /// <param name="interval">The window.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static AlertTrigger EventFrequency(int count, AlertInterval interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentNullException.ThrowIfNull(interval);
        return new(IssueAlertRuleComponent.EventFrequencyCondition, "event_frequency_count", $"the issue is seen more than {count} times in {interval}", count, interval);
    }

    /// <summary>The issue's events in <paramref name="interval"/> are more than <paramref name="percent"/> % higher than in the same window <paramref name="comparedTo"/> ago.</summary>
    /// <param name="percent">The increase in percent (at least 1).</param>
    /// <param name="interval">The window.</param>
    /// <param name="comparedTo">How far back the window compared with lies (<c>5m</c> or longer).</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is below 1, or <paramref name="comparedTo"/> is one minute (Sentry has no such comparison).</exception>
    public static AlertTrigger EventFrequencyPercent(int percent, AlertInterval interval, AlertInterval comparedTo)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentNullException.ThrowIfNull(interval);
        ArgumentNullException.ThrowIfNull(comparedTo);
        if (ReferenceEquals(comparedTo, AlertInterval.OneMinute))
        {
            throw new ArgumentOutOfRangeException(nameof(comparedTo), comparedTo.Value, "Sentry compares against 5m, 15m, 1h, 1d, 1w or 30d ago, not 1m.");
        }

        return new(
            IssueAlertRuleComponent.EventFrequencyCondition,
            "event_frequency_percent",
            $"the issue's events in {interval} are more than {percent}% higher than {comparedTo} ago",
            percent,
            interval,
            comparedTo);
    }

    internal IssueAlertRuleComponent ToLegacy()
    {
        var component = new IssueAlertRuleComponent(_legacyId);
        if (_value is { } value)
        {
            component.With("value", value).With("interval", _interval!.Value);
            if (_comparisonInterval is { } comparison)
            {
                component.With("comparisonType", "percent").With("comparisonInterval", comparison.Value);
            }
        }

        return component;
    }

    internal JsonObject ToWorkflow()
    {
        JsonNode comparison = true;
        if (_value is { } value)
        {
            var fields = new JsonObject { ["interval"] = _interval!.Value, ["value"] = value };
            if (_comparisonInterval is { } compared)
            {
                fields["comparisonInterval"] = compared.Value;
            }

            comparison = fields;
        }

        return AlertFilter.Condition(_workflowType, comparison);
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}
