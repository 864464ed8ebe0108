using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sentry.Management;

/// <summary>
/// One issue alert rule, described once in Sentry's vocabulary (triggers, filters, actions, match, frequency,
/// environment) and created with either alert API: as a workflow on the project's default detector, or as a legacy
/// project rule. Build one with <see cref="Create"/>; create it with <see cref="IssueAlertRulesClient.EnsureAsync"/>.
/// </summary>
public sealed class AlertRule
{
    internal AlertRule(AlertRuleBuilder builder)
    {
        Name = builder.Name;
        Triggers = [.. builder.Triggers];
        Filters = [.. builder.Filters];
        Actions = [.. builder.Actions];
        TriggerMatch = builder.TriggerMatch;
        FilterMatch = builder.FilterMatch;
        FrequencyMinutes = builder.FrequencyMinutes;
        Environment = builder.Environment;
        Owner = builder.Owner;
    }

    /// <summary>The name; a rule of this name on the project is the same rule (found, and updated when it differs).</summary>
    public string Name { get; }

    /// <summary>What starts it.</summary>
    public IReadOnlyList<AlertTrigger> Triggers { get; }

    /// <summary>What the issue or event must also match.</summary>
    public IReadOnlyList<AlertFilter> Filters { get; }

    /// <summary>What it does.</summary>
    public IReadOnlyList<AlertAction> Actions { get; }

    /// <summary>How many triggers must fire: all, any or none.</summary>
    public AlertRuleMatch TriggerMatch { get; }

    /// <summary>How many filters must match: all, any or none.</summary>
    public AlertRuleMatch FilterMatch { get; }

    /// <summary>The least minutes between two runs of the actions for one issue.</summary>
    public int FrequencyMinutes { get; }

    /// <summary>The environment it applies to; <see langword="null"/> for all.</summary>
    public string? Environment { get; }

    /// <summary>The owner, <c>team:ID</c> or <c>user:ID</c>.</summary>
    public string? Owner { get; }

    /// <summary>Starts describing a rule.</summary>
    /// <param name="name">Its name (at most 256 characters).</param>
    /// <returns>The builder.</returns>
    public static AlertRuleBuilder Create(string name) => new(name);

    /// <summary>The legacy project rule body (<c>POST /projects/{org}/{project}/rules/</c>).</summary>
    /// <param name="slackIntegrationIds">The resolved integration id per Slack workspace, keyed by <see cref="AlertJson.WorkspaceKey"/>.</param>
    internal IssueAlertRuleRequest ToLegacyRequest(IReadOnlyDictionary<string, string> slackIntegrationIds) => new()
    {
        Name = Name,
        Frequency = FrequencyMinutes,
        ActionMatch = TriggerMatch,
        FilterMatch = FilterMatch,
        Environment = Environment,
        Owner = Owner,
        Conditions = [.. Triggers.Select(t => t.ToLegacy())],
        Filters = [.. Filters.Select(f => f.ToLegacy())],
        Actions = [.. Actions.Select(a => a.ToLegacy(SlackId(a, slackIntegrationIds)))],
    };

    /// <summary>
    /// The workflow body (<c>POST /organizations/{org}/workflows/</c>), laid out as Sentry's own migration of legacy rules
    /// lays it out: the triggers in <c>triggers</c>, the filters in one action filter that carries every action.
    /// </summary>
    internal WorkflowRequest ToWorkflowRequest(long detectorId, IReadOnlyDictionary<string, string> slackIntegrationIds)
    {
        var filter = new JsonObject
        {
            ["logicType"] = LogicType(FilterMatch),
            ["conditions"] = new JsonArray([.. Filters.Select(f => (JsonNode)f.ToWorkflow())]),
            ["actions"] = new JsonArray([.. Actions.Select(a => (JsonNode)a.ToWorkflow(SlackId(a, slackIntegrationIds)))]),
        };
        return new WorkflowRequest
        {
            Name = Name,
            DetectorIds = [detectorId],
            Environment = Environment,
            Owner = Owner,
            Config = new Dictionary<string, JsonElement> { ["frequency"] = AlertJson.Element(FrequencyMinutes) },
            Triggers = new ConditionGroupRequest
            {
                LogicType = LogicType(TriggerMatch),
                Conditions = [.. Triggers.Select(t => AlertJson.Element(t.ToWorkflow()))],
            },
            ActionFilters = [AlertJson.Element(filter)],
        };
    }

    /// <summary>The workflow engine's logic type: "any" short-circuits there (<c>any-short</c>), as Sentry's migration maps it.</summary>
    internal static string LogicType(AlertRuleMatch match) => match == AlertRuleMatch.Any ? "any-short" : match.Value;

    private static string? SlackId(AlertAction action, IReadOnlyDictionary<string, string> ids) =>
        action.IsSlack ? ids[AlertJson.WorkspaceKey(action.SlackWorkspace)] : null;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: when {string.Join($" {TriggerMatch} ", Triggers)}"
        + (Filters.Count == 0 ? string.Empty : $", if {string.Join($" {FilterMatch} ", Filters)}")
        + $", then {string.Join(" and ", Actions)} (at most every {FrequencyMinutes} min"
        + (Environment is null ? ")" : $", in {Environment})");
}
