using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Alerts;

/// <summary>
/// Legacy issue alert rules of a project: list, create, details, update, delete. A Slack action that names a
/// channel without its id answers 202 with a task uuid, as Sentry does while it looks the channel up; the rule is
/// saved at once and <c>rule-task/{uuid}/</c> reports it. <see cref="LocalSentryOptions.LegacyIssueAlertRulesGone"/>
/// makes these routes answer 410, as Sentry's brownouts.
/// </summary>
internal static class IssueRuleEndpoints
{
    public const string SlackAction = "sentry.integrations.slack.notify_action.SlackNotifyServiceAction";

    public const string GoneDetail = "This API is deprecated and no longer available. Use the workflow engine's /workflows/ endpoints instead.";

    public static void Map(ApiRouteBuilder api)
    {
        var routes = new AreaRoutes(api, AlertStore.LegacyRules);
        routes.Get("/projects/{org}/{project}/rules/", ListAsync);
        routes.Post("/projects/{org}/{project}/rules/", CreateAsync);
        routes.Get("/projects/{org}/{project}/rules/{rule_id}/", GetAsync);
        routes.Put("/projects/{org}/{project}/rules/{rule_id}/", UpdateAsync);
        routes.Delete("/projects/{org}/{project}/rules/{rule_id}/", DeleteAsync);
        routes.Get("/projects/{org}/{project}/rule-task/{task_uuid}/", TaskAsync);
    }

    /// <summary>The rule Sentry gives every new project: notify the issue owners of new high priority issues.</summary>
    public static void AddDefaultRule(ApiContext c, StoredOrganization organization, StoredProject project)
    {
        var rule = New(c, organization, project, "Send a notification for high priority issues");
        rule.Json = new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject { ["id"] = "sentry.rules.conditions.high_priority_issue.NewHighPriorityIssueCondition" }),
            ["filters"] = new JsonArray(),
            ["actions"] = new JsonArray(new JsonObject { ["id"] = "sentry.mail.actions.NotifyEmailAction", ["targetType"] = "IssueOwners", ["fallthroughType"] = "ActiveMembers" }),
            ["actionMatch"] = "any",
            ["filterMatch"] = "all",
            ["frequency"] = 30,
        }.ToJsonString();
        c.Data.Alerts.Upsert(rule);
    }

    private static StoredAlert New(ApiContext c, StoredOrganization organization, StoredProject project, string name) => new()
    {
        Kind = AlertStore.IssueRule,
        Id = c.Data.NextId(AlertStore.IssueRule),
        OrganizationId = organization.Id,
        ProjectId = project.Id,
        Name = name,
        DateCreated = c.Now,
        DateUpdated = c.Now,
    };

    private static void CheckAvailable(ApiContext c)
    {
        if (c.State.Options.LegacyIssueAlertRulesGone)
        {
            throw new ApiProblem(410, GoneDetail);
        }
    }

    private static JsonObject Write(StoredAlert rule, ApiContext c)
    {
        var stored = ApiJson.ParseObject(rule.Json);
        var project = rule.ProjectId is null ? null : c.Data.Projects.Find(rule.ProjectId);
        return new JsonObject
        {
            ["id"] = rule.Id,
            ["conditions"] = AlertStore.Field(stored, "conditions", new JsonArray()),
            ["filters"] = AlertStore.Field(stored, "filters", new JsonArray()),
            ["actions"] = AlertStore.Field(stored, "actions", new JsonArray()),
            ["actionMatch"] = AlertStore.Field(stored, "actionMatch", "all"),
            ["filterMatch"] = AlertStore.Field(stored, "filterMatch", "all"),
            ["frequency"] = AlertStore.Field(stored, "frequency", 30),
            ["name"] = rule.Name,
            ["dateCreated"] = ApiJson.Date(rule.DateCreated),
            ["owner"] = AlertStore.Field(stored, "owner"),
            ["createdBy"] = RuleOwner.CreatedBy(),
            ["environment"] = AlertStore.Field(stored, "environment"),
            ["projects"] = project is null ? new JsonArray() : new JsonArray(project.Slug),
            ["status"] = rule.Enabled ? "active" : "disabled",
            ["snooze"] = false,
            ["lastTriggered"] = null,
        };
    }

    private static Task ListAsync(ApiContext c)
    {
        CheckAvailable(c);
        var organization = c.Organization();
        var project = c.Project();
        return c.PageAsync(AlertStore.All(c, AlertStore.IssueRule, organization).Where(r => r.ProjectId == project.Id).ToList(), r => Write(r, c));
    }

    private static StoredAlert Rule(ApiContext c, StoredOrganization organization, StoredProject project) =>
        AlertStore.Find(c, AlertStore.IssueRule, organization, c.Route("rule_id")) is { } rule && rule.ProjectId == project.Id ? rule : throw ApiProblem.NotFound();

    /// <summary>Checks a create or full update body as Sentry's rule serializer does; returns whether a Slack channel needs a lookup.</summary>
    private static bool Validate(ApiContext c, StoredOrganization organization, JsonObject body)
    {
        body.RequiredString("name");
        var actionMatch = body.String("actionMatch") ?? throw ApiFieldProblem.Required("actionMatch");
        if (actionMatch is not ("all" or "any" or "none"))
        {
            throw ApiFieldProblem.Field("actionMatch", $"\"{actionMatch}\" is not a valid choice.");
        }

        if (body.String("filterMatch") is { } filterMatch && filterMatch is not ("all" or "any" or "none"))
        {
            throw ApiFieldProblem.Field("filterMatch", $"\"{filterMatch}\" is not a valid choice.");
        }

        var frequency = body.Int("frequency") ?? throw ApiFieldProblem.Required("frequency");
        if (frequency is < 5 or > 43200)
        {
            throw ApiFieldProblem.Field("frequency", frequency < 5 ? "Ensure this value is greater than or equal to 5." : "Ensure this value is less than or equal to 43200.");
        }

        if (body.Array("conditions") is null)
        {
            throw ApiFieldProblem.Required("conditions");
        }

        var actions = body.Array("actions");
        if (actions is null || actions.Count == 0)
        {
            throw ApiFieldProblem.Field("actions", "You must add an action for this alert to fire.");
        }

        var lookup = false;
        foreach (var action in actions.OfType<JsonObject>().Where(a => a.String("id") == SlackAction))
        {
            var workspace = action.String("workspace");
            if (workspace is null || !c.Data.Integrations.All().Any(i => i.Id == workspace && i.OrganizationId == organization.Id && i.Provider == "slack"))
            {
                throw ApiFieldProblem.Field("actions", "Slack: Workspace is a required field.");
            }

            if (action.String("channel") is not { Length: > 0 } channel)
            {
                throw ApiFieldProblem.Field("actions", "Slack: Channel is a required field.");
            }

            if (action.String("channel_id") is null)
            {
                // What the asynchronous lookup would find: a stable id for the channel's name.
                action["channel_id"] = "C" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(channel.TrimStart('#'))))[..10];
                lookup = true;
            }
        }

        return lookup;
    }

    private static JsonObject Settings(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        copy.Remove("name");
        copy.Remove("status");
        return copy;
    }

    private static async Task CreateAsync(ApiContext c)
    {
        CheckAvailable(c);
        var organization = c.Organization();
        var project = c.Project();
        var body = await c.BodyAsync().ConfigureAwait(false);
        var lookup = Validate(c, organization, body);
        StoredAlert rule;
        lock (c.Data.Gate)
        {
            rule = New(c, organization, project, body.RequiredString("name"));
            AlertStore.Merge(rule, Settings(body));
            c.Data.Alerts.Upsert(rule);
        }

        if (lookup)
        {
            var task = new StoredAlert
            {
                Kind = AlertStore.RuleTask,
                Id = Guid.NewGuid().ToString("N"),
                OrganizationId = organization.Id,
                ProjectId = project.Id,
                Name = rule.Id,
                DateCreated = c.Now,
                DateUpdated = c.Now,
            };
            c.Data.Alerts.Upsert(task);
            await c.OkAsync(new JsonObject { ["uuid"] = task.Id }, 202).ConfigureAwait(false);
            return;
        }

        await c.OkAsync(Write(rule, c), 201).ConfigureAwait(false);
    }

    private static Task TaskAsync(ApiContext c)
    {
        CheckAvailable(c);
        var organization = c.Organization();
        var project = c.Project();
        var task = AlertStore.Find(c, AlertStore.RuleTask, organization, c.Route("task_uuid"));
        if (task.ProjectId != project.Id)
        {
            throw ApiProblem.NotFound();
        }

        var rule = c.Data.Alerts.Find(AlertStore.IssueRule + ":" + task.Name);
        return c.OkAsync(new JsonObject
        {
            ["status"] = rule is null ? "failed" : "success",
            ["rule"] = rule is null ? null : Write(rule, c),
            ["error"] = rule is null ? "The rule was deleted." : null,
        });
    }

    private static Task GetAsync(ApiContext c)
    {
        CheckAvailable(c);
        return c.OkAsync(Write(Rule(c, c.Organization(), c.Project()), c));
    }

    private static async Task UpdateAsync(ApiContext c)
    {
        CheckAvailable(c);
        var organization = c.Organization();
        var rule = Rule(c, organization, c.Project());
        var body = await c.BodyAsync().ConfigureAwait(false);

        // Sentry's rule update is a full replacement, validated like a create.
        Validate(c, organization, body);
        lock (c.Data.Gate)
        {
            rule.Name = body.RequiredString("name");
            rule.Json = Settings(body).ToJsonString();
            rule.DateUpdated = c.Now;
            c.Data.Alerts.Upsert(rule);
        }

        await c.OkAsync(Write(rule, c)).ConfigureAwait(false);
    }

    private static Task DeleteAsync(ApiContext c)
    {
        CheckAvailable(c);
        var rule = Rule(c, c.Organization(), c.Project());
        c.Data.Alerts.Remove(rule.Key);
        return c.AcceptedAsync();
    }
}
