using System.Globalization;
using System.Text.Json.Nodes;

namespace Sentry.Management;

/// <summary>
/// What an issue or event must also match before the actions run: a tag, a level, the issue's age. Each knows its
/// legacy rule id (<c>sentry.rules.filters.…</c>) and its workflow-engine condition type.
/// </summary>
public sealed class AlertFilter
{
    private readonly Func<IssueAlertRuleComponent> _legacy;
    private readonly Func<JsonObject> _workflow;

    private AlertFilter(string description, Func<IssueAlertRuleComponent> legacy, Func<JsonObject> workflow)
    {
        Description = description;
        _legacy = legacy;
        _workflow = workflow;
    }

    /// <summary>A readable account, such as "tag release equals 1.2.3".</summary>
    public string Description { get; }

    /// <summary>The event's tag <paramref name="key"/> matches <paramref name="value"/>.</summary>
    /// <param name="key">The tag key, such as <c>release</c> or <c>environment</c>.</param>
    /// <param name="match">How to compare.</param>
    /// <param name="value">The value; required unless <paramref name="match"/> is <see cref="TagMatch.IsSet"/> or <see cref="TagMatch.IsNotSet"/>, which take none.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">The key is empty, or the value is missing or given where the match takes none.</exception>
    public static AlertFilter Tagged(string key, TagMatch match, string? value = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(match);
        if (match.TakesValue && string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"The tag filter on '{key}' ({match.Description}) needs a value.", nameof(value));
        }

        if (!match.TakesValue && value is not null)
        {
            throw new ArgumentException($"The tag filter on '{key}' ({match.Description}) takes no value, but '{value}' was given.", nameof(value));
        }

        return new(
            match.TakesValue ? $"tag {key} {match.Description} {value}" : $"tag {key} {match.Description}",
            () =>
            {
                var component = new IssueAlertRuleComponent(IssueAlertRuleComponent.TaggedEventFilter).With("key", key).With("match", match.Value);
                return value is null ? component : component.With("value", value);
            },
            () =>
            {
                var comparison = new JsonObject { ["key"] = key, ["match"] = match.Value };
                if (value is not null)
                {
                    comparison["value"] = value;
                }

                return Condition("tagged_event", comparison);
            });
    }

    /// <summary>The event's level compares with <paramref name="level"/>.</summary>
    /// <param name="match">Equal, at least or at most.</param>
    /// <param name="level">The level: fatal, error, warning, info, debug or sample.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException"><paramref name="level"/> is not one Sentry's filter knows.</exception>
    public static AlertFilter Level(LevelMatch match, IssueLevel level)
    {
        ArgumentNullException.ThrowIfNull(match);
        var number = level.Value switch
        {
            "fatal" => 50,
            "error" => 40,
            "warning" => 30,
            "info" => 20,
            "debug" => 10,
            "sample" => 0,
            _ => throw new ArgumentException($"'{level}' is not a level the filter knows: use fatal, error, warning, info, debug or sample.", nameof(level)),
        };
        return new(
            $"level {match.Description} {level}",
            () => new IssueAlertRuleComponent(IssueAlertRuleComponent.LevelFilter).With("match", match.Value).With("level", number.ToString(CultureInfo.InvariantCulture)),
            () => Condition("level", new JsonObject { ["match"] = match.Value, ["level"] = number }));
    }

    /// <summary>The issue was first seen more than <paramref name="value"/> units ago.</summary>
    /// <param name="value">How many units (at least 1).</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The filter.</returns>
    public static AlertFilter IssueOlderThan(int value, IssueAgeUnit unit) => Age("older", value, unit);

    /// <summary>The issue was first seen less than <paramref name="value"/> units ago.</summary>
    /// <param name="value">How many units (at least 1).</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The filter.</returns>
    public static AlertFilter IssueNewerThan(int value, IssueAgeUnit unit) => Age("newer", value, unit);

    private static AlertFilter Age(string comparison, int value, IssueAgeUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        var time = unit switch
        {
            IssueAgeUnit.Minute => "minute",
            IssueAgeUnit.Hour => "hour",
            IssueAgeUnit.Day => "day",
            IssueAgeUnit.Week => "week",
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Use minute, hour, day or week."),
        };
        return new(
            $"issue is {comparison} than {value} {time}(s)",
            () => new IssueAlertRuleComponent("sentry.rules.filters.age_comparison.AgeComparisonFilter")
                .With("comparison_type", comparison).With("value", value).With("time", time),
            () => Condition("age_comparison", new JsonObject { ["comparisonType"] = comparison, ["value"] = value, ["time"] = time }));
    }

    internal static JsonObject Condition(string type, JsonNode comparison) =>
        new() { ["type"] = type, ["comparison"] = comparison, ["conditionResult"] = true };

    internal IssueAlertRuleComponent ToLegacy() => _legacy();

    internal JsonObject ToWorkflow() => _workflow();

    /// <inheritdoc />
    public override string ToString() => Description;
}
