using System.Text.Json;
using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>An issue alert rule of a project: when conditions and filters match an issue's event, run the actions.</summary>
public sealed class IssueAlertRule : SentryModel
{
    /// <summary>The rule's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>What triggers the rule, such as <see cref="IssueAlertRuleComponent.EventFrequencyCondition"/>.</summary>
    public IReadOnlyList<IssueAlertRuleComponent>? Conditions { get; set; }

    /// <summary>What the issue must also match, such as <see cref="IssueAlertRuleComponent.TaggedEventFilter"/>.</summary>
    public IReadOnlyList<IssueAlertRuleComponent>? Filters { get; set; }

    /// <summary>What to do, such as <see cref="IssueAlertRuleComponent.NotifyEventServiceAction"/>.</summary>
    public IReadOnlyList<IssueAlertRuleComponent>? Actions { get; set; }

    /// <summary>How many conditions must match: <c>all</c>, <c>any</c> or <c>none</c>.</summary>
    public AlertRuleMatch? ActionMatch { get; set; }

    /// <summary>How many filters must match: <c>all</c>, <c>any</c> or <c>none</c>.</summary>
    public AlertRuleMatch? FilterMatch { get; set; }

    /// <summary>The minimum minutes between two runs of the actions for one issue.</summary>
    public int? Frequency { get; set; }

    /// <summary>The environment it applies to; <see langword="null"/> for all.</summary>
    public string? Environment { get; set; }

    /// <summary>The owner: <c>user:&lt;id&gt;</c> or <c>team:&lt;id&gt;</c>.</summary>
    public string? Owner { get; set; }

    /// <summary>The project slugs it belongs to.</summary>
    public IReadOnlyList<string>? Projects { get; set; }

    /// <summary>The status, such as <c>active</c> or <c>disabled</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Whether it is muted.</summary>
    public bool? Snooze { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>When it last fired.</summary>
    public DateTimeOffset? LastTriggered { get; set; }

    /// <summary>Who created it.</summary>
    public AlertRuleCreator? CreatedBy { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Issue alert rule {Id} ({Name})";
}

/// <summary>
/// A condition, filter or action of an issue alert rule: Sentry's <see cref="Id"/> (such as
/// <c>sentry.rules.conditions.event_frequency.EventFrequencyCondition</c>) plus its own fields, kept in
/// <see cref="SentryModel.AdditionalProperties"/> so every rule type, known or not, round-trips unchanged.
/// </summary>
public sealed class IssueAlertRuleComponent : SentryModel
{
    /// <summary>"The issue is seen more than <c>value</c> times in <c>interval</c>".</summary>
    public const string EventFrequencyCondition = "sentry.rules.conditions.event_frequency.EventFrequencyCondition";

    /// <summary>"The issue is seen for the first time".</summary>
    public const string FirstSeenEventCondition = "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition";

    /// <summary>"The issue changes from resolved to unresolved".</summary>
    public const string RegressionEventCondition = "sentry.rules.conditions.regression_event.RegressionEventCondition";

    /// <summary>"The event's tags match <c>key</c> <c>match</c> <c>value</c>".</summary>
    public const string TaggedEventFilter = "sentry.rules.filters.tagged_event.TaggedEventFilter";

    /// <summary>"The event's level is <c>match</c> <c>level</c>".</summary>
    public const string LevelFilter = "sentry.rules.filters.level.LevelFilter";

    /// <summary>"Send a notification via <c>service</c>" (an integration or plugin).</summary>
    public const string NotifyEventServiceAction = "sentry.rules.actions.notify_event_service.NotifyEventServiceAction";

    /// <summary>"Send an e-mail to <c>targetType</c>/<c>targetIdentifier</c>".</summary>
    public const string NotifyEmailAction = "sentry.mail.actions.NotifyEmailAction";

    /// <summary>"Send a Slack message to <c>channel</c> in <c>workspace</c>".</summary>
    public const string SlackNotifyServiceAction = "sentry.integrations.slack.notify_action.SlackNotifyServiceAction";

    /// <summary>Creates an empty component (for the serializer).</summary>
    public IssueAlertRuleComponent()
    {
    }

    /// <summary>Creates a component of a rule type; add its fields with <see cref="With(string, string)"/> and its overloads.</summary>
    /// <param name="id">Sentry's id of the rule type, such as <see cref="EventFrequencyCondition"/>.</param>
    public IssueAlertRuleComponent(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>Sentry's id of the condition, filter or action type.</summary>
    public string? Id { get; set; }

    /// <summary>Sets a text field.</summary>
    /// <param name="name">The field, as Sentry names it (such as <c>interval</c>).</param>
    /// <param name="value">The value.</param>
    /// <returns>This component.</returns>
    public IssueAlertRuleComponent With(string name, string value) => Set(name, JsonSerializer.SerializeToElement(value, AlertsJsonContext.Default.String));

    /// <summary>Sets a number field.</summary>
    /// <param name="name">The field, as Sentry names it (such as <c>value</c>).</param>
    /// <param name="value">The value.</param>
    /// <returns>This component.</returns>
    public IssueAlertRuleComponent With(string name, long value) => Set(name, JsonSerializer.SerializeToElement(value, AlertsJsonContext.Default.Int64));

    /// <summary>Sets a boolean field.</summary>
    /// <param name="name">The field, as Sentry names it.</param>
    /// <param name="value">The value.</param>
    /// <returns>This component.</returns>
    public IssueAlertRuleComponent With(string name, bool value) => Set(name, JsonSerializer.SerializeToElement(value, AlertsJsonContext.Default.Boolean));

    /// <summary>Reads a field as text (numbers give their digits); <see langword="null"/> when absent.</summary>
    /// <param name="name">The field, as Sentry names it.</param>
    /// <returns>The text.</returns>
    public string? GetText(string name) =>
        AdditionalProperties is { } fields && fields.TryGetValue(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;

    private IssueAlertRuleComponent Set(string name, JsonElement value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (string.Equals(name, "id", StringComparison.Ordinal))
        {
            throw new ArgumentException("Set the id through the Id property.", nameof(name));
        }

        AdditionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        AdditionalProperties[name] = value;
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => Id ?? string.Empty;
}

/// <summary>How many of a rule's conditions or filters must match. Values Sentry adds later read fine.</summary>
/// <param name="Value">The value as Sentry spells it.</param>
[JsonConverter(typeof(SentryEnumConverter<AlertRuleMatch>))]
public readonly record struct AlertRuleMatch(string Value) : ISentryEnum<AlertRuleMatch>
{
    /// <summary>All must match.</summary>
    public static AlertRuleMatch All { get; } = new("all");

    /// <summary>At least one must match.</summary>
    public static AlertRuleMatch Any { get; } = new("any");

    /// <summary>None may match.</summary>
    public static AlertRuleMatch None { get; } = new("none");

    /// <inheritdoc />
    public static AlertRuleMatch From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>The user who created an alert rule.</summary>
public sealed class AlertRuleCreator : SentryModel
{
    /// <summary>The user's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The user's name.</summary>
    public string? Name { get; set; }

    /// <summary>The user's e-mail address.</summary>
    public string? Email { get; set; }
}
