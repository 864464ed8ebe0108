using System.Net;
using System.Text.Json.Nodes;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Workflows.Triage;

public class IssueTriageTests
{
    private const string Issues = "/api/0/organizations/acme/issues/";
    private const string Members = "/api/0/organizations/acme/members/";
    private const string Project = "/api/0/projects/acme/backend/";

    private const string TwoIssues = """
        [{"id": "11", "shortId": "BACKEND-1", "title": "TimeoutError", "status": "unresolved", "assignedTo": null},
         {"id": "12", "shortId": "BACKEND-2", "title": "KeyError", "status": "unresolved", "assignedTo": {"type": "team", "id": "3", "name": "platform"}}]
        """;

    private static RequestRecorder Sentry(SentryTestHarness h, string issues = TwoIssues)
    {
        var r = new RequestRecorder();
        r.On(h, HttpMethod.Get, Project, """{"id": "42", "slug": "backend"}""");
        r.On(h, HttpMethod.Get, Members, """[{"id": "900", "email": "jane@acme.io", "user": {"id": "7", "username": "jane", "email": "jane@acme.io"}}]""");
        r.On(h, HttpMethod.Get, Issues, issues);
        r.On(h, HttpMethod.Put, Issues, """{"status": "resolved"}""");
        r.On(h, HttpMethod.Post, Issues + "11/notes/", """{"id": "1", "type": "note"}""", HttpStatusCode.Created);
        r.On(h, HttpMethod.Post, Issues + "12/notes/", """{"detail": "You do not have permission"}""", HttpStatusCode.Forbidden);
        return r;
    }

    private static IssueTriageRequest Request(IssueChange change) => new()
    {
        Query = "is:unresolved level:error",
        Project = "backend",
        Environment = "production",
        Period = "24h",
        Change = change,
    };

    [Test]
    public async Task The_plan_lists_each_issue_with_its_current_and_new_state_and_changes_nothing()
    {
        using var h = new SentryTestHarness();
        var r = Sentry(h);

        var plan = await h.Client.DefaultOrganization.Issues.PlanChangesAsync(Request(IssueChange.Resolve().AndAssignTo("jane@acme.io")));

        Assert.That(r.Requests.All(q => q.Method == HttpMethod.Get), Is.True, "a dry run only reads");
        var list = r.Requests.Single(q => q.Path == Issues);
        Assert.That(list.Query("query"), Is.EqualTo(new[] { "is:unresolved level:error" }));
        Assert.That(list.Query("project"), Is.EqualTo(new[] { "42" }), "the project slug is resolved to its id");
        Assert.That(list.Query("environment"), Is.EqualTo(new[] { "production" }));
        Assert.That(list.Query("statsPeriod"), Is.EqualTo(new[] { "24h" }));
        Assert.That(list.Query("limit"), Is.EqualTo(new[] { "50" }));
        Assert.That(plan.Items.Select(i => i.ToString()), Is.EqualTo(new[]
        {
            "BACKEND-1 TimeoutError: unresolved, unassigned -> resolved, assigned to jane@acme.io",
            "BACKEND-2 KeyError: unresolved, assigned to team platform -> resolved, assigned to jane@acme.io",
        }));
        Assert.That(plan.Update!.AssignedTo, Is.EqualTo("user:7"));
    }

    [Test]
    public async Task Apply_changes_status_and_assignee_in_bulk_then_adds_each_note_and_reports_per_issue()
    {
        using var h = new SentryTestHarness();
        var r = Sentry(h);
        var plan = await h.Client.DefaultOrganization.Issues.PlanChangesAsync(Request(IssueChange.ResolveInNextRelease().AndAssignTo("jane").AndNote("Fixed by the retry change")));
        var reports = new List<TriageProgress>();

        var result = await plan.ApplyAsync(new SynchronousProgress(reports.Add));

        var put = r.Requests.Single(q => q.Method == HttpMethod.Put);
        Assert.That(put.Query("id"), Is.EqualTo(new[] { "11", "12" }));
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(put.Body!), JsonNode.Parse("""{"status": "resolved", "statusDetails": {"inNextRelease": true}, "assignedTo": "user:7"}""")), Is.True, put.Body);
        Assert.That(r.Requests.Where(q => q.Method == HttpMethod.Post).Select(q => q.Path), Is.EqualTo(new[] { Issues + "11/notes/", Issues + "12/notes/" }));
        Assert.That(result.Changed.Select(i => i.IssueId), Is.EqualTo(new[] { "11" }));
        Assert.That(result.Failed.Single().ToString(), Is.EqualTo("BACKEND-2: note failed (403 You do not have permission)"));
        Assert.That(reports.Select(p => (p.Completed, p.Total, p.Succeeded)), Is.EqualTo(new[] { (1, 3, true), (2, 3, true), (3, 3, false) }));
    }

    [Test]
    public async Task More_than_100_issues_go_in_chunks_and_a_failed_chunk_fails_only_its_issues()
    {
        using var h = new SentryTestHarness();
        var issues = "[" + string.Join(",", Enumerable.Range(1, 150).Select(i => $$"""{"id": "{{i}}", "status": "unresolved"}""")) + "]";
        var r = new RequestRecorder();
        r.On(h, HttpMethod.Get, Issues, issues);
        r.On(h, HttpMethod.Put, Issues, q => q.Query("id").Count == 100
            ? SentryTestHarness.Json("""{"status": "ignored"}""")
            : SentryTestHarness.Json("""{"detail": "Too many"}""", HttpStatusCode.BadRequest));

        var plan = await h.Client.DefaultOrganization.Issues.PlanChangesAsync(new IssueTriageRequest { Query = "is:unresolved", Change = IssueChange.Ignore(TimeSpan.FromHours(2)), Limit = 150 });
        var result = await plan.ApplyAsync();

        Assert.That(r.Requests.Where(q => q.Method == HttpMethod.Put).Select(q => q.Query("id").Count), Is.EqualTo(new[] { 100, 50 }));
        Assert.That(r.Requests.First(q => q.Method == HttpMethod.Put).Body, Is.EqualTo("""{"status":"ignored","statusDetails":{"ignoreDuration":120}}"""));
        Assert.That((result.Changed.Count, result.Failed.Count), Is.EqualTo((100, 50)));
        Assert.That(result.Failed[0].Part, Is.EqualTo("status/assignee"));
    }

    [Test]
    public void An_unknown_assignee_fails_before_anything_changes()
    {
        using var h = new SentryTestHarness();
        var r = Sentry(h);

        var error = Assert.ThrowsAsync<ArgumentException>(() => h.Client.DefaultOrganization.Issues.PlanChangesAsync(Request(IssueChange.Resolve().AndAssignTo("bob@acme.io"))));

        Assert.That(error!.Message, Does.Contain("'bob@acme.io'").And.Contain("nothing was changed"));
        Assert.That(r.Requests.All(q => q.Method == HttpMethod.Get), Is.True);
    }

    [Test]
    public void An_unknown_team_fails_before_anything_changes()
    {
        using var h = new SentryTestHarness();
        var r = Sentry(h);
        r.On(h, HttpMethod.Get, "/api/0/teams/acme/ghosts/", """{"detail": "The requested resource does not exist"}""", HttpStatusCode.NotFound);

        var error = Assert.ThrowsAsync<ArgumentException>(() => h.Client.DefaultOrganization.Issues.PlanChangesAsync(Request(IssueChange.AssignToTeam("ghosts"))));

        Assert.That(error!.Message, Does.Contain("no team 'ghosts'"));
        Assert.That(r.Requests.Any(q => q.Path == Issues), Is.False, "not even listed");
    }

    [Test]
    public async Task A_team_assignee_is_sent_as_its_id()
    {
        using var h = new SentryTestHarness();
        var r = Sentry(h);
        r.On(h, HttpMethod.Get, "/api/0/teams/acme/platform/", """{"id": "3", "slug": "platform"}""");

        var plan = await h.Client.DefaultOrganization.Issues.PlanChangesAsync(Request(IssueChange.AssignToTeam("platform")));

        Assert.That(plan.Update!.AssignedTo, Is.EqualTo("team:3"));
        Assert.That(plan.Update.Status, Is.Null);
        Assert.That(plan.Items[0].NewState, Is.EqualTo("unresolved, assigned to team platform"));
    }

    [Test]
    public void A_query_sentry_rejects_names_the_query()
    {
        using var h = new SentryTestHarness();
        var r = new RequestRecorder();
        r.On(h, HttpMethod.Get, Issues, """{"detail": "Error parsing search query: Invalid value for the is: filter"}""", HttpStatusCode.BadRequest);

        var error = Assert.ThrowsAsync<ArgumentException>(() => h.Client.DefaultOrganization.Issues.PlanChangesAsync(new IssueTriageRequest { Query = "is:bogus", Change = IssueChange.Resolve() }));

        Assert.That(error!.Message, Does.Contain("'is:bogus'").And.Contain("Invalid value"));
        Assert.That(error.InnerException, Is.InstanceOf<SentryValidationException>());
    }

    [Test]
    public void Changes_refuse_bad_input()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => IssueChange.Ignore(TimeSpan.FromSeconds(10)), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => IssueChange.IgnoreUntilCount(10, TimeSpan.FromDays(8)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("week"));
            Assert.That(() => IssueChange.AssignToTeam("Not A Slug"), Throws.ArgumentException);
            Assert.That(IssueChange.IgnoreUntilCount(100, TimeSpan.FromHours(1)).StatusDetails!.IgnoreWindow, Is.EqualTo(60));
            Assert.That(IssueChange.Unresolve().AndNote("again").ToString(), Is.EqualTo("unresolved, add a note"));
        });
    }

    [Test]
    public async Task Merge_sends_every_id_in_one_project_request()
    {
        using var h = new SentryTestHarness();
        var r = new RequestRecorder();
        r.On(h, HttpMethod.Put, "/api/0/projects/acme/backend/issues/", """{"merge": {"parent": "11", "children": ["12", "13"]}}""");

        var merged = await h.Client.Project("backend").Issues.MergeAsync(["11", "12", "13"]);

        var put = r.Single;
        Assert.That(put.Query("id"), Is.EqualTo(new[] { "11", "12", "13" }));
        Assert.That(put.Body, Is.EqualTo("""{"merge":true}"""));
        Assert.That((merged.Parent, merged.Children), Is.EqualTo(("11", (IReadOnlyList<string>)["12", "13"])));
        Assert.That(() => h.Client.Project("backend").Issues.MergeAsync(["11"]), Throws.ArgumentException.With.Message.Contains("at least two"));
    }

    private sealed class SynchronousProgress(Action<TriageProgress> report) : IProgress<TriageProgress>
    {
        public void Report(TriageProgress value) => report(value);
    }
}
