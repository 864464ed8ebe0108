using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sentry.Management;

/// <summary>A new issue alert rule, or the full new state of one (Sentry's PUT replaces the rule).</summary>
public sealed class IssueAlertRuleRequest
{
    /// <summary>The name (required, at most 256 characters).</summary>
    public required string Name { get; set; }

    /// <summary>Minimum minutes between two runs of the actions for one issue (5 to 43200).</summary>
    public required int Frequency { get; set; }

    /// <summary>How many conditions must match.</summary>
    public required AlertRuleMatch ActionMatch { get; set; }

    /// <summary>How many filters must match.</summary>
    public AlertRuleMatch? FilterMatch { get; set; }

    /// <summary>The conditions (required; may be empty).</summary>
    public required IReadOnlyList<IssueAlertRuleComponent> Conditions { get; set; }

    /// <summary>The filters.</summary>
    public IReadOnlyList<IssueAlertRuleComponent>? Filters { get; set; }

    /// <summary>The actions (required).</summary>
    public required IReadOnlyList<IssueAlertRuleComponent> Actions { get; set; }

    /// <summary>The environment; <see langword="null"/> for all.</summary>
    public string? Environment { get; set; }

    /// <summary>The owner: <c>user:&lt;id&gt;</c> or <c>team:&lt;id&gt;</c>.</summary>
    public string? Owner { get; set; }
}

/// <summary>A new metric alert rule, or the full new state of one (Sentry's PUT replaces the rule).</summary>
public sealed class MetricAlertRuleRequest
{
    /// <summary>The name (required).</summary>
    public required string Name { get; set; }

    /// <summary>The aggregate, such as <c>count()</c>.</summary>
    public required string Aggregate { get; set; }

    /// <summary>The window in minutes: 1, 5, 10, 15, 30, 60, 120, 240 or 1440.</summary>
    public required int TimeWindow { get; set; }

    /// <summary>The project slugs to watch.</summary>
    public required IReadOnlyList<string> Projects { get; set; }

    /// <summary>The event filter in Sentry search syntax (empty for all).</summary>
    public required string Query { get; set; }

    /// <summary>0 fires above the threshold, 1 below.</summary>
    public required int ThresholdType { get; set; }

    /// <summary>The triggers (at least a <c>critical</c> one).</summary>
    public required IReadOnlyList<MetricAlertTriggerRequest> Triggers { get; set; }

    /// <summary>The environment; <see langword="null"/> for all.</summary>
    public string? Environment { get; set; }

    /// <summary>The dataset, such as <c>events</c>, <c>transactions</c> or <c>metrics</c>.</summary>
    public string? Dataset { get; set; }

    /// <summary>The query type: 0 errors, 1 performance, 2 crash rate.</summary>
    public int? QueryType { get; set; }

    /// <summary>Event types, such as <c>error</c> or <c>default</c>.</summary>
    public IReadOnlyList<string>? EventTypes { get; set; }

    /// <summary>For a change alert, the comparison period in minutes.</summary>
    public int? ComparisonDelta { get; set; }

    /// <summary>The value at which it resolves.</summary>
    public double? ResolveThreshold { get; set; }

    /// <summary>The owner: <c>user:&lt;id&gt;</c> or <c>team:&lt;id&gt;</c>.</summary>
    public string? Owner { get; set; }
}

/// <summary>A trigger of a metric alert rule.</summary>
public sealed class MetricAlertTriggerRequest
{
    /// <summary><c>critical</c> or <c>warning</c>.</summary>
    public required string Label { get; set; }

    /// <summary>The value that fires it.</summary>
    public required double AlertThreshold { get; set; }

    /// <summary>The value that resolves it.</summary>
    public double? ResolveThreshold { get; set; }

    /// <summary>The actions (may be empty).</summary>
    public IReadOnlyList<MetricAlertActionRequest> Actions { get; set; } = [];
}

/// <summary>An action of a metric alert trigger.</summary>
public sealed class MetricAlertActionRequest
{
    /// <summary>The kind, such as <c>email</c>, <c>slack</c> or <c>pagerduty</c>.</summary>
    public required string Type { get; set; }

    /// <summary><c>user</c>, <c>team</c>, <c>specific</c> or <c>sentry_app</c>.</summary>
    public required string TargetType { get; set; }

    /// <summary>The target: a user or team id, a channel name…</summary>
    public string? TargetIdentifier { get; set; }

    /// <summary>The integration's id (Slack, PagerDuty…).</summary>
    public string? IntegrationId { get; set; }

    /// <summary>The Sentry app's id.</summary>
    public string? SentryAppId { get; set; }

    /// <summary>The channel id, when known (skips Sentry's asynchronous lookup).</summary>
    public string? InputChannelId { get; set; }
}

/// <summary>A new workflow, or its new state.</summary>
public sealed class WorkflowRequest
{
    /// <summary>The name (required).</summary>
    public required string Name { get; set; }

    /// <summary>Whether it runs (Sentry's default is on).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The detectors it listens to.</summary>
    [JsonPropertyName("detector_ids")]
    public IReadOnlyList<long>? DetectorIds { get; set; }

    /// <summary>Settings such as <c>frequency</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Config { get; set; }

    /// <summary>The environment; <see langword="null"/> for all.</summary>
    public string? Environment { get; set; }

    /// <summary>What starts it.</summary>
    public ConditionGroupRequest? Triggers { get; set; }

    /// <summary>Filters with their actions, each an object as Sentry's schema describes it.</summary>
    [JsonPropertyName("action_filters")]
    public IReadOnlyList<JsonElement>? ActionFilters { get; set; }

    /// <summary>The owner: <c>user:&lt;id&gt;</c> or <c>team:&lt;id&gt;</c>.</summary>
    public string? Owner { get; set; }
}

/// <summary>A new detector, or its new state.</summary>
public sealed class DetectorRequest
{
    /// <summary>The name (required, at most 200 characters).</summary>
    public required string Name { get; set; }

    /// <summary>The type, such as <c>metric_issue</c> (required).</summary>
    public required string Type { get; set; }

    /// <summary>The description.</summary>
    public string? Description { get; set; }

    /// <summary>Workflows to connect.</summary>
    [JsonPropertyName("workflow_ids")]
    public IReadOnlyList<long>? WorkflowIds { get; set; }

    /// <summary>What it watches, each an object as Sentry's schema describes it.</summary>
    [JsonPropertyName("data_sources")]
    public IReadOnlyList<JsonElement>? DataSources { get; set; }

    /// <summary>Type-specific settings.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Config { get; set; }

    /// <summary>The conditions that open an issue.</summary>
    [JsonPropertyName("condition_group")]
    public ConditionGroupRequest? ConditionGroup { get; set; }

    /// <summary>The owner: <c>user:&lt;id&gt;</c> or <c>team:&lt;id&gt;</c>.</summary>
    public string? Owner { get; set; }

    /// <summary>Whether it runs.</summary>
    public bool? Enabled { get; set; }
}

/// <summary>A group of conditions, as sent to Sentry.</summary>
public sealed class ConditionGroupRequest
{
    /// <summary>The id of an existing group, to change it in place.</summary>
    public long? Id { get; set; }

    /// <summary>How conditions combine: <c>any</c>, <c>any-short</c>, <c>all</c> or <c>none</c>.</summary>
    [JsonPropertyName("logic_type")]
    public required string LogicType { get; set; }

    /// <summary>The conditions, each an object as Sentry's schema describes it (<c>type</c>, <c>comparison</c>, <c>conditionResult</c>).</summary>
    public IReadOnlyList<JsonElement>? Conditions { get; set; }
}

/// <summary>Turns workflows or detectors on or off in bulk.</summary>
public sealed class EnabledUpdate
{
    /// <summary>Whether they run.</summary>
    public required bool Enabled { get; set; }
}
