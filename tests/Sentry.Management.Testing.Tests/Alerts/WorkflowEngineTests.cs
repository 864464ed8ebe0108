using System.Text.Json;
using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Alerts;

public sealed class WorkflowEngineTests
{
    [Test]
    public async Task Every_project_has_default_detectors_a_workflow_can_attach_to()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);

        var detectors = await http.GetJsonAsync($"/api/0/organizations/local/detectors/?project={sentry.Project.Id}");
        var errorDetector = detectors.EnumerateArray().Single(d => d.GetProperty("type").GetString() == "error").GetProperty("id").GetString();
        var created = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/workflows/", $$"""{"name":"Notify","detectorIds":["{{errorDetector}}"]}""");
        var detector = await http.GetJsonAsync($"/api/0/organizations/local/detectors/{errorDetector}/");
        var unknownDetector = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/workflows/", """{"name":"x","detectorIds":["999"]}""");
        var noName = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/workflows/", "{}");
        var deleteDefault = await http.SendJsonAsync(HttpMethod.Delete, $"/api/0/organizations/local/detectors/{errorDetector}/");

        Assert.Multiple(() =>
        {
            Assert.That(detectors.EnumerateArray().Select(d => d.GetProperty("type").GetString()), Is.EquivalentTo(new[] { "error", "issue_stream" }));
            Assert.That(created.Status, Is.EqualTo(201));
            Assert.That(created.Body.GetProperty("detectorIds")[0].GetString(), Is.EqualTo(errorDetector));
            Assert.That(detector.GetProperty("workflowIds")[0].GetString(), Is.EqualTo(created.Body.GetProperty("id").GetString()));
            Assert.That(unknownDetector.Status, Is.EqualTo(400));
            Assert.That(unknownDetector.Body.GetProperty("detectorIds")[0].GetString(), Does.Contain("999"));
            Assert.That(noName.Status, Is.EqualTo(400));
            Assert.That(noName.Body.GetProperty("name")[0].GetString(), Is.EqualTo("This field is required."));
            Assert.That(deleteDefault.Status, Is.EqualTo(403));
        });
    }

    [Test]
    public async Task Workflows_are_updated_and_deleted_one_by_one_and_in_bulk()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        var ids = new List<string>();
        foreach (var name in new[] { "alpha", "beta", "gamma" })
        {
            var (_, body) = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/workflows/", $$"""{"name":"{{name}}","config":{"frequency":60} }""");
            ids.Add(body.GetProperty("id").GetString()!);
        }

        var updated = await http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/local/workflows/{ids[0]}/", """{"name":"alpha 2","environment":"production"}""");
        var bulk = await http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/local/workflows/?id={ids[0]}&id={ids[1]}", """{"enabled":false}""");
        var unfiltered = await http.SendJsonAsync(HttpMethod.Put, "/api/0/organizations/local/workflows/", """{"enabled":false}""");
        var byQuery = await http.GetJsonAsync("/api/0/organizations/local/workflows/?query=gam");
        var bulkDeleted = await http.SendJsonAsync(HttpMethod.Delete, "/api/0/organizations/local/workflows/?query=alpha");
        var deleted = await http.SendJsonAsync(HttpMethod.Delete, $"/api/0/organizations/local/workflows/{ids[1]}/");
        var left = await http.GetJsonAsync("/api/0/organizations/local/workflows/");

        Assert.Multiple(() =>
        {
            Assert.That(updated.Body.GetProperty("name").GetString(), Is.EqualTo("alpha 2"));
            Assert.That(updated.Body.GetProperty("environment").GetString(), Is.EqualTo("production"));
            Assert.That(updated.Body.GetProperty("config").GetProperty("frequency").GetInt32(), Is.EqualTo(60), "an update keeps what it does not send");
            Assert.That(bulk.Body.EnumerateArray().Select(w => w.GetProperty("enabled").GetBoolean()), Is.EqualTo(new[] { false, false }));
            Assert.That(unfiltered.Status, Is.EqualTo(400));
            Assert.That(byQuery.EnumerateArray().Select(w => w.GetProperty("name").GetString()), Is.EqualTo(new[] { "gamma" }));
            Assert.That(bulkDeleted.Status, Is.EqualTo(204));
            Assert.That(deleted.Status, Is.EqualTo(204));
            Assert.That(left.EnumerateArray().Select(w => w.GetProperty("name").GetString()), Is.EqualTo(new[] { "gamma" }));
        });
    }

    [Test]
    public async Task Detectors_are_created_under_a_project_and_updated_and_deleted()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        var path = $"/api/0/organizations/local/projects/{sentry.Project.Slug}/detectors/";

        var created = await http.SendJsonAsync(HttpMethod.Post, path, """{"name":"Slow","type":"metric_issue","config":{"detectionType":"static"}}""");
        var errorType = await http.SendJsonAsync(HttpMethod.Post, path, """{"name":"Another","type":"error"}""");
        var id = created.Body.GetProperty("id").GetString();
        var updated = await http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/local/detectors/{id}/", """{"name":"Slower","enabled":false}""");
        var bulk = await http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/local/detectors/?id={id}", """{"enabled":true}""");
        var byType = await http.GetJsonAsync("/api/0/organizations/local/detectors/?query=type:metric_issue");
        var bulkDefault = await http.SendJsonAsync(HttpMethod.Delete, $"/api/0/organizations/local/detectors/?project={sentry.Project.Id}");
        var bulkDeleted = await http.SendJsonAsync(HttpMethod.Delete, $"/api/0/organizations/local/detectors/?id={id}");
        var gone = await http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/local/detectors/{id}/");

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(201));
            Assert.That(created.Body.GetProperty("projectId").GetString(), Is.EqualTo(sentry.Project.Id));
            Assert.That(errorType.Status, Is.EqualTo(400));
            Assert.That(updated.Body.GetProperty("enabled").GetBoolean(), Is.False);
            Assert.That(updated.Body.GetProperty("config").GetProperty("detectionType").GetString(), Is.EqualTo("static"));
            Assert.That(bulk.Body[0].GetProperty("enabled").GetBoolean(), Is.True);
            Assert.That(byType.EnumerateArray().Select(d => d.GetProperty("name").GetString()), Is.EqualTo(new[] { "Slower" }));
            Assert.That(bulkDefault.Status, Is.EqualTo(403), "all or nothing: the project's default detectors cannot go");
            Assert.That(bulkDeleted.Status, Is.EqualTo(204));
            Assert.That(gone.Status, Is.EqualTo(404));
        });
    }

    [Test]
    public async Task A_legacy_only_server_has_no_workflow_engine()
    {
        await using var sentry = await LocalSentry.StartAsync(new LocalSentryOptions { AlertApi = LocalSentryAlertApi.Legacy });
        using var http = new LocalSentryHttp(sentry);

        var workflows = await http.SendJsonAsync(HttpMethod.Get, "/api/0/organizations/local/workflows/");
        var detectors = await http.SendJsonAsync(HttpMethod.Post, $"/api/0/organizations/local/projects/{sentry.Project.Slug}/detectors/", """{"name":"x","type":"metric_issue"}""");
        var rules = await http.SendJsonAsync(HttpMethod.Get, $"/api/0/projects/local/{sentry.Project.Slug}/rules/");

        Assert.Multiple(() =>
        {
            Assert.That(workflows.Status, Is.EqualTo(404));
            Assert.That(workflows.Body.GetProperty("detail").GetString(), Is.EqualTo("The requested resource does not exist"));
            Assert.That(detectors.Status, Is.EqualTo(404));
            Assert.That(rules.Status, Is.EqualTo(200));
        });
    }

    internal static string Id(JsonElement body) => body.GetProperty("id").GetString()!;
}
