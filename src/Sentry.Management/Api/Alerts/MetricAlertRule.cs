using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>A metric alert rule: when an aggregate (such as <c>count()</c>) crosses a trigger's threshold, run its actions.</summary>
public sealed class MetricAlertRule : SentryModel
{
    /// <summary>The rule's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>The organization's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? OrganizationId { get; set; }

    /// <summary>The query type: 0 errors, 1 performance, 2 crash rate.</summary>
    public int? QueryType { get; set; }

    /// <summary>The dataset, such as <c>events</c>, <c>transactions</c> or <c>metrics</c>.</summary>
    public string? Dataset { get; set; }

    /// <summary>The event filter, in Sentry search syntax.</summary>
    public string? Query { get; set; }

    /// <summary>The aggregate, such as <c>count()</c> or <c>p95(transaction.duration)</c>.</summary>
    public string? Aggregate { get; set; }

    /// <summary>0 when it fires above the threshold, 1 when below.</summary>
    public int? ThresholdType { get; set; }

    /// <summary>The value at which it resolves.</summary>
    public double? ResolveThreshold { get; set; }

    /// <summary>The window the aggregate covers, in minutes.</summary>
    public double? TimeWindow { get; set; }

    /// <summary>The environment; <see langword="null"/> for all.</summary>
    public string? Environment { get; set; }

    /// <summary>The triggers (critical, warning) with their actions.</summary>
    public IReadOnlyList<MetricAlertTrigger>? Triggers { get; set; }

    /// <summary>The project slugs it watches.</summary>
    public IReadOnlyList<string>? Projects { get; set; }

    /// <summary>The owner: <c>user:&lt;id&gt;</c> or <c>team:&lt;id&gt;</c>.</summary>
    public string? Owner { get; set; }

    /// <summary>For a change alert, the comparison period in minutes.</summary>
    public int? ComparisonDelta { get; set; }

    /// <summary>The rule this one is a snapshot of, if any.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? OriginalAlertRuleId { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset? DateModified { get; set; }

    /// <summary>Who created it.</summary>
    public AlertRuleCreator? CreatedBy { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Metric alert rule {Id} ({Name})";
}

/// <summary>A threshold of a metric alert rule and what to do when it is crossed.</summary>
public sealed class MetricAlertTrigger : SentryModel
{
    /// <summary>The trigger's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The rule's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? AlertRuleId { get; set; }

    /// <summary><c>critical</c> or <c>warning</c>.</summary>
    public string? Label { get; set; }

    /// <summary>0 above, 1 below.</summary>
    public int? ThresholdType { get; set; }

    /// <summary>The value that fires it.</summary>
    public double? AlertThreshold { get; set; }

    /// <summary>The value that resolves it.</summary>
    public double? ResolveThreshold { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>What to do when it fires.</summary>
    public IReadOnlyList<MetricAlertAction>? Actions { get; set; }
}

/// <summary>An action of a metric alert trigger: e-mail, Slack, PagerDuty, a Sentry app…</summary>
public sealed class MetricAlertAction : SentryModel
{
    /// <summary>The action's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The trigger's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? AlertRuleTriggerId { get; set; }

    /// <summary>The kind, such as <c>email</c>, <c>slack</c> or <c>pagerduty</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The target kind: <c>user</c>, <c>team</c>, <c>specific</c> or <c>sentry_app</c>.</summary>
    public string? TargetType { get; set; }

    /// <summary>The target (user or team id, channel id…).</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? TargetIdentifier { get; set; }

    /// <summary>The channel as entered, such as <c>#alerts</c>.</summary>
    public string? InputChannelId { get; set; }

    /// <summary>The integration's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? IntegrationId { get; set; }

    /// <summary>The Sentry app's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? SentryAppId { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? DateCreated { get; set; }
}
