using System.Text.Json;
using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Contract;

/// <summary>
/// A tour of every management area this server adds (members, teams, projects, keys, releases, alerts,
/// integrations), each response judged by Sentry's OpenAPI schema: zero violations.
/// </summary>
public sealed class ManagementSchemaTests
{
    [Test]
    public async Task Every_response_of_the_management_tour_matches_Sentrys_schema()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        var org = sentry.Organization;
        var project = sentry.Project.Slug;
        var issueId = await http.CreateIssueAsync(sentry);

        async Task<JsonElement> Call(string method, string path, string? json = null, int expected = 200)
        {
            var (status, body) = await http.SendJsonAsync(new HttpMethod(method), path, json);
            Assert.That(status, Is.EqualTo(expected), $"{method} {path}: {body}");
            return body;
        }

        await Call("GET", "/api/0/");

        // Teams and members
        await Call("GET", $"/api/0/organizations/{org}/teams/");
        await Call("POST", $"/api/0/organizations/{org}/teams/", """{"slug":"platform","name":"Platform"}""", 201);
        await Call("GET", $"/api/0/teams/{org}/platform/");
        await Call("PUT", $"/api/0/teams/{org}/platform/", """{"name":"Platform Eng"}""");
        await Call("GET", $"/api/0/teams/{org}/platform/members/");
        await Call("GET", $"/api/0/organizations/{org}/members/");
        var member = await Call("POST", $"/api/0/organizations/{org}/members/", """{"email":"dev@local.test","orgRole":"member","teamRoles":[{"teamSlug":"platform","role":"contributor"}]}""", 201);
        var memberId = member.GetProperty("id").GetString();
        await Call("GET", $"/api/0/organizations/{org}/members/{memberId}/");
        await Call("PUT", $"/api/0/organizations/{org}/members/{memberId}/", """{"orgRole":"admin"}""");
        await Call("GET", $"/api/0/organizations/{org}/members/me/");
        await Call("POST", $"/api/0/organizations/{org}/members/me/teams/{org}/", expected: 204);
        await Call("DELETE", $"/api/0/organizations/{org}/members/{memberId}/teams/platform/");
        await Call("POST", $"/api/0/organizations/{org}/members/{memberId}/teams/platform/", expected: 201);
        await Call("PUT", $"/api/0/organizations/{org}/members/{memberId}/teams/platform/", """{"teamRole":"admin"}""");

        // Projects and keys
        await Call("GET", $"/api/0/organizations/{org}/projects/");
        await Call("POST", $"/api/0/teams/{org}/platform/projects/", """{"name":"Backend","slug":"backend","platform":"python"}""", 201);
        await Call("POST", $"/api/0/organizations/{org}/projects/", """{"name":"Web","platform":"javascript"}""", 201);
        await Call("GET", $"/api/0/teams/{org}/platform/projects/");
        await Call("PUT", $"/api/0/projects/{org}/backend/", """{"name":"Backend API"}""");
        await Call("GET", $"/api/0/projects/{org}/backend/teams/");
        await Call("POST", $"/api/0/projects/{org}/backend/teams/{org}/", expected: 201);
        await Call("DELETE", $"/api/0/projects/{org}/backend/teams/{org}/");
        await Call("GET", $"/api/0/projects/{org}/{project}/keys/");
        var key = await Call("POST", $"/api/0/projects/{org}/{project}/keys/", """{"name":"ci"}""", 201);
        var keyId = key.GetProperty("id").GetString();
        await Call("GET", $"/api/0/projects/{org}/{project}/keys/{keyId}/");
        await Call("PUT", $"/api/0/projects/{org}/{project}/keys/{keyId}/", """{"isActive":false,"rateLimit":{"window":60,"count":100}}""");
        await Call("GET", $"/api/0/organizations/{org}/project-keys/");

        // Releases, commits, deploys, repositories
        await Call("POST", $"/api/0/organizations/{org}/releases/", $$"""{"version":"app@1.0.0","projects":["{{project}}"],"commits":[{"id":"a1b2c3d4e5f60718293a4b5c6d7e8f9012345678","repository":"acme/app","message":"fix the thing","author_name":"Dev","author_email":"dev@local.test","patch_set":[{"path":"src/app.cs","type":"M"}]}]}""", 201);
        await Call("POST", $"/api/0/organizations/{org}/releases/", $$"""{"version":"app@1.0.0","projects":["{{project}}"]}""", 208);
        await Call("GET", $"/api/0/organizations/{org}/releases/");
        await Call("GET", $"/api/0/organizations/{org}/releases/app@1.0.0/");
        await Call("GET", $"/api/0/projects/{org}/{project}/releases/");
        await Call("POST", $"/api/0/organizations/{org}/releases/app@1.0.0/deploys/", """{"environment":"production","name":"deploy 1"}""", 201);
        await Call("PUT", $"/api/0/organizations/{org}/releases/app@1.0.0/", """{"dateReleased":"2026-12-01T08:00:00Z","refs":[{"repository":"acme/app","commit":"b1b2c3d4e5f60718293a4b5c6d7e8f9012345678","previousCommit":"a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"}]}""");
        await Call("GET", $"/api/0/organizations/{org}/releases/app@1.0.0/commits/");
        await Call("GET", $"/api/0/projects/{org}/{project}/releases/app@1.0.0/commits/");
        await Call("GET", $"/api/0/organizations/{org}/releases/app@1.0.0/commitfiles/");
        await Call("GET", $"/api/0/organizations/{org}/releases/app@1.0.0/deploys/");
        await Call("GET", $"/api/0/organizations/{org}/repos/");

        // Alerts: the workflow engine and the legacy rules
        var detectors = await Call("GET", $"/api/0/organizations/{org}/detectors/");
        var errorDetector = detectors.EnumerateArray().First(d => d.GetProperty("type").GetString() == "error").GetProperty("id").GetString();
        var detector = await Call("POST", $"/api/0/organizations/{org}/projects/{project}/detectors/", """{"name":"High error rate","type":"metric_issue","config":{"detectionType":"static"}}""", 201);
        var detectorId = detector.GetProperty("id").GetString();
        await Call("GET", $"/api/0/organizations/{org}/detectors/{detectorId}/");
        await Call("PUT", $"/api/0/organizations/{org}/detectors/{detectorId}/", """{"name":"Higher error rate"}""");
        await Call("PUT", $"/api/0/organizations/{org}/detectors/?id={detectorId}", """{"enabled":false}""");
        var workflow = await Call("POST", $"/api/0/organizations/{org}/workflows/", $$"""{"name":"Notify on errors","detectorIds":["{{errorDetector}}"],"config":{"frequency":30},"actionFilters":[{"logicType":"any","conditions":[],"actions":[{"type":"email","config":{"targetType":"user","targetIdentifier":"1"} }]}]}""", 201);
        var workflowId = workflow.GetProperty("id").GetString();
        await Call("GET", $"/api/0/organizations/{org}/workflows/");
        await Call("GET", $"/api/0/organizations/{org}/workflows/{workflowId}/");
        await Call("PUT", $"/api/0/organizations/{org}/workflows/{workflowId}/", """{"name":"Notify on all errors"}""");
        await Call("PUT", $"/api/0/organizations/{org}/workflows/?id={workflowId}", """{"enabled":false}""");
        await Call("GET", $"/api/0/projects/{org}/{project}/rules/");
        var rule = await Call("POST", $"/api/0/projects/{org}/{project}/rules/", """{"name":"New issues","actionMatch":"any","filterMatch":"all","frequency":30,"conditions":[{"id":"sentry.rules.conditions.first_seen_event.FirstSeenEventCondition"}],"actions":[{"id":"sentry.mail.actions.NotifyEmailAction","targetType":"IssueOwners"}]}""", 201);
        var ruleId = rule.GetProperty("id").GetString();
        await Call("GET", $"/api/0/projects/{org}/{project}/rules/{ruleId}/");
        await Call("PUT", $"/api/0/projects/{org}/{project}/rules/{ruleId}/", """{"name":"New issues!","actionMatch":"all","frequency":60,"conditions":[],"actions":[{"id":"sentry.mail.actions.NotifyEmailAction","targetType":"IssueOwners"}]}""");
        var metric = await Call("POST", $"/api/0/organizations/{org}/alert-rules/", $$"""{"name":"Too many errors","aggregate":"count()","query":"","timeWindow":60,"projects":["{{project}}"],"thresholdType":0,"triggers":[{"label":"critical","alertThreshold":100,"actions":[{"type":"email","targetType":"user","targetIdentifier":"1"}]}]}""", 201);
        var metricId = metric.GetProperty("id").GetString();
        await Call("GET", $"/api/0/organizations/{org}/alert-rules/");
        await Call("GET", $"/api/0/organizations/{org}/alert-rules/{metricId}/");
        await Call("PUT", $"/api/0/organizations/{org}/alert-rules/{metricId}/", $$"""{"name":"Way too many errors","aggregate":"count()","query":"","timeWindow":60,"projects":["{{project}}"],"triggers":[{"label":"critical","alertThreshold":500,"actions":[]}]}""");

        // Integrations and external issues
        var integrations = await Call("GET", $"/api/0/organizations/{org}/integrations/");
        var github = integrations.EnumerateArray().First(i => i.GetProperty("provider").GetProperty("key").GetString() == "github").GetProperty("id").GetString();
        await Call("GET", $"/api/0/organizations/{org}/integrations/{github}/");
        await Call("GET", $"/api/0/organizations/{org}/issues/{issueId}/integrations/{github}/");
        await Call("POST", $"/api/0/organizations/{org}/issues/{issueId}/integrations/{github}/", """{"title":"Crash in checkout","description":"from Sentry"}""", 201);
        await Call("PUT", $"/api/0/organizations/{org}/issues/{issueId}/integrations/{github}/", """{"externalIssue":"local-github/app#42"}""", 201);
        await Call("GET", $"/api/0/organizations/{org}/issues/{issueId}/external-issues/");

        TestContext.Progress.WriteLine($"Schema tour: {http.Schema.Validated.Count} responses validated, {http.Schema.Violations.Count} violations.");
        Assert.Multiple(() =>
        {
            Assert.That(http.Schema.Violations, Is.Empty);
            Assert.That(http.Schema.Validated, Has.Count.GreaterThanOrEqualTo(60), "the tour's responses were judged");
        });
    }

    [Test]
    public void The_schema_check_rejects_a_team_without_its_slug_and_accepts_it_with_one()
    {
        // Proves the judge can fail: the tour's zero violations would mean nothing otherwise.
        const string team = """{"id":"1","name":"a","dateCreated":null,"isMember":true,"teamRole":null,"flags":{},"access":[],"hasAccess":true,"isPending":false,"memberCount":1,"avatar":{}}""";
        var operation = ResponseSchema.Operation("GET", "/api/0/teams/local/a/");

        Assert.Multiple(() =>
        {
            Assert.That(operation, Is.EqualTo("GET /api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/"));
            Assert.That(ResponseSchema.Validate(operation!, 200, team), Is.Not.Empty);
            Assert.That(ResponseSchema.Validate(operation!, 200, team.Replace("\"id\":\"1\",", "\"id\":\"1\",\"slug\":\"a\",", StringComparison.Ordinal)), Is.Empty);
            Assert.That(ResponseSchema.Validate(operation!, 418, team), Is.Null, "a status the schema does not describe is not judged");
        });
    }
}
