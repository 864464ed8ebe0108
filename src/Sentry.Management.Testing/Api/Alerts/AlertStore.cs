using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Alerts;

/// <summary>Finding, filtering and saving the alert definitions of one kind, for the four alert areas.</summary>
internal static class AlertStore
{
    public const string Workflow = "workflow";
    public const string Detector = "detector";
    public const string IssueRule = "rule";
    public const string MetricRule = "metric";
    public const string RuleTask = "rule-task";

    public static List<StoredAlert> All(ApiContext c, string kind, StoredOrganization organization) =>
        c.Data.Alerts.All().Where(a => a.Kind == kind && a.OrganizationId == organization.Id).ToList();

    public static StoredAlert Find(ApiContext c, string kind, StoredOrganization organization, string id) =>
        c.Data.Alerts.Find(kind + ":" + id) is { } alert && alert.OrganizationId == organization.Id ? alert : throw ApiProblem.NotFound();

    /// <summary>Merges a request body into what is stored (an update sends only what changes).</summary>
    public static void Merge(StoredAlert alert, JsonObject body)
    {
        var stored = ApiJson.ParseObject(alert.Json);
        foreach (var (name, value) in body)
        {
            stored[name] = value?.DeepClone();
        }

        alert.Json = stored.ToJsonString();
    }

    /// <summary>A stored body field, or <paramref name="fallback"/> when the client never sent it.</summary>
    public static JsonNode? Field(JsonObject stored, string name, JsonNode? fallback = null) =>
        stored.TryGetPropertyValue(name, out var value) ? value?.DeepClone() : fallback;

    /// <summary>The alert API generation a server speaks decides whether these routes exist.</summary>
    public static bool WorkflowEngine(ApiContext c) => c.State.Options.AlertApi != LocalSentryAlertApi.Legacy;

    public static bool LegacyRules(ApiContext c) => c.State.Options.AlertApi != LocalSentryAlertApi.WorkflowEngine;

    public static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add((JsonNode)JsonValue.Create(value));
        }

        return array;
    }

    /// <summary>The workflow engine's bulk filters, <c>id</c>, <c>query</c> and <c>project</c>; one is required.</summary>
    public static List<StoredAlert> BulkSelection(ApiContext c, IReadOnlyList<StoredAlert> alerts, Func<StoredAlert, IEnumerable<string>> projectsOf)
    {
        var ids = c.QueryAll("id");
        var query = c.Query("query");
        var projects = c.QueryAll("project");
        if (ids.Count == 0 && query is null && projects.Count == 0)
        {
            throw ApiProblem.BadRequest("At least one of 'id', 'query', 'project', or 'projectSlug' must be provided.");
        }

        return Filter(alerts, ids, query, projects, projectsOf);
    }

    public static List<StoredAlert> Filter(IReadOnlyList<StoredAlert> alerts, IReadOnlyList<string> ids, string? query, IReadOnlyList<string> projects, Func<StoredAlert, IEnumerable<string>> projectsOf)
    {
        var terms = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return alerts.Where(a => ids.Count == 0 || ids.Contains(a.Id))
            .Where(a => terms.All(term => Matches(a, term)))
            .Where(a => projects.Count == 0 || projectsOf(a).Any(projects.Contains))
            .ToList();
    }

    /// <summary>The subset of the workflow engine's search: <c>name:</c> and <c>type:</c> terms and free text on the name.</summary>
    private static bool Matches(StoredAlert alert, string term) => term.Split(':', 2) switch
    {
        ["name", var v] => alert.Name.Contains(v, StringComparison.OrdinalIgnoreCase),
        ["type", var v] => alert.Type == v,
        _ => alert.Name.Contains(term, StringComparison.OrdinalIgnoreCase),
    };
}
