using System.Text.Json;
using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>An alert in Sentry's workflow engine: triggers, filters with actions, and the detectors (monitors) it listens to.</summary>
public sealed class Workflow : SentryModel
{
    /// <summary>The workflow's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>The organization's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? OrganizationId { get; set; }

    /// <summary>The id of the user who created it.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? CreatedBy { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset? DateUpdated { get; set; }

    /// <summary>What starts it (first seen, regression…).</summary>
    public WorkflowConditionGroup? Triggers { get; set; }

    /// <summary>Filters, each with the actions to run when it matches.</summary>
    public IReadOnlyList<WorkflowConditionGroup>? ActionFilters { get; set; }

    /// <summary>The environment; <see langword="null"/> for all.</summary>
    public string? Environment { get; set; }

    /// <summary>Settings such as <c>frequency</c> (minutes between runs per issue).</summary>
    public IReadOnlyDictionary<string, JsonElement>? Config { get; set; }

    /// <summary>The detectors it listens to.</summary>
    public IReadOnlyList<string>? DetectorIds { get; set; }

    /// <summary>Whether it runs.</summary>
    public bool? Enabled { get; set; }

    /// <summary>When it last fired.</summary>
    public DateTimeOffset? LastTriggered { get; set; }

    /// <summary>The owner: <c>user:&lt;id&gt;</c> or <c>team:&lt;id&gt;</c>.</summary>
    public string? Owner { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Workflow {Id} ({Name})";
}

/// <summary>A group of conditions with a logic type (and, for workflow filters, the actions to run).</summary>
public sealed class WorkflowConditionGroup : SentryModel
{
    /// <summary>The group's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The organization's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? OrganizationId { get; set; }

    /// <summary>How conditions combine: <c>any</c>, <c>any-short</c>, <c>all</c> or <c>none</c>.</summary>
    public string? LogicType { get; set; }

    /// <summary>The conditions.</summary>
    public IReadOnlyList<WorkflowCondition>? Conditions { get; set; }

    /// <summary>The actions to run when the group matches.</summary>
    public IReadOnlyList<WorkflowAction>? Actions { get; set; }
}

/// <summary>A condition of a workflow or detector.</summary>
public sealed class WorkflowCondition : SentryModel
{
    /// <summary>The condition's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The type, such as <c>first_seen_event</c> or <c>event_frequency_count</c>.</summary>
    public string? Type { get; set; }

    /// <summary>What to compare with: a boolean, a number or an object, depending on the type.</summary>
    public JsonElement? Comparison { get; set; }

    /// <summary>The result when it matches: a boolean or a priority number.</summary>
    public JsonElement? ConditionResult { get; set; }
}

/// <summary>An action of a workflow: e-mail, Slack, PagerDuty…</summary>
public sealed class WorkflowAction : SentryModel
{
    /// <summary>The action's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The kind, such as <c>email</c> or <c>slack</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The integration's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? IntegrationId { get; set; }

    /// <summary>Kind-specific data.</summary>
    public JsonElement? Data { get; set; }

    /// <summary>The target (<c>targetType</c>, <c>targetIdentifier</c>, <c>targetDisplay</c>).</summary>
    public JsonElement? Config { get; set; }

    /// <summary>The status, such as <c>active</c>.</summary>
    public string? Status { get; set; }
}

/// <summary>A detector (monitor): watches data and opens issues that workflows act on.</summary>
public sealed class Detector : SentryModel
{
    /// <summary>The detector's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The project's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ProjectId { get; set; }

    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>The description.</summary>
    public string? Description { get; set; }

    /// <summary>The type, such as <c>metric_issue</c> or <c>error</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The workflows connected to it.</summary>
    public IReadOnlyList<string>? WorkflowIds { get; set; }

    /// <summary>The owner (user or team).</summary>
    public DetectorOwner? Owner { get; set; }

    /// <summary>The id of the user who created it.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? CreatedBy { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset? DateUpdated { get; set; }

    /// <summary>What it watches (such as a query subscription), each of its own shape.</summary>
    public IReadOnlyList<JsonElement>? DataSources { get; set; }

    /// <summary>The conditions that open an issue.</summary>
    public WorkflowConditionGroup? ConditionGroup { get; set; }

    /// <summary>Type-specific settings, such as <c>detectionType</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Config { get; set; }

    /// <summary>Whether it runs.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The latest issue it opened.</summary>
    public Issue? LatestGroup { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Detector {Id} ({Name})";
}

/// <summary>The owner of a detector.</summary>
public sealed class DetectorOwner : SentryModel
{
    /// <summary><c>user</c> or <c>team</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The user's or team's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>The e-mail address (users).</summary>
    public string? Email { get; set; }
}
