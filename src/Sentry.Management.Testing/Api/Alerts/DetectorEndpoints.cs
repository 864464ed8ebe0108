using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Alerts;

/// <summary>
/// The workflow engine's detectors: list, create under a project, bulk enable/disable and delete, details, update,
/// delete. Every project has its default detectors (error, issue stream), which cannot be created or deleted.
/// </summary>
internal static class DetectorEndpoints
{
    private static readonly string[] DefaultTypes = ["error", "issue_stream"];

    public static void Map(ApiRouteBuilder api)
    {
        var routes = new AreaRoutes(api, AlertStore.WorkflowEngine);
        routes.Get("/organizations/{org}/detectors/", ListAsync);
        routes.Put("/organizations/{org}/detectors/", BulkUpdateAsync);
        routes.Delete("/organizations/{org}/detectors/", BulkDeleteAsync);
        routes.Post("/organizations/{org}/projects/{project}/detectors/", CreateAsync);
        routes.Get("/organizations/{org}/detectors/{detector_id}/", GetAsync);
        routes.Put("/organizations/{org}/detectors/{detector_id}/", UpdateAsync);
        routes.Delete("/organizations/{org}/detectors/{detector_id}/", DeleteAsync);
    }

    public static JsonObject Write(StoredAlert detector, ApiContext c)
    {
        var stored = ApiJson.ParseObject(detector.Json);
        var workflows = c.Data.Alerts.All().Where(a => a.Kind == AlertStore.Workflow && a.DetectorIds.Contains(detector.Id)).Select(a => a.Id);
        return new JsonObject
        {
            ["id"] = detector.Id,
            ["projectId"] = detector.ProjectId,
            ["name"] = detector.Name,
            ["type"] = detector.Type,
            ["workflowIds"] = AlertStore.Strings(workflows),
            ["dateCreated"] = ApiJson.Date(detector.DateCreated),
            ["dateUpdated"] = ApiJson.Date(detector.DateUpdated),
            ["dataSources"] = AlertStore.Field(stored, "dataSources"),
            ["conditionGroup"] = AlertStore.Field(stored, "conditionGroup"),
            ["config"] = AlertStore.Field(stored, "config", new JsonObject()),
            ["enabled"] = detector.Enabled,
            ["description"] = AlertStore.Field(stored, "description"),
            ["owner"] = Owner(c, detector, stored.String("owner")),
            ["createdBy"] = DefaultTypes.Contains(detector.Type) ? null : Hosting.ManagementSeed.OwnerUserId,
            ["latestGroup"] = null,
            ["openIssues"] = 0,
            ["alertRuleId"] = null,
            ["ruleId"] = null,
        };
    }

    /// <summary>A detector's owner is sent as <c>team:1</c> or <c>user:1</c> and answered as the actor it names.</summary>
    private static JsonObject? Owner(ApiContext c, StoredAlert detector, string? owner)
    {
        if (owner?.Split(':', 2) is not [("team" or "user") and var type, var id])
        {
            return null;
        }

        if (type == "team")
        {
            var team = c.Data.Teams.Find(id);
            return team is null || team.OrganizationId != detector.OrganizationId ? null : new JsonObject { ["type"] = "team", ["id"] = id, ["name"] = team.Slug };
        }

        var member = c.Data.Members.All().FirstOrDefault(m => m.OrganizationId == detector.OrganizationId && m.UserId == id);
        return member is null ? null : new JsonObject { ["type"] = "user", ["id"] = id, ["name"] = member.Name ?? member.Email, ["email"] = member.Email };
    }

    private static IEnumerable<string> ProjectOf(StoredAlert detector) => detector.ProjectId is null ? [] : [detector.ProjectId];

    private static Task ListAsync(ApiContext c)
    {
        var organization = c.Organization();
        var all = AlertStore.All(c, AlertStore.Detector, organization);
        var projects = c.QueryAll("project").Concat(c.QueryAll("projectSlug").Select(s => c.Data.FindProject(organization, s)?.Id ?? "")).ToList();
        var type = c.Query("type");
        var detectors = AlertStore.Filter(all, c.QueryAll("id"), c.Query("query"), projects, ProjectOf)
            .Where(d => type is null || d.Type == type)
            .ToList();
        return c.PageAsync(detectors, d => Write(d, c));
    }

    private static async Task CreateAsync(ApiContext c)
    {
        var organization = c.Organization();
        var project = c.Project();
        var body = await c.BodyAsync().ConfigureAwait(false);
        var name = body.RequiredString("name");
        var type = body.RequiredString("type");
        if (DefaultTypes.Contains(type))
        {
            throw ApiFieldProblem.Field("type", $"Detectors of type {type} cannot be created: every project has one.");
        }

        var workflowIds = body.Strings("workflowIds") ?? [];
        StoredAlert detector;
        lock (c.Data.Gate)
        {
            var workflows = workflowIds.Select(id => c.Data.Alerts.Find(AlertStore.Workflow + ":" + id)).ToList();
            if (workflows.Any(w => w is null || w.OrganizationId != organization.Id))
            {
                throw ApiFieldProblem.Field("workflowIds", "Some workflows do not exist.");
            }

            detector = new StoredAlert
            {
                Kind = AlertStore.Detector,
                Id = c.Data.NextId(AlertStore.Detector),
                OrganizationId = organization.Id,
                ProjectId = project.Id,
                Name = name,
                Type = type,
                Enabled = body.Bool("enabled") ?? true,
                DateCreated = c.Now,
                DateUpdated = c.Now,
            };
            AlertStore.Merge(detector, Without(body, "workflowIds", "name", "type", "enabled"));
            c.Data.Alerts.Upsert(detector);
            foreach (var workflow in workflows)
            {
                workflow!.DetectorIds.Add(detector.Id);
                c.Data.Alerts.Upsert(workflow);
            }
        }

        await c.OkAsync(Write(detector, c), 201).ConfigureAwait(false);
    }

    private static JsonObject Without(JsonObject body, params string[] names)
    {
        var copy = (JsonObject)body.DeepClone();
        foreach (var name in names)
        {
            copy.Remove(name);
        }

        return copy;
    }

    private static Task GetAsync(ApiContext c) =>
        c.OkAsync(Write(AlertStore.Find(c, AlertStore.Detector, c.Organization(), c.Route("detector_id")), c));

    private static async Task UpdateAsync(ApiContext c)
    {
        var organization = c.Organization();
        var detector = AlertStore.Find(c, AlertStore.Detector, organization, c.Route("detector_id"));
        var body = await c.BodyAsync().ConfigureAwait(false);
        lock (c.Data.Gate)
        {
            detector.Name = body.String("name") ?? detector.Name;
            detector.Enabled = body.Bool("enabled") ?? detector.Enabled;
            if (body.Strings("workflowIds") is { } workflowIds)
            {
                foreach (var workflow in AlertStore.All(c, AlertStore.Workflow, organization))
                {
                    var wanted = workflowIds.Contains(workflow.Id);
                    if (wanted != workflow.DetectorIds.Contains(detector.Id))
                    {
                        _ = wanted ? Add(workflow.DetectorIds, detector.Id) : workflow.DetectorIds.Remove(detector.Id);
                        c.Data.Alerts.Upsert(workflow);
                    }
                }
            }

            AlertStore.Merge(detector, Without(body, "workflowIds", "name", "type", "enabled"));
            detector.DateUpdated = c.Now;
            c.Data.Alerts.Upsert(detector);
        }

        await c.OkAsync(Write(detector, c)).ConfigureAwait(false);
    }

    private static bool Add(List<string> list, string item)
    {
        list.Add(item);
        return true;
    }

    private static async Task BulkUpdateAsync(ApiContext c)
    {
        var organization = c.Organization();
        var body = await c.BodyAsync().ConfigureAwait(false);
        var enabled = body.Bool("enabled") ?? throw ApiFieldProblem.Required("enabled");
        var selected = AlertStore.BulkSelection(c, AlertStore.All(c, AlertStore.Detector, organization), ProjectOf);
        lock (c.Data.Gate)
        {
            foreach (var detector in selected)
            {
                detector.Enabled = enabled;
                detector.DateUpdated = c.Now;
                c.Data.Alerts.Upsert(detector);
            }
        }

        var array = new JsonArray();
        foreach (var detector in selected)
        {
            array.Add((JsonNode)Write(detector, c));
        }

        await c.OkAsync(array).ConfigureAwait(false);
    }

    private static Task BulkDeleteAsync(ApiContext c)
    {
        var organization = c.Organization();
        var selected = AlertStore.BulkSelection(c, AlertStore.All(c, AlertStore.Detector, organization), ProjectOf);
        if (selected.Count == 0)
        {
            throw ApiProblem.NotFound();
        }

        // All or nothing: one default detector in the selection refuses the whole request.
        if (selected.FirstOrDefault(d => DefaultTypes.Contains(d.Type)) is { } builtIn)
        {
            throw new ApiProblem(403, $"Detectors of type {builtIn.Type} cannot be deleted.");
        }

        selected.ForEach(d => Remove(c, d));
        return c.NoContentAsync();
    }

    private static Task DeleteAsync(ApiContext c)
    {
        Remove(c, AlertStore.Find(c, AlertStore.Detector, c.Organization(), c.Route("detector_id")));
        return c.NoContentAsync();
    }

    private static void Remove(ApiContext c, StoredAlert detector)
    {
        if (DefaultTypes.Contains(detector.Type))
        {
            throw new ApiProblem(403, $"Detectors of type {detector.Type} cannot be deleted.");
        }

        lock (c.Data.Gate)
        {
            foreach (var workflow in c.Data.Alerts.All().Where(a => a.Kind == AlertStore.Workflow && a.DetectorIds.Remove(detector.Id)))
            {
                c.Data.Alerts.Upsert(workflow);
            }

            c.Data.Alerts.Remove(detector.Key);
        }
    }
}
