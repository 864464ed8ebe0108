using RichardSzalay.MockHttp;
using System.Net;
using Sentry.Management.Mcp.Tests.TestSupport;

namespace Sentry.Management.Mcp.Tests.Tools;

/// <summary>Confirm, the host allow-list and bulk dry runs: nothing changes, and nothing is sent elsewhere, by accident.</summary>
public class SafetyTests
{
    [Test]
    public async Task A_destructive_tool_without_confirm_changes_nothing()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Answer(HttpMethod.Delete, "/api/0/projects/acme/api/keys/abc123/", string.Empty, HttpStatusCode.NoContent);

        var result = await mcp.CallAsync("delete_dsn", new { organizationSlug = "acme", projectSlug = "api", keyId = "abc123" });

        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Contain("confirm: true"));
        Assert.That(mcp.Backend.Requests, Is.Empty);

        var confirmed = await mcp.CallAsync("delete_dsn", new { organizationSlug = "acme", projectSlug = "api", keyId = "abc123", confirm = true });
        Assert.That(confirmed.IsError, Is.Not.True, confirmed.Text());
        Assert.That(mcp.Backend.Requests.Single().Method, Is.EqualTo(HttpMethod.Delete));
    }

    [TestCase("https://evil.example.com")]
    [TestCase("https://sentry.io.evil.com")]
    [TestCase("http://us.sentry.io")]
    [TestCase("https://user@us.sentry.io")]
    public async Task A_region_url_off_sentry_is_refused_and_nothing_is_sent(string regionUrl)
    {
        await using var mcp = await McpHarness.StartAsync();

        var result = await mcp.CallAsync("find_projects", new { organizationSlug = "acme", regionUrl });

        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Contain("regionUrl"));
        Assert.That(mcp.Backend.Requests, Is.Empty);
    }

    [Test]
    public async Task A_region_url_that_does_not_parse_is_refused_without_repeating_it()
    {
        await using var mcp = await McpHarness.StartAsync();

        var result = await mcp.CallAsync("find_projects", new { organizationSlug = "acme", regionUrl = "ftp://deploy:hunter2-credential@us.sentry.io" });

        Assert.That(result.IsError, Is.True);
        Assert.That(result.Text(), Does.Contain("regionUrl must be an absolute https URL"));
        Assert.That(result.Text(), Does.Not.Contain("hunter2"));
        Assert.That(mcp.Backend.Requests, Is.Empty);
    }

    [Test]
    public async Task A_sentry_region_is_called_through_the_configured_pipeline_with_the_token()
    {
        await using var mcp = await McpHarness.StartAsync();
        var seen = new List<string>();
        mcp.Backend.Mock.When(HttpMethod.Get, "https://de.sentry.io/api/0/organizations/acme/projects/").Respond(request =>
        {
            seen.Add($"{request.RequestUri!.GetLeftPart(UriPartial.Authority)} {request.Headers.Authorization?.Parameter}");
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(Samples.List(Samples.Project), System.Text.Encoding.UTF8, "application/json") };
        });

        var first = await mcp.CallAsync("find_projects", new { organizationSlug = "acme", regionUrl = "https://de.sentry.io" });
        var second = await mcp.CallAsync("find_projects", new { organizationSlug = "acme", regionUrl = "https://de.sentry.io/" });

        Assert.That(first.IsError, Is.Not.True, first.Text());
        Assert.That(second.IsError, Is.Not.True, second.Text());
        Assert.That(seen, Is.EqualTo(new[] { $"https://de.sentry.io {SentryBackend.Token}", $"https://de.sentry.io {SentryBackend.Token}" }));
    }

    [Test]
    public async Task Self_hosted_accepts_only_its_own_host()
    {
        await using var mcp = await McpHarness.StartAsync(baseUrl: "https://sentry.internal.example");

        var region = await mcp.CallAsync("find_projects", new { organizationSlug = "acme", regionUrl = "https://us.sentry.io" });
        var url = await mcp.CallAsync("get_issue_details", new { issueUrl = "https://acme.sentry.io/issues/1/" });

        Assert.That(region.IsError, Is.True);
        Assert.That(url.IsError, Is.True);
        Assert.That(url.Text(), Does.Contain("not on this server's Sentry"));
        Assert.That(mcp.Backend.Requests, Is.Empty);
    }

    [Test]
    public async Task An_issue_url_elsewhere_is_refused()
    {
        await using var mcp = await McpHarness.StartAsync();

        var result = await mcp.CallAsync("get_issue_details", new { issueUrl = "https://evil.example.com/organizations/acme/issues/1/" });

        Assert.That(result.IsError, Is.True);
        Assert.That(mcp.Backend.Requests, Is.Empty);
    }

    [Test]
    public async Task Bulk_update_dry_run_lists_then_confirm_applies_to_exactly_those_ids_with_progress()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Get("/api/0/organizations/acme/issues/", Samples.List(Samples.Issue, Samples.Issue.Replace("1001", "1002", StringComparison.Ordinal).Replace("API-1", "API-2", StringComparison.Ordinal)));
        var put = mcp.Backend.Answer(HttpMethod.Put, "/api/0/organizations/acme/issues/", """{"status":"resolved"}""");

        var dryRun = await mcp.CallAsync("bulk_update_issues", new { organizationSlug = "acme", query = "is:unresolved level:error", status = "resolved" });
        Assert.That(dryRun.Text(), Does.Contain("Dry run: 2 issues").And.Contain("API-1").And.Contain("API-2"));
        Assert.That(mcp.Backend.Mock.GetMatchCount(put), Is.Zero);
        var ids = dryRun.StructuredContent!.Value.GetProperty("issueIds").EnumerateArray().Select(e => e.GetString()!).ToArray();

        var progress = new List<ModelContextProtocol.ProgressNotificationValue>();
        var notifications = 0;
        await using var handler = mcp.Client.RegisterNotificationHandler(ModelContextProtocol.Protocol.NotificationMethods.ProgressNotification, (_, _) =>
        {
            Interlocked.Increment(ref notifications);
            return ValueTask.CompletedTask;
        });
        var applied = await mcp.CallAsync("bulk_update_issues", new { organizationSlug = "acme", query = "is:unresolved level:error", status = "resolved", issueIds = ids, confirm = true }, new SyncProgress(progress));

        Assert.That(applied.IsError, Is.Not.True, applied.Text());
        Assert.That(applied.Text(), Does.Contain("Applied status → resolved to 2 of 2"));
        var request = mcp.Backend.Requests.Last(r => r.Method == HttpMethod.Put);
        Assert.That(request.RequestUri!.Query, Does.Contain("id=1001").And.Contain("id=1002"));
        Assert.That(() => notifications, Is.GreaterThan(0).After(2000, 20), "progress notifications reach the client");
    }

    [Test]
    public async Task Bulk_delete_needs_confirm_and_reports_per_issue()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Backend.Get("/api/0/organizations/acme/issues/", Samples.List(Samples.Issue));
        var delete = mcp.Backend.Answer(HttpMethod.Delete, "/api/0/organizations/acme/issues/", string.Empty, HttpStatusCode.NoContent);

        var dryRun = await mcp.CallAsync("bulk_delete_issues", new { organizationSlug = "acme", query = "is:resolved" });
        Assert.That(mcp.Backend.Mock.GetMatchCount(delete), Is.Zero);
        Assert.That(dryRun.StructuredContent!.Value.GetProperty("applied").GetBoolean(), Is.False);

        var applied = await mcp.CallAsync("bulk_delete_issues", new { organizationSlug = "acme", query = "is:resolved", confirm = true });
        Assert.That(applied.StructuredContent!.Value.GetProperty("succeededIds").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "1001" }));
        Assert.That(mcp.Backend.Mock.GetMatchCount(delete), Is.EqualTo(1));
    }

    [Test]
    public async Task A_cancelled_call_stops()
    {
        await using var mcp = await McpHarness.StartAsync();
        var gate = new TaskCompletionSource();
        mcp.Backend.Mock.When(HttpMethod.Get, SentryBackend.BaseUrl + "/api/0/organizations/acme/issues/").Respond(async () =>
        {
            await gate.Task;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]") };
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.That(async () => await mcp.CallAsync("search_issues", new { organizationSlug = "acme" }, cancellationToken: cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        gate.SetResult();
    }

    private sealed class SyncProgress(List<ModelContextProtocol.ProgressNotificationValue> values) : IProgress<ModelContextProtocol.ProgressNotificationValue>
    {
        public void Report(ModelContextProtocol.ProgressNotificationValue value)
        {
            lock (values)
            {
                values.Add(value);
            }
        }
    }
}
