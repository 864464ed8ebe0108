using System.Text.Json;
using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;
using Sentry.Management.Mcp.Views;

namespace Sentry.Management.Mcp.Tools;

/// <summary>
/// find_alert_rules, get_alert_rule, create/update_alert_rule (issue alerts), create/update_metric_alert. The rule
/// tools call the legacy rule endpoints directly; they should switch to the workflow builder (issue 10) when it lands.
/// </summary>
internal static class AlertTools
{
    private const string IssueRuleVocabulary =
        "Components are objects with Sentry's ids: conditions (triggers) `sentry.rules.conditions.first_seen_event.FirstSeenEventCondition`, "
        + "`sentry.rules.conditions.regression_event.RegressionEventCondition`, `sentry.rules.conditions.reappeared_event.ReappearedEventCondition`, "
        + "`sentry.rules.conditions.event_frequency.EventFrequencyCondition` with value (count) and interval (1m, 5m, 15m, 1h, 1d, 1w, 30d), "
        + "`sentry.rules.conditions.event_frequency.EventFrequencyPercentCondition`; filters `sentry.rules.filters.tagged_event.TaggedEventFilter` "
        + "with key, match (eq, ne, sw, ew, co, nc, is, ns) and value, `sentry.rules.filters.level.LevelFilter` with match (eq, gte, lte) and level (10 debug … 50 fatal), "
        + "`sentry.rules.filters.age_comparison.AgeComparisonFilter`; actions `sentry.mail.actions.NotifyEmailAction` with targetType (IssueOwners, Team, Member) and targetIdentifier, "
        + "`sentry.integrations.slack.notify_action.SlackNotifyServiceAction` with workspace (integration id) and channel, "
        + "`sentry.rules.actions.notify_event_service.NotifyEventServiceAction` with service.";

    private static readonly ToolParameter Kind = ToolParameter.Choice("kind", "issue (per-project rules), metric (organization metric alerts) or all (default).", ["all", "issue", "metric"]);

    public static IEnumerable<ToolDefinition> All()
    {
        yield return new ToolDefinition
        {
            Name = "find_alert_rules",
            Title = "Find alert rules",
            Description = "List issue alert rules of a project (with projectSlug) and the organization's metric alert rules, optionally filtered by name. Issue rules page with nextCursor.",
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["alerts:read"],
            Parameters = [Params.Organization, Params.RegionUrl, Params.Project(required: false), Params.Query("Filter by rule name (contains, case-insensitive)."), Params.Cursor, Params.Limit(10)],
            OutputSchema = JsonSchemas.List(AlertViews.RuleSchema),
            Run = FindAsync,
        };

        yield return new ToolDefinition
        {
            Name = "get_alert_rule",
            Title = "Get an alert rule",
            Description = "Get one alert rule by numeric id or exact name: an issue rule (needs projectSlug) or a metric alert.",
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["alerts:read"],
            Parameters = [Params.Organization, Params.RegionUrl, Kind, Params.Project(required: false), ToolParameter.Text("ruleIdOrName", "The rule's numeric id or exact name.", required: true)],
            OutputSchema = JsonSchemas.Single("rule", AlertViews.RuleSchema),
            Run = GetAsync,
        };

        yield return IssueRule(update: false);
        yield return IssueRule(update: true);
        yield return MetricRule(update: false);
        yield return MetricRule(update: true);
    }

    private static async Task<ToolOutput> FindAsync(ToolCall call)
    {
        var organization = call.Organization;
        var query = call.Text("query");
        bool Matches(string? name) => query is null || (name?.Contains(query, StringComparison.OrdinalIgnoreCase) ?? false);
        if (call.ProjectOrNull() is { } project)
        {
            return await ListResult.PageAsync(
                call,
                pages => call.Org(organization).Project(project).AlertRules.List(pages), // facade: Project(p).AlertRules.List
                "Issue alert rules of " + project,
                AlertViews.Line,
                AlertViews.Json,
                r => Matches(r.Name)).ConfigureAwait(false);
        }

        // facade: Alerts.MetricAlertRules.ListAsync (one request; Sentry declares no cursor for it)
        var metric = await call.Org(organization).Alerts.MetricAlertRules.ListAsync(call.CancellationToken).ConfigureAwait(false);
        return ListResult.Items(call, [.. metric.Where(r => Matches(r.Name))], "Metric alert rules of " + organization + " (pass projectSlug for issue alert rules)", AlertViews.Line, AlertViews.Json);
    }

    private static async Task<ToolOutput> GetAsync(ToolCall call)
    {
        var organization = call.Organization;
        var kind = call.Text("kind") ?? "all";
        var key = call.RequiredText("ruleIdOrName");
        var project = call.ProjectOrNull();
        var byId = key.All(char.IsAsciiDigit);
        if (kind is "issue" or "all" && project is not null)
        {
            try
            {
                // facade: Project(p).AlertRules.GetAsync, or Project(p).AlertRules.List to find it by name
                IssueAlertRule? rule = byId
                    ? await call.Org(organization).Project(project).AlertRules.GetAsync(key, call.CancellationToken).ConfigureAwait(false)
                    : await FirstAsync(call.Org(organization).Project(project).AlertRules.List(), r => r.Name == key, call.CancellationToken).ConfigureAwait(false);
                if (rule is not null)
                {
                    return new ToolOutput("# Issue alert rule\n\n" + AlertViews.Line(rule) + "\n", new JsonObject { ["rule"] = AlertViews.Json(rule) });
                }
            }
            catch (SentryNotFoundException) when (kind == "all")
            {
                // not an issue rule: try the metric alerts next
            }
        }
        else if (kind == "issue")
        {
            throw new ToolInputException("Issue alert rules belong to a project: pass projectSlug.");
        }

        if (kind is "metric" or "all")
        {
            // facade: Alerts.MetricAlertRules.GetAsync, or Alerts.MetricAlertRules.ListAsync to find it by name
            var rule = byId
                ? await call.Org(organization).Alerts.MetricAlertRules.GetAsync(key, call.CancellationToken).ConfigureAwait(false)
                : (await call.Org(organization).Alerts.MetricAlertRules.ListAsync(call.CancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.Name == key);
            if (rule is not null)
            {
                return new ToolOutput("# Metric alert rule\n\n" + AlertViews.Line(rule) + "\n", new JsonObject { ["rule"] = AlertViews.Json(rule) });
            }
        }

        throw new ToolInputException($"No alert rule named '{key}' was found; find_alert_rules lists them.");
    }

    private static ToolDefinition IssueRule(bool update) => new()
    {
        Name = update ? "update_alert_rule" : "create_alert_rule",
        Title = update ? "Update an issue alert rule" : "Create an issue alert rule",
        Description = (update ? "Replace an issue alert rule of a project (every field is sent again). Needs confirm: true. " : "Create an issue alert rule in a project. ") + IssueRuleVocabulary,
        Kind = update ? ToolKind.Destructive : ToolKind.Additive,
        Idempotent = update,
        Scopes = ["alerts:write"],
        Parameters =
        [
            Params.Organization, Params.RegionUrl, Params.Project(required: true),
            .. update ? [ToolParameter.Text("ruleId", "The rule's numeric id.", required: true)] : Array.Empty<ToolParameter>(),
            ToolParameter.Text("name", "The rule's name.", required: true),
            ToolParameter.ObjectList("conditions", "Triggers, such as [{id: '…EventFrequencyCondition', value: 100, interval: '1m'}].", Component(), required: true),
            ToolParameter.ObjectList("filters", "Filters, such as [{id: '…TaggedEventFilter', key: 'release', match: 'eq', value: '1.2.0'}].", Component()),
            ToolParameter.ObjectList("actions", "Actions, such as [{id: '…SlackNotifyServiceAction', workspace: '<integration id>', channel: '#alerts'}].", Component(), required: true),
            ToolParameter.Choice("actionMatch", "Fire when all (default), any or none of the conditions match.", ["all", "any", "none"]),
            ToolParameter.Choice("filterMatch", "Require all (default), any or none of the filters.", ["all", "any", "none"]),
            ToolParameter.Integer("frequency", "Minutes between notifications per issue (5-43200, default 30).", 5, 43_200),
            ToolParameter.Text("environment", "Only events of this environment."),
        ],
        OutputSchema = JsonSchemas.Single("rule", AlertViews.RuleSchema, new KeyValuePair<string, JsonNode>("pendingTask", new JsonObject { ["type"] = new JsonArray("string", "null") })),
        Run = async call =>
        {
            var request = new IssueAlertRuleRequest
            {
                Name = call.RequiredText("name"),
                Frequency = call.Integer("frequency", 30, 5, 43_200),
                ActionMatch = AlertRuleMatch.From(call.Text("actionMatch") ?? "all"),
                FilterMatch = AlertRuleMatch.From(call.Text("filterMatch") ?? "all"),
                Conditions = Components(call, "conditions"),
                Filters = Components(call, "filters"),
                Actions = Components(call, "actions"),
                Environment = call.Text("environment"),
            };
            // facade: Project(p).AlertRules.CreateAsync / UpdateAsync (to become the workflow builder of issue 10)
            var result = update
                ? await call.Org().Project(call.Project()).AlertRules.UpdateAsync(call.RequiredText("ruleId"), request, call.CancellationToken).ConfigureAwait(false)
                : await call.Org().Project(call.Project()).AlertRules.CreateAsync(request, call.CancellationToken).ConfigureAwait(false);
            return result.Rule is { } rule
                ? new ToolOutput($"# Issue alert rule {(update ? "updated" : "created")}\n\n{AlertViews.Line(rule)}\n", new JsonObject { ["rule"] = AlertViews.Json(rule) })
                : new ToolOutput($"# Sentry is building the rule in the background (task {result.TaskUuid})\n\nCheck with find_alert_rules in a moment.\n", new JsonObject { ["rule"] = null, ["pendingTask"] = result.TaskUuid });
        },
    };

    private static ToolDefinition MetricRule(bool update) => new()
    {
        Name = update ? "update_metric_alert" : "create_metric_alert",
        Title = update ? "Update a metric alert" : "Create a metric alert",
        Description = (update ? "Replace a metric alert rule (every field is sent again). Needs confirm: true. " : "Create a metric alert rule with warning/critical thresholds. ")
            + "aggregate is a function such as count(), count_unique(user), p95(transaction.duration), failure_rate(), percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate (crash-free rate: dataset metrics). "
            + "timeWindow in minutes (1, 5, 10, 15, 30, 60, 120, 240, 1440). Triggers: [{label: 'critical'|'warning', alertThreshold: 10, resolveThreshold?, actions: [{type: 'email'|'slack'|'msteams'|'pagerduty', targetType: 'user'|'team'|'specific', targetIdentifier: '<id or #channel>', integrationId?}]}].",
        Kind = update ? ToolKind.Destructive : ToolKind.Additive,
        Idempotent = update,
        Scopes = ["alerts:write"],
        Parameters =
        [
            Params.Organization, Params.RegionUrl,
            .. update ? [ToolParameter.Text("alertRuleId", "The metric alert's numeric id.", required: true)] : Array.Empty<ToolParameter>(),
            ToolParameter.Text("name", "The alert's name.", required: true),
            ToolParameter.Text("aggregate", "The function measured, such as count().", required: true),
            ToolParameter.Text("query", "A Sentry event query narrowing what is counted, such as `level:error` (default: everything)."),
            ToolParameter.Choice("dataset", "events (errors, default), transactions, metrics (crash-free rates), sessions.", ["events", "transactions", "metrics", "sessions", "generic_metrics"]),
            ToolParameter.Integer("timeWindow", "The window in minutes (default 1).", 1, 1440),
            ToolParameter.Choice("thresholdType", "above (default) or below the thresholds.", ["above", "below"]),
            ToolParameter.TextList("projects", "The project slugs (default: the --project constraint)."),
            ToolParameter.Text("environment", "Only this environment."),
            ToolParameter.ObjectList("triggers", "The thresholds with their actions (see description).", JsonSchemas.Object("label:string", "alertThreshold:number", "resolveThreshold:number", "actions:array"), required: true),
        ],
        OutputSchema = JsonSchemas.Single("rule", AlertViews.RuleSchema, new KeyValuePair<string, JsonNode>("pendingTask", new JsonObject { ["type"] = new JsonArray("string", "null") })),
        Run = async call =>
        {
            var projects = call.Options.Project is { } pinned ? [pinned] : call.TextList("projects");
            if (projects.Count == 0)
            {
                throw new ToolInputException("projects is required: the project slugs the alert watches.");
            }

            var request = new MetricAlertRuleRequest
            {
                Name = call.RequiredText("name"),
                Aggregate = call.RequiredText("aggregate"),
                Query = call.Text("query") ?? string.Empty,
                Dataset = call.Text("dataset"),
                TimeWindow = call.Integer("timeWindow", 1, 1, 1440),
                ThresholdType = call.Text("thresholdType") == "below" ? 1 : 0,
                Projects = projects,
                Environment = call.Text("environment"),
                Triggers = [.. call.Objects("triggers").Select(Trigger)],
            };
            // facade: Alerts.MetricAlertRules.CreateAsync / UpdateAsync (to become the metric-threshold builder of issue 10)
            var result = update
                ? await call.Org().Alerts.MetricAlertRules.UpdateAsync(call.RequiredText("alertRuleId"), request, call.CancellationToken).ConfigureAwait(false)
                : await call.Org().Alerts.MetricAlertRules.CreateAsync(request, call.CancellationToken).ConfigureAwait(false);
            return result.Rule is { } rule
                ? new ToolOutput($"# Metric alert {(update ? "updated" : "created")}\n\n{AlertViews.Line(rule)}\n", new JsonObject { ["rule"] = AlertViews.Json(rule) })
                : new ToolOutput($"# Sentry is building the alert in the background (task {result.TaskUuid})\n", new JsonObject { ["rule"] = null, ["pendingTask"] = result.TaskUuid });
        },
    };

    private static JsonObject Component() => new() { ["type"] = "object", ["properties"] = new JsonObject { ["id"] = new JsonObject { ["type"] = "string" } }, ["required"] = new JsonArray("id") };

    private static List<IssueAlertRuleComponent> Components(ToolCall call, string name)
    {
        var list = new List<IssueAlertRuleComponent>();
        foreach (var item in call.Objects(name))
        {
            if (!item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                throw new ToolInputException($"Each of {name} needs an id such as sentry.rules.conditions.first_seen_event.FirstSeenEventCondition.");
            }

            var component = new IssueAlertRuleComponent(id.GetString()!);
            foreach (var property in item.EnumerateObject().Where(p => p.Name != "id"))
            {
                component.AdditionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                component.AdditionalProperties[property.Name] = property.Value.Clone();
            }

            list.Add(component);
        }

        return list;
    }

    private static MetricAlertTriggerRequest Trigger(JsonElement item)
    {
        var label = item.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : throw new ToolInputException("Each trigger needs a label (critical or warning).");
        var threshold = item.TryGetProperty("alertThreshold", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : throw new ToolInputException("Each trigger needs a numeric alertThreshold.");
        var actions = new List<MetricAlertActionRequest>();
        if (item.TryGetProperty("actions", out var a) && a.ValueKind == JsonValueKind.Array)
        {
            foreach (var action in a.EnumerateArray())
            {
                actions.Add(new MetricAlertActionRequest
                {
                    Type = Text(action, "type") ?? throw new ToolInputException("Each trigger action needs a type (email, slack, …)."),
                    TargetType = Text(action, "targetType") ?? throw new ToolInputException("Each trigger action needs a targetType (user, team, specific)."),
                    TargetIdentifier = Text(action, "targetIdentifier"),
                    IntegrationId = Text(action, "integrationId"),
                });
            }
        }

        return new MetricAlertTriggerRequest
        {
            Label = label,
            AlertThreshold = threshold,
            ResolveThreshold = item.TryGetProperty("resolveThreshold", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : null,
            Actions = actions,
        };
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ValueKind switch { JsonValueKind.String => value.GetString(), JsonValueKind.Number => value.GetRawText(), _ => null } : null;

    private static async Task<T?> FirstAsync<T>(IAsyncEnumerable<T> items, Func<T, bool> match, CancellationToken cancellationToken)
        where T : class
    {
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (match(item))
            {
                return item;
            }
        }

        return null;
    }
}
