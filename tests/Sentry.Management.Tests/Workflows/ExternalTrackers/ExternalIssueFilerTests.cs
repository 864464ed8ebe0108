using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Workflows.ExternalTrackers;

public class ExternalIssueFilerTests
{
    private const string Integrations = "/api/0/organizations/acme/integrations/";
    private const string External = "/api/0/organizations/acme/issues/11/external-issues/";
    private const string Issue = "/api/0/organizations/acme/issues/11/";
    private const string Create = "/api/0/organizations/acme/issues/11/integrations/31/";

    private static RequestRecorder Sentry(SentryTestHarness h, string linked = "[]")
    {
        var r = new RequestRecorder();
        r.On(h, HttpMethod.Get, Integrations, """[{"id": "31", "name": "acme.atlassian.net", "provider": {"key": "jira"}}]""");
        r.On(h, HttpMethod.Get, External, linked);
        r.On(h, HttpMethod.Get, Issue, """{"id": "11", "shortId": "BACKEND-1", "title": "TimeoutError: upstream", "culprit": "api.handlers.pay", "permalink": "https://acme.sentry.io/issues/11/", "count": "42", "userCount": 7}""");
        r.On(h, HttpMethod.Post, Create, """{"id": "501", "key": "OPS-7", "url": "https://acme.atlassian.net/browse/OPS-7", "displayName": "OPS-7"}""", HttpStatusCode.Created);
        return r;
    }

    [Test]
    public async Task Files_the_issue_in_the_named_tracker_with_its_title_and_a_link_back()
    {
        using var h = new SentryTestHarness();
        var r = Sentry(h);

        var filing = await h.Client.DefaultOrganization.Integrations.FileIssueAsync(
            "11", "jira", "acme.atlassian.net", new Dictionary<string, JsonElement> { ["project"] = MockExtensions.Parse("\"10000\""), ["issuetype"] = MockExtensions.Parse("\"10002\"") });

        var post = r.Requests.Single(q => q.Method == HttpMethod.Post);
        Assert.That(post.Path, Is.EqualTo(Create));
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(post.Body!), JsonNode.Parse("""
            {"title": "TimeoutError: upstream", "project": "10000", "issuetype": "10002",
             "description": "Sentry issue BACKEND-1: https://acme.sentry.io/issues/11/\n\nCulprit: api.handlers.pay\nEvents: 42, users: 7"}
            """)), Is.True, post.Body);
        Assert.That(r.Requests.First(q => q.Path == Integrations).Query("providerKey"), Is.EqualTo(new[] { "jira" }));
        Assert.That(filing, Is.EqualTo(new ExternalIssueFiling("11", "31", true, "OPS-7", "https://acme.atlassian.net/browse/OPS-7")));
    }

    [Test]
    public async Task A_re_run_finds_the_linked_issue_and_creates_nothing()
    {
        using var h = new SentryTestHarness();
        var r = Sentry(h, linked: """[{"id": "9", "issueId": "11", "serviceType": "jira", "displayName": "OPS-7", "webUrl": "https://acme.atlassian.net/browse/OPS-7"}]""");

        var filing = await h.Client.DefaultOrganization.Integrations.FileIssueAsync("11", "jira");

        Assert.That(r.Requests.Any(q => q.Method == HttpMethod.Post), Is.False);
        Assert.That(filing.ToString(), Is.EqualTo("found OPS-7 for issue 11"));
    }

    [Test]
    public void A_tracker_that_is_not_installed_fails_before_anything_is_created()
    {
        using var h = new SentryTestHarness();
        var r = Sentry(h);

        var error = Assert.ThrowsAsync<ArgumentException>(() => h.Client.DefaultOrganization.Integrations.FileIssueAsync("11", "jira", "globex.atlassian.net"));

        Assert.That(error!.Message, Does.Contain("'globex.atlassian.net'"));
        Assert.That(r.Requests.Any(q => q.Method == HttpMethod.Post), Is.False);
    }
}
