using System.Text.Json;
using Sentry.Management.Mcp.Tests.TestSupport;
using Sentry.Management.Testing;

namespace Sentry.Management.Mcp.Tests.Tools;

/// <summary>
/// Tools end to end against the local Sentry: events captured through a real DSN, grouped into issues, then found,
/// read and changed through the tools, and every change read back through the facade (not through the tool that made it).
/// </summary>
[NonParallelizable]
public class LocalSentryTests
{
    private LocalSentry _local = null!;
    private SentryManagementClient _sentry = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _local = await LocalSentry.StartAsync(new LocalSentryOptions { Organization = "acme", Project = "api" });
        _sentry = new SentryManagementClient(new SentryManagementOptions { BaseUrl = _local.Url, AuthToken = _local.AuthToken, Organization = _local.Organization, AllowInsecureTransport = true });
        await using var capture = new SentryCaptureClient(new SentryCaptureOptions { Dsn = _local.Dsn, Release = "api@2.0.0", Environment = "production" });
        for (var i = 0; i < 3; i++)
        {
            capture.Exception(Thrown(new InvalidOperationException("Basket is locked"))).Tag("region", i == 0 ? "eu" : "us").Capture();
        }

        capture.Exception(Thrown(new FormatException("Price '12,5' is not a number"))).Capture();
        Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(30)), Is.True);
        await _local.Received.WaitForEventsAsync(4, TimeSpan.FromSeconds(30));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _sentry.Dispose();
        await _local.DisposeAsync();
    }

    [Test]
    public async Task Search_issues_and_get_issue_details_find_what_was_captured()
    {
        await using var mcp = await McpHarness.StartAsync(_local);

        var search = await mcp.CallAsync("search_issues", new { query = "Basket" });
        var id = Items(search).Single().GetProperty("id").GetString();
        var details = await mcp.CallAsync("get_issue_details", new { issueId = id });
        var tags = await mcp.CallAsync("get_issue_tag_values", new { issueId = id, tagKey = "region" });

        Assert.That(search.Text(), Does.Contain("Basket is locked").And.Contain("3 events").And.Not.Contain("Price"));
        Assert.That(details.IsError, Is.Not.True, details.Text());
        Assert.That(details.Text(), Does.Contain("InvalidOperationException").And.Contain(nameof(Thrown)));
        Assert.That(tags.Text(), Does.Contain("us").And.Contain("eu"));
    }

    [Test]
    public async Task Update_issue_with_a_reason_resolves_it_and_leaves_the_reason_as_a_note()
    {
        await using var mcp = await McpHarness.StartAsync(_local);
        var id = await IssueIdAsync("Price");

        var result = await mcp.CallAsync("update_issue", new { issueId = id, status = "resolved", reason = "parsing fixed in api@2.0.1", confirm = true });

        Assert.That(result.IsError, Is.Not.True, result.Text());
        var issue = await _sentry.Organization("acme").Issues.GetAsync(id);
        Assert.That(issue.Status?.ToString(), Is.EqualTo("resolved"));
        var notes = await _sentry.Organization("acme").Issues.ListNotes(id).ToListAsync();
        Assert.That(notes.Select(n => n.Data?.GetProperty("text").GetString()), Does.Contain("parsing fixed in api@2.0.1"));
    }

    [Test]
    public async Task Add_issue_note_is_stored_on_the_issue()
    {
        await using var mcp = await McpHarness.StartAsync(_local);
        var id = await IssueIdAsync("Basket");

        var result = await mcp.CallAsync("add_issue_note", new { issueId = id, text = "Seen after the 2.0 deploy" });

        Assert.That(result.IsError, Is.Not.True, result.Text());
        var noteId = result.StructuredContent!.Value.GetProperty("noteId").GetString();
        var notes = await _sentry.Organization("acme").Issues.ListNotes(id).ToListAsync();
        Assert.That(notes.Single(n => n.Id == noteId).Data?.GetProperty("text").GetString(), Is.EqualTo("Seen after the 2.0 deploy"));
    }

    [Test]
    public async Task Search_events_counts_the_captured_errors_per_issue()
    {
        await using var mcp = await McpHarness.StartAsync(_local);

        var result = await mcp.CallAsync("search_events", new { fields = new[] { "title", "count()" }, query = "Basket" });

        Assert.That(result.IsError, Is.Not.True, result.Text());
        var row = Items(result).Single();
        Assert.That(row.GetProperty("count()").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task A_release_created_and_deployed_through_the_tools_is_in_sentry()
    {
        await using var mcp = await McpHarness.StartAsync(_local);

        var created = await mcp.CallAsync("create_release", new { version = "api@3.0.0", projects = new[] { "api" } });
        var deployed = await mcp.CallAsync("create_deploy", new { version = "api@3.0.0", environment = "staging" });
        var details = await mcp.CallAsync("get_release_details", new { releaseVersion = "api@3.0.0" });

        Assert.That(created.IsError, Is.Not.True, created.Text());
        Assert.That(deployed.IsError, Is.Not.True, deployed.Text());
        Assert.That(details.Text(), Does.Contain("staging"));
        var deploys = await _sentry.Organization("acme").Releases.ListDeploys("api@3.0.0").ToListAsync();
        Assert.That(deploys.Select(d => d.Environment), Is.EqualTo(new[] { "staging" }));
    }

    [Test]
    public async Task Send_test_event_for_a_new_dsn_arrives_at_the_local_sentry()
    {
        await using var mcp = await McpHarness.StartAsync(_local);

        var dsn = await mcp.CallAsync("create_dsn", new { projectSlug = "api", name = "MCP test" });
        var keyId = dsn.StructuredContent!.Value.GetProperty("key").GetProperty("id").GetString();
        var sent = await mcp.CallAsync("send_test_event", new { projectSlug = "api", keyId, message = "hello from the MCP end-to-end test" });

        Assert.That(sent.IsError, Is.Not.True, sent.Text());
        Assert.That(sent.Text(), Does.Contain("Test event accepted"));
        await _local.Received.WaitUntilAsync(r => r.Events.Any(e => e.Message == "hello from the MCP end-to-end test"), TimeSpan.FromSeconds(10));
    }

    private static List<JsonElement> Items(ModelContextProtocol.Protocol.CallToolResult result) =>
        [.. result.StructuredContent!.Value.GetProperty("items").EnumerateArray()];

    private async Task<string> IssueIdAsync(string text)
    {
        var issues = await _sentry.Organization("acme").Issues.List(new IssueListOptions { Filter = new IssueQuery { Query = text } }).ToListAsync();
        return issues.Single().Id!;
    }

    // Thrown so the event carries a stack trace with this test's frames.
    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
