using RichardSzalay.MockHttp;
using System.Text.Json;
using Sentry.Management.Mcp.Tests.TestSupport;

namespace Sentry.Management.Mcp.Tests.Tools;

/// <summary>Cursors and the size budget: every item is reachable, none is shown twice.</summary>
public class PagingTests
{
    [Test]
    public async Task Sentrys_next_cursor_is_returned_and_sent_back()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Mock.When(HttpMethod.Get, SentryBackend.BaseUrl + "/api/0/organizations/acme/teams/").WithQueryString("cursor", "1:100:0").Respond("application/json", Samples.List(Samples.Team.Replace("backend", "frontend", StringComparison.Ordinal)));
        mcp.Backend.Get("/api/0/organizations/acme/teams/", Samples.List(Samples.Team), nextCursor: "1:100:0");

        var first = await mcp.CallAsync("find_teams", new { organizationSlug = "acme" });
        var cursor = first.StructuredContent!.Value.GetProperty("nextCursor").GetString();
        Assert.That(cursor, Is.EqualTo("1:100:0"));
        Assert.That(first.Text(), Does.Contain("cursor \"1:100:0\""));

        var second = await mcp.CallAsync("find_teams", new { organizationSlug = "acme", cursor });
        Assert.That(second.Text(), Does.Contain("frontend").And.Not.Contain("**backend**"));
        Assert.That(second.StructuredContent!.Value.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task A_limit_smaller_than_the_page_continues_inside_the_page()
    {
        await using var mcp = await McpHarness.StartAsync();
        var projects = Enumerable.Range(1, 5).Select(i => Samples.Project.Replace("\"api\"", $"\"p{i}\"", StringComparison.Ordinal)).ToArray();
        mcp.Backend.Get("/api/0/organizations/acme/projects/", Samples.List(projects));

        var seen = new List<string>();
        string? cursor = null;
        for (var call = 0; call < 5; call++)
        {
            var result = await mcp.CallAsync("find_projects", new { organizationSlug = "acme", limit = 2, cursor });
            seen.AddRange(result.StructuredContent!.Value.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!));
            cursor = result.StructuredContent.Value.GetProperty("nextCursor").GetString();
            if (cursor is null)
            {
                break;
            }
        }

        Assert.That(seen, Is.EqualTo(new[] { "p1", "p2", "p3", "p4", "p5" }));
    }

    [Test]
    public async Task The_budget_cuts_at_an_item_with_a_cursor_to_the_rest()
    {
        await using var mcp = await McpHarness.StartAsync(o => o.ResultBudget = 1_500);
        var issues = Enumerable.Range(1, 30).Select(i => Samples.Issue.Replace("\"1001\"", $"\"{2000 + i}\"", StringComparison.Ordinal).Replace("API-1", $"API-{i}", StringComparison.Ordinal)).ToArray();
        mcp.Backend.Get("/api/0/organizations/acme/issues/", Samples.List(issues));

        var result = await mcp.CallAsync("search_issues", new { organizationSlug = "acme", limit = 30 });

        var structured = result.StructuredContent!.Value;
        var shown = structured.GetProperty("items").GetArrayLength();
        Assert.That(structured.GetProperty("truncated").GetBoolean(), Is.True);
        Assert.That(shown, Is.InRange(1, 29));
        Assert.That(result.Text().Length, Is.LessThanOrEqualTo(1_500));
        Assert.That(result.Text(), Does.Contain("cut at").And.Contain("cursor"));

        var rest = await mcp.CallAsync("search_issues", new { organizationSlug = "acme", limit = 30, cursor = structured.GetProperty("nextCursor").GetString() });
        Assert.That(rest.StructuredContent!.Value.GetProperty("items")[0].GetProperty("shortId").GetString(), Is.EqualTo($"API-{shown + 1}"));
    }

    [Test]
    public async Task A_cursor_this_server_did_not_hand_out_is_refused()
    {
        await using var mcp = await McpHarness.StartAsync();

        var result = await mcp.CallAsync("find_projects", new { organizationSlug = "acme", cursor = "x@y" });

        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Contain("cursor"));
    }
}
