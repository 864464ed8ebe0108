using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Integrations;

public sealed class IntegrationEndpointTests
{
    [Test]
    public async Task External_issues_are_created_linked_listed_and_unlinked()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        var issueId = await http.CreateIssueAsync(sentry);
        var integrations = await http.GetJsonAsync("/api/0/organizations/local/integrations/");
        var github = integrations.EnumerateArray().Single(i => i.GetProperty("provider").GetProperty("key").GetString() == "github").GetProperty("id").GetString();
        var slack = integrations.EnumerateArray().Single(i => i.GetProperty("provider").GetProperty("key").GetString() == "slack").GetProperty("id").GetString();
        var path = $"/api/0/organizations/local/issues/{issueId}/integrations/{github}/";

        var created = await http.SendJsonAsync(HttpMethod.Post, path, """{"title":"Checkout fails","repo":"acme/app"}""");
        var linked = await http.SendJsonAsync(HttpMethod.Put, path, """{"externalIssue":"7","repo":"acme/app"}""");
        var twice = await http.SendJsonAsync(HttpMethod.Put, path, """{"externalIssue":"acme/app#7"}""");
        var noTitle = await http.SendJsonAsync(HttpMethod.Post, path, "{}");
        var onSlack = await http.SendJsonAsync(HttpMethod.Post, $"/api/0/organizations/local/issues/{issueId}/integrations/{slack}/", """{"title":"x"}""");
        var listed = await http.GetJsonAsync($"/api/0/organizations/local/issues/{issueId}/external-issues/");
        var unlinked = await http.SendJsonAsync(HttpMethod.Delete, path + "?externalIssue=" + listed[0].GetProperty("id").GetString());
        var after = await http.GetJsonAsync($"/api/0/organizations/local/issues/{issueId}/external-issues/");
        var noIssue = await http.SendJsonAsync(HttpMethod.Get, "/api/0/organizations/local/issues/999999/external-issues/");

        Assert.Multiple(() =>
        {
            Assert.That(integrations.GetArrayLength(), Is.EqualTo(2));
            Assert.That(created.Status, Is.EqualTo(201));
            Assert.That(created.Body.GetProperty("key").GetString(), Is.EqualTo("acme/app#1"));
            Assert.That(created.Body.GetProperty("url").GetString(), Is.EqualTo("https://github.com/acme/app/issues/1"));
            Assert.That(linked.Status, Is.EqualTo(201));
            Assert.That(linked.Body.GetProperty("key").GetString(), Is.EqualTo("acme/app#7"));
            Assert.That(twice.Status, Is.EqualTo(400));
            Assert.That(noTitle.Status, Is.EqualTo(400));
            Assert.That(onSlack.Status, Is.EqualTo(400));
            Assert.That(listed.EnumerateArray().Select(e => e.GetProperty("displayName").GetString()), Is.EqualTo(new[] { "acme/app#1", "acme/app#7" }));
            Assert.That(listed[0].GetProperty("serviceType").GetString(), Is.EqualTo("github"));
            Assert.That(unlinked.Status, Is.EqualTo(204));
            Assert.That(after.GetArrayLength(), Is.EqualTo(1));
            Assert.That(noIssue.Status, Is.EqualTo(404));
        });
    }

    [Test]
    public async Task The_installed_integrations_are_named_by_the_options()
    {
        await using var sentry = await LocalSentry.StartAsync(new LocalSentryOptions { SlackWorkspace = "acme-chat", GitHubOrganization = "acme" });
        using var http = new LocalSentryHttp(sentry);

        var integrations = await http.GetJsonAsync("/api/0/organizations/local/integrations/");
        var slack = await http.GetJsonAsync("/api/0/organizations/local/integrations/?providerKey=slack");
        var missing = await http.SendJsonAsync(HttpMethod.Get, "/api/0/organizations/local/integrations/999/");

        Assert.Multiple(() =>
        {
            Assert.That(integrations.EnumerateArray().Select(i => i.GetProperty("name").GetString()), Is.EqualTo(new[] { "acme-chat", "acme" }));
            Assert.That(slack.GetArrayLength(), Is.EqualTo(1));
            Assert.That(slack[0].GetProperty("domainName").GetString(), Is.EqualTo("acme-chat.slack.com"));
            Assert.That(missing.Status, Is.EqualTo(404));
            Assert.That(() => new LocalSentryOptions { SlackWorkspace = "" }.Validate(), Throws.ArgumentException.With.Message.Contains("SlackWorkspace"));
        });
    }
}
