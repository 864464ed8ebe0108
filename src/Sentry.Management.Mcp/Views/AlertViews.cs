using System.Globalization;
using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;

namespace Sentry.Management.Mcp.Views;

/// <summary>Issue alert rules and metric alert rules as markdown lines and structured objects.</summary>
internal static class AlertViews
{
    public static readonly JsonObject RuleSchema = JsonSchemas.Object(
        "kind:string", "id:string", "name:string", "status:string", "environment:string", "projects:array", "conditions:array", "filters:array",
        "actions:array", "actionMatch:string", "frequency:integer", "aggregate:string", "query:string", "timeWindow:number", "triggers:array");

    public static string Line(IssueAlertRule r) =>
        $"- issue rule **{r.Name}** (id {r.Id}) when {r.ActionMatch?.Value ?? "all"} of [{string.Join(", ", (r.Conditions ?? []).Select(Short))}] "
        + $"then [{string.Join(", ", (r.Actions ?? []).Select(Short))}], environment {Format.Or(r.Environment, "any")}";

    public static JsonObject Json(IssueAlertRule r) => new()
    {
        ["kind"] = "issue",
        ["id"] = r.Id,
        ["name"] = r.Name,
        ["status"] = r.Status,
        ["environment"] = r.Environment,
        ["projects"] = new JsonArray([.. (r.Projects ?? []).Select(p => (JsonNode?)p)]),
        ["conditions"] = Components(r.Conditions),
        ["filters"] = Components(r.Filters),
        ["actions"] = Components(r.Actions),
        ["actionMatch"] = r.ActionMatch?.Value,
        ["frequency"] = r.Frequency,
    };

    public static string Line(MetricAlertRule r) =>
        $"- metric alert **{r.Name}** (id {r.Id}): {r.Aggregate} over {Format.Number(r.TimeWindow)} min where `{r.Query}`, triggers: "
        + string.Join(", ", (r.Triggers ?? []).Select(t => $"{t.Label} {(r.ThresholdType == 1 ? "<" : ">")} {Format.Number(t.AlertThreshold)}"));

    public static JsonObject Json(MetricAlertRule r)
    {
        var triggers = new JsonArray();
        foreach (var trigger in r.Triggers ?? [])
        {
            triggers.Add((JsonNode)new JsonObject
            {
                ["label"] = trigger.Label,
                ["alertThreshold"] = trigger.AlertThreshold,
                ["resolveThreshold"] = trigger.ResolveThreshold,
                ["actions"] = new JsonArray([.. (trigger.Actions ?? []).Select(a => (JsonNode?)$"{a.Type}:{a.TargetType}:{a.TargetIdentifier}")]),
            });
        }

        return new JsonObject
        {
            ["kind"] = "metric",
            ["id"] = r.Id,
            ["name"] = r.Name,
            ["environment"] = r.Environment,
            ["projects"] = new JsonArray([.. (r.Projects ?? []).Select(p => (JsonNode?)p)]),
            ["aggregate"] = r.Aggregate,
            ["query"] = r.Query,
            ["timeWindow"] = r.TimeWindow,
            ["triggers"] = triggers,
        };
    }

    private static string Short(IssueAlertRuleComponent component)
    {
        var id = component.Id ?? "?";
        var name = id[(id.LastIndexOf('.') + 1)..];
        return component.GetText("interval") is { } interval
            ? string.Create(CultureInfo.InvariantCulture, $"{name}({component.GetText("value")} in {interval})")
            : name;
    }

    private static JsonArray Components(IReadOnlyList<IssueAlertRuleComponent>? components)
    {
        var array = new JsonArray();
        foreach (var component in components ?? [])
        {
            var item = new JsonObject { ["id"] = component.Id };
            foreach (var (key, value) in component.AdditionalProperties ?? new Dictionary<string, System.Text.Json.JsonElement>())
            {
                item[key] = JsonNode.Parse(value.GetRawText());
            }

            array.Add((JsonNode)item);
        }

        return array;
    }
}
