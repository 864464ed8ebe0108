using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Alerts;

/// <summary>The workflow engine's workflows (alerts): list, create, bulk enable/disable and delete, details, update, delete.</summary>
internal static class WorkflowEndpoints
{
    public static void Map(ApiRouteBuilder api)
    {
        var routes = new AreaRoutes(api, AlertStore.WorkflowEngine);
        routes.Get("/organizations/{org}/workflows/", ListAsync);
        routes.Post("/organizations/{org}/workflows/", CreateAsync);
        routes.Put("/organizations/{org}/workflows/", BulkUpdateAsync);
        routes.Delete("/organizations/{org}/workflows/", BulkDeleteAsync);
        routes.Get("/organizations/{org}/workflows/{workflow_id}/", GetAsync);
        routes.Put("/organizations/{org}/workflows/{workflow_id}/", UpdateAsync);
        routes.Delete("/organizations/{org}/workflows/{workflow_id}/", DeleteAsync);
    }

    private static JsonObject Write(StoredAlert workflow)
    {
        var stored = ApiJson.ParseObject(workflow.Json);
        return new JsonObject
        {
            ["id"] = workflow.Id,
            ["name"] = workflow.Name,
            ["organizationId"] = workflow.OrganizationId,
            ["createdBy"] = Hosting.ManagementSeed.OwnerUserId,
            ["dateCreated"] = ApiJson.Date(workflow.DateCreated),
            ["dateUpdated"] = ApiJson.Date(workflow.DateUpdated),
            ["triggers"] = AlertStore.Field(stored, "triggers", new JsonObject { ["logicType"] = "any-short", ["conditions"] = new JsonArray() }),
            ["actionFilters"] = AlertStore.Field(stored, "actionFilters", new JsonArray()),
            ["environment"] = AlertStore.Field(stored, "environment"),
            ["config"] = AlertStore.Field(stored, "config", new JsonObject { ["frequency"] = 30 }),
            ["detectorIds"] = AlertStore.Strings(workflow.DetectorIds),
            ["enabled"] = workflow.Enabled,
            ["lastTriggered"] = null,
            ["owner"] = AlertStore.Field(stored, "owner"),
        };
    }

    /// <summary>A workflow's projects are its detectors'.</summary>
    private static Func<StoredAlert, IEnumerable<string>> ProjectsOf(ApiContext c) => workflow =>
        workflow.DetectorIds.Select(id => c.Data.Alerts.Find(AlertStore.Detector + ":" + id)?.ProjectId).OfType<string>();

    private static Task ListAsync(ApiContext c)
    {
        var organization = c.Organization();
        var workflows = AlertStore.Filter(AlertStore.All(c, AlertStore.Workflow, organization), c.QueryAll("id"), c.Query("query"), c.QueryAll("project"), ProjectsOf(c));
        if (c.QueryAll("detectorId") is { Count: > 0 } detectorIds)
        {
            workflows = workflows.Where(w => w.DetectorIds.Any(detectorIds.Contains)).ToList();
        }

        return c.PageAsync(workflows, Write);
    }

    /// <summary>Sets the detectors from <c>detectorIds</c>; each must be a detector of the organization.</summary>
    private static void SetDetectors(ApiContext c, StoredOrganization organization, StoredAlert workflow, JsonObject body)
    {
        if (body.Strings("detectorIds") is not { } ids)
        {
            return;
        }

        if (ids.FirstOrDefault(id => c.Data.Alerts.Find(AlertStore.Detector + ":" + id) is not { } d || d.OrganizationId != organization.Id) is { } missing)
        {
            throw ApiFieldProblem.Field("detectorIds", $"Detector {missing} does not exist.");
        }

        workflow.DetectorIds = ids.Distinct().ToList();
    }

    private static JsonObject Settings(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        foreach (var name in (string[])["name", "enabled", "detectorIds", "id"])
        {
            copy.Remove(name);
        }

        return copy;
    }

    private static async Task CreateAsync(ApiContext c)
    {
        var organization = c.Organization();
        var body = await c.BodyAsync().ConfigureAwait(false);
        var workflow = new StoredAlert
        {
            Kind = AlertStore.Workflow,
            Id = "",
            OrganizationId = organization.Id,
            Name = body.RequiredString("name"),
            Enabled = body.Bool("enabled") ?? true,
            DateCreated = c.Now,
            DateUpdated = c.Now,
        };
        if (body.Object("config") is { } config && config.Int("frequency") is < 0)
        {
            throw ApiFieldProblem.Field("config", "frequency must be a non-negative number of minutes.");
        }

        lock (c.Data.Gate)
        {
            SetDetectors(c, organization, workflow, body);
            workflow.Id = c.Data.NextId(AlertStore.Workflow);
            AlertStore.Merge(workflow, Settings(body));
            c.Data.Alerts.Upsert(workflow);
        }

        await c.OkAsync(Write(workflow), 201).ConfigureAwait(false);
    }

    private static Task GetAsync(ApiContext c) =>
        c.OkAsync(Write(AlertStore.Find(c, AlertStore.Workflow, c.Organization(), c.Route("workflow_id"))));

    private static async Task UpdateAsync(ApiContext c)
    {
        var organization = c.Organization();
        var workflow = AlertStore.Find(c, AlertStore.Workflow, organization, c.Route("workflow_id"));
        var body = await c.BodyAsync().ConfigureAwait(false);
        lock (c.Data.Gate)
        {
            SetDetectors(c, organization, workflow, body);
            workflow.Name = body.String("name") ?? workflow.Name;
            workflow.Enabled = body.Bool("enabled") ?? workflow.Enabled;
            AlertStore.Merge(workflow, Settings(body));
            workflow.DateUpdated = c.Now;
            c.Data.Alerts.Upsert(workflow);
        }

        await c.OkAsync(Write(workflow)).ConfigureAwait(false);
    }

    private static async Task BulkUpdateAsync(ApiContext c)
    {
        var organization = c.Organization();
        var body = await c.BodyAsync().ConfigureAwait(false);
        var enabled = body.Bool("enabled") ?? throw ApiFieldProblem.Required("enabled");
        var selected = AlertStore.BulkSelection(c, AlertStore.All(c, AlertStore.Workflow, organization), ProjectsOf(c));
        var array = new JsonArray();
        lock (c.Data.Gate)
        {
            foreach (var workflow in selected)
            {
                workflow.Enabled = enabled;
                workflow.DateUpdated = c.Now;
                c.Data.Alerts.Upsert(workflow);
                array.Add((JsonNode)Write(workflow));
            }
        }

        await c.OkAsync(array).ConfigureAwait(false);
    }

    private static Task BulkDeleteAsync(ApiContext c)
    {
        var organization = c.Organization();
        var selected = AlertStore.BulkSelection(c, AlertStore.All(c, AlertStore.Workflow, organization), ProjectsOf(c));
        if (selected.Count == 0)
        {
            throw ApiProblem.NotFound();
        }

        foreach (var workflow in selected)
        {
            c.Data.Alerts.Remove(workflow.Key);
        }

        return c.NoContentAsync();
    }

    private static Task DeleteAsync(ApiContext c)
    {
        var workflow = AlertStore.Find(c, AlertStore.Workflow, c.Organization(), c.Route("workflow_id"));
        c.Data.Alerts.Remove(workflow.Key);
        return c.NoContentAsync();
    }
}
