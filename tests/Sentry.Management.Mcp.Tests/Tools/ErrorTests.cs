using RichardSzalay.MockHttp;
using System.Net;
using Sentry.Management.Mcp.Tests.TestSupport;

namespace Sentry.Management.Mcp.Tests.Tools;

/// <summary>Each failure category comes back as a tool error that says what to do, and never shows the token.</summary>
public class ErrorTests
{
    [Test]
    public async Task Forbidden_names_the_missing_scope()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Answer(HttpMethod.Put, "/api/0/organizations/acme/issues/1001/", """{"detail":"You do not have permission to perform this action."}""", HttpStatusCode.Forbidden);
        mcp.Backend.Get("/api/0/", Samples.Root);

        var result = await mcp.CallAsync("update_issue", new { organizationSlug = "acme", issueId = "1001", status = "resolved", confirm = true });

        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Contain("event:write").And.Contain("lacks"));
    }

    [Test]
    public async Task Unauthorized_says_how_to_get_a_new_token()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Answer(HttpMethod.Get, "/api/0/", """{"detail":"Invalid token"}""", HttpStatusCode.Unauthorized);

        var result = await mcp.CallAsync("whoami");

        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Contain("401").And.Contain("Personal Tokens"));
    }

    [Test]
    public async Task Not_found_lists_the_ids_used()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Answer(HttpMethod.Get, "/api/0/projects/acme/nope/keys/", """{"detail":"The requested resource does not exist"}""", HttpStatusCode.NotFound);

        var result = await mcp.CallAsync("find_dsns", new { organizationSlug = "acme", projectSlug = "nope" });

        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Contain("organizationSlug=acme").And.Contain("projectSlug=nope").And.Contain("find_projects"));
    }

    [Test]
    public async Task Rate_limited_says_how_long_to_wait()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Mock.When(HttpMethod.Get, SentryBackend.BaseUrl + "/api/0/organizations/acme/issues/").Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("""{"detail":"slow down"}""") };
            response.Headers.TryAddWithoutValidation("Retry-After", "17");
            return response;
        });

        var result = await mcp.CallAsync("search_issues", new { organizationSlug = "acme" });

        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Contain("rate limit").And.Contain("wait 17 s"));
    }

    [Test]
    public async Task Validation_errors_show_sentrys_field_errors()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Answer(HttpMethod.Post, "/api/0/organizations/acme/releases/", """{"version":["Release with this version already exists in another project."],"projects":["Invalid project slugs"]}""", HttpStatusCode.BadRequest);

        var result = await mcp.CallAsync("create_release", new { organizationSlug = "acme", version = "api@2", projects = new[] { "api" } });

        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Contain("version: Release with this version").And.Contain("projects: Invalid project slugs"));
    }

    [Test]
    public async Task Bad_input_is_refused_before_any_request()
    {
        await using var mcp = await McpHarness.StartAsync();

        var result = await mcp.CallAsync("search_issues", new { organizationSlug = "acme", limit = 500 });

        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Contain("limit must be between 1 and 100"));
        Assert.That(mcp.Backend.Requests, Is.Empty);
    }

    [Test]
    public async Task The_token_never_appears_even_when_sentry_echoes_it()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Answer(HttpMethod.Get, "/api/0/organizations/acme/teams/", $$"""{"detail":"bad header Bearer {{SentryBackend.Token}}"}""", HttpStatusCode.InternalServerError);

        var result = await mcp.CallAsync("find_teams", new { organizationSlug = "acme" });

        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Not.Contain(SentryBackend.Token).And.Contain("Sentry answered 500"));
    }

    [Test]
    public async Task Search_events_refuses_a_sort_that_is_not_a_field_before_asking_sentry()
    {
        await using var mcp = await McpHarness.StartAsync();

        var result = await mcp.CallAsync("search_events", new { organizationSlug = "acme", fields = new[] { "title", "count()" }, sort = "-p95(span.duration)" });

        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Contain("Invalid input").And.Contain("-p95(span.duration)"));
        Assert.That(mcp.Backend.Requests, Is.Empty);
    }

    [Test]
    public async Task Search_events_passes_sentrys_query_error_back()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Answer(HttpMethod.Get, "/api/0/organizations/acme/events/", """{"detail":"Invalid query. Argument to function is wrong type."}""", System.Net.HttpStatusCode.BadRequest);

        var result = await mcp.CallAsync("search_events", new { organizationSlug = "acme", query = "count():>x" });

        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Contain("Argument to function is wrong type"));
    }

    [Test]
    public async Task Add_issue_note_on_an_unknown_issue_is_not_found_with_the_ids_used()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Answer(HttpMethod.Post, "/api/0/organizations/acme/issues/999/notes/", """{"detail":"The requested resource does not exist"}""", System.Net.HttpStatusCode.NotFound);

        var result = await mcp.CallAsync("add_issue_note", new { organizationSlug = "acme", issueId = "999", text = "why" });

        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Contain("issueId=999"));
    }
}
