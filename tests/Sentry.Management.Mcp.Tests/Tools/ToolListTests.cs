using ModelContextProtocol.Protocol;
using Sentry.Management.Mcp.Tests.TestSupport;

namespace Sentry.Management.Mcp.Tests.Tools;

/// <summary>tools/list: names and parameter names as Sentry's own server has them, honest annotations, and the filters.</summary>
public class ToolListTests
{
    /// <summary>Sentry's MCP server's tools in our areas, with the parameter names prompts use.</summary>
    private static readonly Dictionary<string, string[]> Official = new()
    {
        ["whoami"] = [],
        ["find_organizations"] = ["query"],
        ["find_teams"] = ["organizationSlug", "regionUrl", "query"],
        ["find_projects"] = ["organizationSlug", "regionUrl", "query"],
        ["find_releases"] = ["organizationSlug", "regionUrl", "projectSlug", "query"],
        ["find_dsns"] = ["organizationSlug", "regionUrl", "projectSlug"],
        ["get_release_details"] = ["organizationSlug", "regionUrl", "releaseVersion", "projectSlugOrId", "includeHealth", "includeDeploys", "includeCommits", "limit"],
        ["search_issues"] = ["organizationSlug", "query", "sort", "projectSlugOrId", "regionUrl", "limit", "period"],
        ["get_issue_details"] = ["organizationSlug", "regionUrl", "issueId", "eventId", "issueUrl"],
        ["search_issue_events"] = ["organizationSlug", "issueId", "issueUrl", "query", "regionUrl", "limit"],
        ["get_issue_tag_values"] = ["organizationSlug", "regionUrl", "issueId", "issueUrl", "tagKey"],
        ["update_issue"] = ["organizationSlug", "regionUrl", "issueId", "issueUrl", "status", "assignedTo", "ignoreMode", "ignoreDurationMinutes", "ignoreCount", "ignoreWindowMinutes", "ignoreUserCount", "ignoreUserWindowMinutes"],
        ["add_issue_note"] = ["organizationSlug", "regionUrl", "issueId", "issueUrl", "text"],
        ["create_team"] = ["organizationSlug", "regionUrl", "name"],
        ["create_project"] = ["organizationSlug", "regionUrl", "teamSlug", "name", "platform"],
        ["create_dsn"] = ["organizationSlug", "regionUrl", "projectSlug", "name"],
        ["update_project"] = ["organizationSlug", "regionUrl", "projectSlug", "name", "slug", "platform"],
        ["update_dsn"] = ["organizationSlug", "regionUrl", "projectSlug", "keyId", "name", "isActive", "rateLimitWindow", "rateLimitCount", "browserSdkVersion"],
        ["add_team_to_project"] = ["organizationSlug", "regionUrl", "projectSlug", "teamSlug"],
        ["remove_team_from_project"] = ["organizationSlug", "regionUrl", "projectSlug", "teamSlug"],
        ["find_alert_rules"] = ["organizationSlug", "regionUrl", "projectSlug", "query", "cursor", "limit"],
        ["get_alert_rule"] = ["organizationSlug", "regionUrl", "kind", "projectSlug", "ruleIdOrName"],
        ["search_events"] = ["organizationSlug", "dataset", "query", "fields", "sort", "projectSlug", "environment", "period", "regionUrl", "limit"],
    };

    private static readonly string[] Ours =
    [
        "create_release", "set_release_commits", "create_deploy", "finalize_release", "bulk_update_issues", "bulk_delete_issues", "create_alert_rule",
        "update_alert_rule", "create_metric_alert", "update_metric_alert", "get_organization_stats", "get_release_health", "delete_dsn", "send_test_event", "doctor",
    ];

    private static readonly string[] ListTools = ["find_organizations", "find_teams", "find_projects", "find_releases", "find_dsns", "search_issues", "search_issue_events", "find_alert_rules", "search_events"];

    [Test]
    public async Task Lists_every_official_tool_with_its_parameter_names_and_ours()
    {
        await using var mcp = await McpHarness.StartAsync();
        var tools = (await mcp.ListToolsAsync()).ToDictionary(t => t.Name);

        Assert.That(tools.Keys, Is.EquivalentTo(Official.Keys.Concat(Ours)));
        foreach (var (name, parameters) in Official)
        {
            Assert.That(Properties(tools[name]), Is.SupersetOf(parameters), name);
        }
    }

    [Test]
    public async Task Every_list_tool_takes_a_cursor_and_returns_nextCursor()
    {
        await using var mcp = await McpHarness.StartAsync();
        var tools = (await mcp.ListToolsAsync()).ToDictionary(t => t.Name);
        foreach (var name in ListTools)
        {
            Assert.That(Properties(tools[name]), Does.Contain("cursor"), name);
            Assert.That(tools[name].OutputSchema!.Value.GetProperty("properties").TryGetProperty("nextCursor", out _), Is.True, name);
        }
    }

    [Test]
    public async Task Annotations_are_honest_and_destructive_tools_take_confirm()
    {
        await using var mcp = await McpHarness.StartAsync();
        var tools = (await mcp.ListToolsAsync()).ToDictionary(t => t.Name);
        string[] destructive = ["update_issue", "update_project", "update_dsn", "delete_dsn", "remove_team_from_project", "set_release_commits", "bulk_update_issues", "bulk_delete_issues", "update_alert_rule", "update_metric_alert"];
        string[] additive = ["create_team", "create_project", "create_dsn", "add_team_to_project", "add_issue_note", "create_release", "create_deploy", "finalize_release", "create_alert_rule", "create_metric_alert", "send_test_event"];
        foreach (var tool in tools.Values)
        {
            var a = tool.Annotations!;
            Assert.That(a.OpenWorldHint, Is.True, tool.Name);
            Assert.That(tool.OutputSchema, Is.Not.Null, tool.Name);
            var isDestructive = destructive.Contains(tool.Name);
            var isRead = !isDestructive && !additive.Contains(tool.Name);
            Assert.That(a.ReadOnlyHint, Is.EqualTo(isRead), tool.Name);
            Assert.That(a.DestructiveHint, Is.EqualTo(isDestructive), tool.Name);
            Assert.That(Properties(tool).Contains("confirm"), Is.EqualTo(isDestructive), tool.Name);
            if (isRead)
            {
                Assert.That(a.IdempotentHint, Is.True, tool.Name);
            }
        }

        Assert.That(tools["create_release"].Annotations!.IdempotentHint, Is.True, "an existing release is returned, not duplicated");
        Assert.That(tools["create_deploy"].Annotations!.IdempotentHint, Is.False, "every call records another deploy");
    }

    [Test]
    public async Task Read_only_mode_lists_read_tools_only()
    {
        await using var mcp = await McpHarness.StartAsync(o => o.ReadOnly = true);
        var tools = await mcp.ListToolsAsync();
        Assert.That(tools, Has.Count.EqualTo(17));
        Assert.That(tools.Select(t => t.Annotations!.ReadOnlyHint), Is.All.True);
        Assert.That(tools.Select(t => t.Name), Does.Not.Contain("update_issue").And.Contains("doctor"));
    }

    [Test]
    public async Task Allow_and_deny_lists_filter_the_tools()
    {
        await using var mcp = await McpHarness.StartAsync(o =>
        {
            o.AllowedTools.UnionWith(["whoami", "search_issues", "update_issue"]);
            o.DeniedTools.Add("update_issue");
        });
        Assert.That((await mcp.ListToolsAsync()).Select(t => t.Name), Is.EquivalentTo(new[] { "whoami", "search_issues" }));
    }

    [Test]
    public void Unknown_tool_names_in_the_lists_fail_at_start()
    {
        var options = new SentryMcpOptions();
        options.DeniedTools.Add("delete_everything");
        Assert.That(options.Validate().Single(), Does.Contain("'delete_everything'").And.Contain("not a tool"));
    }

    [Test]
    public async Task Constraints_remove_organization_and_project_parameters_from_every_schema()
    {
        await using var mcp = await McpHarness.StartAsync(o =>
        {
            o.Organization = "acme";
            o.Project = "api";
        });
        var tools = await mcp.ListToolsAsync();
        Assert.That(tools.Select(t => t.Name), Is.EquivalentTo(Official.Keys.Concat(Ours)), "constraints remove parameters, not tools");
        foreach (var tool in tools)
        {
            Assert.That(Properties(tool), Has.None.AnyOf("organizationSlug", "projectSlug", "projectSlugOrId"), tool.Name);
            if (tool.InputSchema.TryGetProperty("required", out var required))
            {
                Assert.That(required.EnumerateArray().Select(r => r.GetString()), Has.None.AnyOf("organizationSlug", "projectSlug"), tool.Name);
            }
        }
    }

    [Test]
    public async Task A_call_naming_another_organization_than_the_constraint_is_refused()
    {
        await using var mcp = await McpHarness.StartAsync(o => o.Organization = "acme");
        var result = await mcp.CallAsync("find_projects", new { organizationSlug = "other" });
        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Contain("constrained to organization 'acme'"));
        Assert.That(mcp.Backend.Requests, Is.Empty);
    }

    [Test]
    public async Task The_project_constraint_is_used_for_calls()
    {
        await using var mcp = await McpHarness.StartAsync(o =>
        {
            o.Organization = "acme";
            o.Project = "api";
        });
        mcp.Backend.Get("/api/0/projects/acme/api/keys/", Samples.List(Samples.Key));
        var result = await mcp.CallAsync("find_dsns");
        Assert.That(result.IsError, Is.Not.True, result.Text());
        Assert.That(result.Text(), Does.Contain("https://abc123@o1.ingest.sentry.io/11"));
    }

    private static List<string> Properties(Tool tool) =>
        [.. tool.InputSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
}
