using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Alerts;

/// <summary>Legacy metric alert rules of an organization: list, create, details, update, delete.</summary>
internal static class MetricRuleEndpoints
{
    public static void Map(ApiRouteBuilder api)
    {
        var routes = new AreaRoutes(api, AlertStore.LegacyRules);
        routes.Get("/organizations/{org}/alert-rules/", ListAsync);
        routes.Post("/organizations/{org}/alert-rules/", CreateAsync);
        routes.Get("/organizations/{org}/alert-rules/{alert_rule_id}/", GetAsync);
        routes.Put("/organizations/{org}/alert-rules/{alert_rule_id}/", UpdateAsync);
        routes.Delete("/organizations/{org}/alert-rules/{alert_rule_id}/", DeleteAsync);
    }

    private static readonly int[] TimeWindows = [1, 5, 10, 15, 30, 60, 120, 240, 1440];

    private static JsonObject Write(StoredAlert rule)
    {
        var stored = ApiJson.ParseObject(rule.Json);
        return new JsonObject
        {
            ["id"] = rule.Id,
            ["name"] = rule.Name,
            ["organizationId"] = rule.OrganizationId,
            ["queryType"] = AlertStore.Field(stored, "queryType", 0),
            ["dataset"] = AlertStore.Field(stored, "dataset", "events"),
            ["query"] = AlertStore.Field(stored, "query", ""),
            ["aggregate"] = AlertStore.Field(stored, "aggregate"),
            ["thresholdType"] = AlertStore.Field(stored, "thresholdType", 0),
            ["resolveThreshold"] = AlertStore.Field(stored, "resolveThreshold"),
            ["timeWindow"] = AlertStore.Field(stored, "timeWindow"),
            ["environment"] = AlertStore.Field(stored, "environment"),
            ["triggers"] = AlertStore.Field(stored, "triggers", new JsonArray()),
            ["projects"] = AlertStore.Field(stored, "projects", new JsonArray()),
            ["owner"] = AlertStore.Field(stored, "owner"),
            ["dateModified"] = ApiJson.Date(rule.DateUpdated),
            ["dateCreated"] = ApiJson.Date(rule.DateCreated),
            ["createdBy"] = RuleOwner.CreatedBy(),
            ["eventTypes"] = AlertStore.Field(stored, "eventTypes", new JsonArray("error", "default")),
            ["comparisonDelta"] = AlertStore.Field(stored, "comparisonDelta"),
            ["detectionType"] = AlertStore.Field(stored, "detectionType", "static"),
            ["status"] = 0,
            ["snooze"] = false,
        };
    }

    private static Task ListAsync(ApiContext c)
    {
        var organization = c.Organization();
        var projects = c.QueryAll("project");
        var rules = AlertStore.All(c, AlertStore.MetricRule, organization)
            .Where(r => projects.Count == 0 || (r.ProjectId is not null && projects.Contains(r.ProjectId)))
            .ToList();
        return c.PageAsync(rules, Write);
    }

    /// <summary>Checks the body as Sentry's alert rule serializer does and gives triggers and their actions ids.</summary>
    private static StoredProject Validate(ApiContext c, StoredOrganization organization, JsonObject body)
    {
        body.RequiredString("name");
        body.RequiredString("aggregate");
        var window = body.Int("timeWindow") ?? throw ApiFieldProblem.Required("timeWindow");
        if (!TimeWindows.Contains(window))
        {
            throw ApiFieldProblem.Field("timeWindow", $"Invalid Time Window: {window}. Expected one of: {string.Join(", ", TimeWindows)}.");
        }

        var slugs = body.Strings("projects");
        if (slugs is null || slugs.Count == 0)
        {
            throw ApiFieldProblem.Required("projects");
        }

        var projects = slugs.Select(s => c.Data.FindProject(organization, s)).ToList();
        if (projects.Contains(null))
        {
            throw ApiFieldProblem.Field("projects", "Invalid project");
        }

        var triggers = body.Array("triggers");
        if (triggers is null || triggers.Count == 0)
        {
            throw ApiFieldProblem.Field("nonFieldErrors", "Must include at least one trigger");
        }

        if (!triggers.OfType<JsonObject>().Any(t => t.String("label") == "critical"))
        {
            throw ApiFieldProblem.Field("nonFieldErrors", "First trigger must be labeled \"critical\"");
        }

        return projects[0]!;
    }

    private static void Number(ApiContext c, StoredAlert rule, JsonObject body)
    {
        foreach (var trigger in body.Array("triggers")!.OfType<JsonObject>())
        {
            trigger["id"] ??= c.Data.NextId("metric-trigger");
            trigger["alertRuleId"] = rule.Id;
            trigger["dateCreated"] ??= ApiJson.Date(c.Now);
            trigger["thresholdType"] ??= body["thresholdType"]?.DeepClone() ?? 0;
            trigger["resolveThreshold"] ??= body["resolveThreshold"]?.DeepClone();
            foreach (var action in trigger.Array("actions") ?? [])
            {
                if (action is JsonObject a)
                {
                    a["id"] ??= c.Data.NextId("metric-action");
                    a["alertRuleTriggerId"] = trigger["id"]!.DeepClone();
                }
            }
        }
    }

    private static JsonObject Settings(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        copy.Remove("name");
        return copy;
    }

    private static async Task CreateAsync(ApiContext c)
    {
        var organization = c.Organization();
        var body = await c.BodyAsync().ConfigureAwait(false);
        var project = Validate(c, organization, body);
        StoredAlert rule;
        lock (c.Data.Gate)
        {
            rule = new StoredAlert
            {
                Kind = AlertStore.MetricRule,
                Id = c.Data.NextId(AlertStore.MetricRule),
                OrganizationId = organization.Id,
                ProjectId = project.Id,
                Name = body.RequiredString("name"),
                DateCreated = c.Now,
                DateUpdated = c.Now,
            };
            Number(c, rule, body);
            rule.Json = Settings(body).ToJsonString();
            c.Data.Alerts.Upsert(rule);
        }

        await c.OkAsync(Write(rule), 201).ConfigureAwait(false);
    }

    private static Task GetAsync(ApiContext c) =>
        c.OkAsync(Write(AlertStore.Find(c, AlertStore.MetricRule, c.Organization(), c.Route("alert_rule_id"))));

    private static async Task UpdateAsync(ApiContext c)
    {
        var organization = c.Organization();
        var rule = AlertStore.Find(c, AlertStore.MetricRule, organization, c.Route("alert_rule_id"));
        var body = await c.BodyAsync().ConfigureAwait(false);

        // Sentry's metric alert update is a full replacement, validated like a create.
        var project = Validate(c, organization, body);
        lock (c.Data.Gate)
        {
            rule.Name = body.RequiredString("name");
            rule.ProjectId = project.Id;
            Number(c, rule, body);
            rule.Json = Settings(body).ToJsonString();
            rule.DateUpdated = c.Now;
            c.Data.Alerts.Upsert(rule);
        }

        await c.OkAsync(Write(rule)).ConfigureAwait(false);
    }

    private static Task DeleteAsync(ApiContext c)
    {
        var rule = AlertStore.Find(c, AlertStore.MetricRule, c.Organization(), c.Route("alert_rule_id"));
        c.Data.Alerts.Remove(rule.Key);
        return c.AcceptedAsync();
    }
}
