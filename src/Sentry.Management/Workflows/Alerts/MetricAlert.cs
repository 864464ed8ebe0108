using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sentry.Management;

/// <summary>
/// A metric threshold, described once: what is measured (error count, crash-free session or user rate, or any
/// aggregate), over which window, above or below which warning and critical levels, and what each level does. Created
/// as a detector plus the workflow that acts on its issues (workflow engine), or as a legacy metric alert rule.
/// Start with <see cref="ErrorCount"/>, <see cref="CrashFreeSessionRate"/>, <see cref="CrashFreeUserRate"/> or <see cref="Custom"/>.
/// </summary>
public sealed class MetricAlert
{
    internal MetricAlert(MetricAlertBuilder b)
    {
        Name = b.Name;
        Aggregate = b.Aggregate;
        Dataset = b.Dataset;
        QueryType = b.QueryType;
        EventTypes = b.EventTypes;
        Query = b.QueryText;
        Environment = b.Environment;
        WindowMinutes = b.EffectiveWindow;
        Direction = b.Direction;
        Critical = b.CriticalLevel!;
        Warning = b.WarningLevel;
        ResolveThreshold = b.Resolve;
    }

    /// <summary>The name; a detector or rule of this name on the project is the same alert.</summary>
    public string Name { get; }

    /// <summary>The aggregate, such as <c>count()</c>.</summary>
    public string Aggregate { get; }

    /// <summary>The dataset, such as <c>events</c> or <c>metrics</c>.</summary>
    public string Dataset { get; }

    /// <summary>Sentry's query type: 0 errors, 1 performance, 2 crash rate.</summary>
    public int QueryType { get; }

    /// <summary>The event types counted (<c>error</c>, <c>default</c>), for error datasets.</summary>
    public IReadOnlyList<string>? EventTypes { get; }

    /// <summary>The event filter in Sentry search syntax (empty for all).</summary>
    public string Query { get; }

    /// <summary>The environment; <see langword="null"/> for all.</summary>
    public string? Environment { get; }

    /// <summary>The window the aggregate covers, in minutes.</summary>
    public int WindowMinutes { get; }

    /// <summary>Whether it fires above or below the thresholds.</summary>
    public MetricDirection Direction { get; }

    /// <summary>The critical level and its actions.</summary>
    public MetricThreshold Critical { get; }

    /// <summary>The warning level and its actions, if any.</summary>
    public MetricThreshold? Warning { get; }

    /// <summary>The value at which it resolves; <see langword="null"/> for the lowest level's own threshold.</summary>
    public double? ResolveThreshold { get; }

    /// <summary>Counts error events (<c>count()</c> on <c>events</c>, error and default types).</summary>
    /// <param name="name">The alert's name.</param>
    /// <returns>The builder, firing above the thresholds.</returns>
    public static MetricAlertBuilder ErrorCount(string name) =>
        new(name, "count()", "events", 0, ["error", "default"], MetricDirection.Above);

    /// <summary>The crash-free session rate in percent (Sentry's crash-rate aggregate on <c>metrics</c>).</summary>
    /// <param name="name">The alert's name.</param>
    /// <returns>The builder, firing below the thresholds (in percent, such as 95).</returns>
    public static MetricAlertBuilder CrashFreeSessionRate(string name) =>
        new(name, "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "metrics", 2, null, MetricDirection.Below) { WindowMinutes = 60 };

    /// <summary>The crash-free user rate in percent.</summary>
    /// <param name="name">The alert's name.</param>
    /// <returns>The builder, firing below the thresholds.</returns>
    public static MetricAlertBuilder CrashFreeUserRate(string name) =>
        new(name, "percentage(users_crashed, users) AS _crash_rate_alert_aggregate", "metrics", 2, null, MetricDirection.Below) { WindowMinutes = 60 };

    /// <summary>Any aggregate Sentry's metric alerts accept, such as <c>p95(transaction.duration)</c> on <c>transactions</c>.</summary>
    /// <param name="name">The alert's name.</param>
    /// <param name="aggregate">The aggregate.</param>
    /// <param name="dataset">The dataset.</param>
    /// <param name="queryType">0 errors, 1 performance, 2 crash rate.</param>
    /// <returns>The builder, firing above the thresholds.</returns>
    public static MetricAlertBuilder Custom(string name, string aggregate, string dataset, int queryType = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aggregate);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        ArgumentOutOfRangeException.ThrowIfNegative(queryType);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(queryType, 2);
        return new(name, aggregate, dataset, queryType, null, MetricDirection.Above);
    }

    private IEnumerable<MetricThreshold> Levels => Warning is null ? [Critical] : [Critical, Warning];

    private double Resolve => ResolveThreshold ?? (Warning ?? Critical).Threshold;

    internal IEnumerable<AlertAction> Actions => Levels.SelectMany(l => l.Actions);

    internal MetricAlertRuleRequest ToLegacyRequest(string projectSlug, IReadOnlyDictionary<string, string> slack) => new()
    {
        Name = Name,
        Aggregate = Aggregate,
        Dataset = Dataset,
        QueryType = QueryType,
        EventTypes = EventTypes,
        Query = Query,
        Environment = Environment,
        TimeWindow = WindowMinutes,
        Projects = [projectSlug],
        ThresholdType = Direction == MetricDirection.Above ? 0 : 1,
        ResolveThreshold = ResolveThreshold,
        Triggers = [.. Levels.Select(l => new MetricAlertTriggerRequest
        {
            Label = l.Label,
            AlertThreshold = l.Threshold,
            Actions = [.. l.Actions.Select(a => a.ToLegacyMetric(a.IsSlack ? slack[AlertJson.WorkspaceKey(a.SlackWorkspace)] : null))],
        })],
    };

    /// <summary>The detector: the query it runs, and the conditions that open (at high or medium priority) and resolve its issue.</summary>
    internal DetectorRequest ToDetectorRequest()
    {
        var (fire, resolve) = Direction == MetricDirection.Above ? ("gt", "lte") : ("lt", "gte");
        var conditions = Levels.Select(l => (JsonNode)Condition(fire, l.Threshold, l.Priority)).Append(Condition(resolve, Resolve, 0));
        var source = new JsonObject
        {
            ["aggregate"] = Aggregate,
            ["dataset"] = Dataset,
            ["query"] = Query,
            ["queryType"] = QueryType,
            ["timeWindow"] = WindowMinutes * 60,
        };
        if (EventTypes is not null)
        {
            source["eventTypes"] = new JsonArray([.. EventTypes.Select(t => (JsonNode)t)]);
        }

        if (Environment is not null)
        {
            source["environment"] = Environment;
        }

        return new DetectorRequest
        {
            Name = Name,
            Type = "metric_issue",
            DataSources = [AlertJson.Element(source)],
            Config = new Dictionary<string, JsonElement> { ["detectionType"] = AlertJson.Element(JsonValue.Create("static")) },
            ConditionGroup = new ConditionGroupRequest { LogicType = "any", Conditions = [.. conditions.Select(AlertJson.Element)] },
        };
    }

    /// <summary>The workflow that acts on the detector's issues: one action filter per level, on the priority (as Sentry's migration of metric alerts does).</summary>
    internal WorkflowRequest ToWorkflowRequest(long detectorId, IReadOnlyDictionary<string, string> slack) => new()
    {
        Name = Name,
        DetectorIds = [detectorId],
        Environment = Environment,
        Triggers = new ConditionGroupRequest { LogicType = "any-short", Conditions = [] },
        ActionFilters = [.. Levels.Select(l => AlertJson.Element(new JsonObject
        {
            ["logicType"] = "any-short",
            ["conditions"] = new JsonArray(AlertFilter.Condition("issue_priority_greater_or_equal", l.Priority)),
            ["actions"] = new JsonArray([.. l.Actions.Select(a => (JsonNode)a.ToWorkflow(a.IsSlack ? slack[AlertJson.WorkspaceKey(a.SlackWorkspace)] : null))]),
        }))],
    };

    private static JsonObject Condition(string type, double threshold, int priority) =>
        new() { ["type"] = type, ["comparison"] = threshold, ["conditionResult"] = priority };

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: {Aggregate} over {WindowMinutes} min {Direction.ToString().ToLowerInvariant()} "
        + string.Join(" / ", Levels.Select(l => $"{l.Label} {l.Threshold.ToString(CultureInfo.InvariantCulture)}"));
}

/// <summary>Whether a metric alert fires above or below its thresholds.</summary>
public enum MetricDirection
{
    /// <summary>Fires when the value rises above a threshold (error counts, durations).</summary>
    Above,

    /// <summary>Fires when the value falls below a threshold (crash-free rates, throughput).</summary>
    Below,
}

/// <summary>A level of a metric alert (warning or critical): its threshold and what it does.</summary>
public sealed class MetricThreshold
{
    internal MetricThreshold(string label, double threshold, int priority, IReadOnlyList<AlertAction> actions)
    {
        Label = label;
        Threshold = threshold;
        Priority = priority;
        Actions = actions;
    }

    /// <summary><c>critical</c> or <c>warning</c>.</summary>
    public string Label { get; }

    /// <summary>The value that fires it.</summary>
    public double Threshold { get; }

    /// <summary>The priority of the issue the detector opens at this level: 75 (high) for critical, 50 (medium) for warning.</summary>
    public int Priority { get; }

    /// <summary>What it does.</summary>
    public IReadOnlyList<AlertAction> Actions { get; }
}
