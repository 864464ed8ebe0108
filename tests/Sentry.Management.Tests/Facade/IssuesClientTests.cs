using System.Net;
using System.Text.Json.Nodes;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

public class IssuesClientTests
{
    private const string OrgIssues = "/api/0/organizations/{organization_id_or_slug}/issues/";
    private const string OrgIssue = "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/";
    private const string ProjectIssues = "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/issues/";

    private static void AssertJson(string? actual, string expected) =>
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(actual!), JsonNode.Parse(expected)), Is.True, $"body was {actual}");

    [Test]
    public async Task List_encodes_a_query_with_spaces_colons_and_quotes_and_repeats_list_parameters()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/issues/", SchemaExamples.Response("GET", OrgIssues));
        const string query = "is:unresolved message:\"Network timeout\" level:error";

        var issues = await h.Client.Issues.List(options: new IssueListOptions
        {
            Filter = new IssueQuery
            {
                Query = query,
                Environments = ["production", "staging"],
                Projects = ["2", "-1"],
                Sort = IssueSort.Freq,
                StatsPeriod = "14d",
            },
            Expand = ["owners", "inbox"],
            Collapse = ["stats"],
            Limit = 25,
        }).ToListAsync();

        var request = recorder.Single;
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(request.Path, Is.EqualTo("/api/0/organizations/acme/issues/"));
        var rawQuery = request.AbsoluteUri[(request.AbsoluteUri.IndexOf("query=", StringComparison.Ordinal) + 6)..].Split('&')[0];
        Assert.That(rawQuery, Does.Not.Contain(" ").And.Not.Contain("\"").And.Not.Contain("+"), "the query must be percent-encoded on the wire");
        Assert.That(Uri.UnescapeDataString(rawQuery), Is.EqualTo(query));
        Assert.That(request.Query("environment"), Is.EqualTo(new[] { "production", "staging" }));
        Assert.That(request.Query("project"), Is.EqualTo(new[] { "2", "-1" }));
        Assert.That(request.Query("sort"), Is.EqualTo(new[] { "freq" }));
        Assert.That(request.Query("statsPeriod"), Is.EqualTo(new[] { "14d" }));
        Assert.That(request.Query("limit"), Is.EqualTo(new[] { "25" }));
        Assert.That(request.Query("expand"), Is.EqualTo(new[] { "owners", "inbox" }));
        Assert.That(request.Query("collapse"), Is.EqualTo(new[] { "stats" }));
        Assert.That(request.QueryNames, Does.Not.Contain("cursor"));

        Assert.That(issues, Has.Count.EqualTo(1));
        var issue = issues[0];
        Assert.That(issue.Id, Is.EqualTo("1"));
        Assert.That(issue.ShortId, Is.EqualTo("PUMP-STATION-1"));
        Assert.That(issue.Status, Is.EqualTo(IssueStatus.Ignored));
        Assert.That(issue.Substatus, Is.EqualTo(IssueSubstatus.ArchivedUntilConditionMet));
        Assert.That(issue.Priority, Is.EqualTo(IssuePriority.Medium));
        Assert.That(issue.Level, Is.EqualTo(IssueLevel.Error));
        Assert.That(issue.Count, Is.EqualTo("150"));
        Assert.That(issue.AssignedTo!.Email, Is.EqualTo("john.doe@example.com"));
        Assert.That(issue.Project!.Slug, Is.EqualTo("pump-station"));
        Assert.That(issue.Lifetime!.Count, Is.EqualTo("150"));
        Assert.That(issue.Stats!["24h"].GetArrayLength(), Is.EqualTo(24));
        Assert.That(issue.IssueCategory, Is.EqualTo("performance"));
        Assert.That(issue.AdditionalProperties, Does.ContainKey("derivedData"));
    }

    [Test]
    public async Task List_sends_absolute_periods_as_utc_iso_8601_and_follows_the_cursor()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        const string path = "/api/0/organizations/acme/issues/";
        recorder.On(h, HttpMethod.Get, path, r => r.Query("cursor").Count == 0
            ? SentryTestHarness.Json("""[{"id": "1"}]""", link: SentryTestHarness.Link(path, "0:100:0", hasNext: true))
            : SentryTestHarness.Json("""[{"id": "2"}]""", link: SentryTestHarness.Link(path, "0:200:0", hasNext: false)));

        var issues = await h.Client.Organization("acme").Issues.List(new IssueListOptions
        {
            Filter = new IssueQuery { Start = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), End = new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero) },
        }).ToListAsync();

        Assert.That(issues.Select(i => i.Id), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(recorder.Requests[0].Query("start"), Is.EqualTo(new[] { "2026-01-02T01:04:05Z" }));
        Assert.That(recorder.Requests[0].Query("end"), Is.EqualTo(new[] { "2026-01-03T00:00:00Z" }));
        Assert.That(recorder.Requests[0].QueryNames, Does.Not.Contain("query"), "no query lets Sentry apply its default");
        Assert.That(recorder.Requests[1].Query("cursor"), Is.EqualTo(new[] { "0:100:0" }));
    }

    [Test]
    public async Task Get_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/issues/1/", SchemaExamples.Response("GET", OrgIssue));

        var issue = await h.Client.Issues.GetAsync("1");

        Assert.That(recorder.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(issue.Title, Is.EqualTo("This is an example Python exception"));
        Assert.That(issue.Status, Is.EqualTo(IssueStatus.Unresolved));
        Assert.That(issue.Substatus, Is.EqualTo(IssueSubstatus.Ongoing));
        Assert.That(issue.UserCount, Is.EqualTo(12));
        Assert.That(issue.FirstSeen, Is.EqualTo(new DateTimeOffset(2018, 11, 6, 21, 19, 55, TimeSpan.Zero)));
        Assert.That(issue.Permalink, Is.EqualTo(new Uri("https://sentry.io/the-interstellar-jurisdiction/pump-station/issues/1/")));
        Assert.That(issue.Activity![0].Type, Is.EqualTo("first_seen"));
        Assert.That(issue.Tags!.Select(t => t.Key), Is.EqualTo(new[] { "browser", "level" }));
        Assert.That(issue.FirstRelease!.ShortVersion, Is.EqualTo("1764232"));
        Assert.That(issue.Metadata!.Title, Is.EqualTo("This is an example Python exception"));
    }

    [Test]
    public async Task Update_sends_only_the_set_fields_with_sentry_names()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Put, "/api/0/organizations/acme/issues/42/", """{"id": "42", "status": "ignored", "substatus": "archived_until_condition_met"}""");

        var issue = await h.Client.Organization("acme").Issues.UpdateAsync("42", new IssueUpdate
        {
            Status = IssueStatus.Ignored,
            Substatus = IssueSubstatus.ArchivedUntilConditionMet,
            StatusDetails = new IssueStatusDetailsUpdate { IgnoreCount = 10, IgnoreWindow = 60 },
            AssignedTo = "team:7",
            IsBookmarked = true,
            Priority = IssuePriority.High,
        });

        var request = recorder.Single;
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Put));
        AssertJson(request.Body, """
            {"status": "ignored", "substatus": "archived_until_condition_met",
             "statusDetails": {"ignoreCount": 10, "ignoreWindow": 60},
             "assignedTo": "team:7", "isBookmarked": true, "priority": "high"}
            """);
        Assert.That(issue.Status, Is.EqualTo(IssueStatus.Ignored));
    }

    [Test]
    public async Task Update_resolving_in_a_release_or_commit_sends_status_details()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Put, "/api/0/organizations/acme/issues/42/", """{"id": "42", "status": "resolved", "statusDetails": {"inRelease": "1.2.3"}}""");

        var issue = await h.Client.Issues.UpdateAsync("42", new IssueUpdate
        {
            Status = IssueStatus.Resolved,
            StatusDetails = new IssueStatusDetailsUpdate { InRelease = "1.2.3", InCommit = new IssueCommitReference { Commit = "abc", Repository = "acme/app" } },
            HasSeen = true,
            IsSubscribed = false,
            IsPublic = false,
        });

        AssertJson(recorder.Single.Body, """
            {"status": "resolved", "statusDetails": {"inRelease": "1.2.3", "inCommit": {"commit": "abc", "repository": "acme/app"}},
             "hasSeen": true, "isSubscribed": false, "isPublic": false}
            """);
        Assert.That(issue.StatusDetails!.InRelease, Is.EqualTo("1.2.3"));
    }

    [Test]
    public async Task Delete_accepts_202()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Delete, "/api/0/organizations/acme/issues/42/", _ => new HttpResponseMessage(HttpStatusCode.Accepted));

        await h.Client.Issues.DeleteAsync("42");

        Assert.That(recorder.Single.Method, Is.EqualTo(HttpMethod.Delete));
    }

    [Test]
    public void Issue_ids_that_are_not_numeric_are_refused_before_any_request()
    {
        using var h = new SentryTestHarness();
        Assert.ThrowsAsync<ArgumentException>(() => h.Client.Issues.GetAsync("../projects"));
        Assert.ThrowsAsync<ArgumentException>(() => h.Client.Issues.DeleteAsync("PUMP-1"));
    }

    [Test]
    public async Task Resolve_short_id_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/shortids/PUMP-STATION-1/",
            SchemaExamples.Response("GET", "/api/0/organizations/{organization_id_or_slug}/shortids/{issue_id}/"));

        var lookup = await h.Client.Issues.ResolveShortIdAsync("PUMP-STATION-1");

        Assert.That(recorder.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(lookup.GroupId, Is.EqualTo("1"));
        Assert.That(lookup.ProjectSlug, Is.EqualTo("pump-station"));
        Assert.That(lookup.OrganizationSlug, Is.EqualTo("the-interstellar-jurisdiction"));
        Assert.That(lookup.Group!.ShortId, Is.EqualTo("PUMP-STATION-1"));
    }

    [Test]
    public async Task Tag_details_and_values_parse_the_schema_examples_and_encode_the_key()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/issues/1/tags/sentry%3Arelease/",
            SchemaExamples.Response("GET", "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/tags/{key}/"));
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/issues/1/tags/flavors/values/",
            SchemaExamples.Response("GET", "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/tags/{key}/values/"));

        var tag = await h.Client.Issues.GetTagAsync("1", "sentry:release");
        var values = await h.Client.Issues.ListTagValuesAsync("1", "flavors", sort: "count");

        Assert.That(recorder.Requests[0].AbsoluteUri, Does.EndWith("/issues/1/tags/sentry%3Arelease/"));
        Assert.That(recorder.Requests[1].Query("sort"), Is.EqualTo(new[] { "count" }));
        Assert.That(tag.Key, Is.EqualTo("flavors"));
        Assert.That(tag.UniqueValues, Is.EqualTo(2));
        Assert.That(tag.TotalValues, Is.EqualTo(3));
        Assert.That(tag.TopValues![0].Value, Is.EqualTo("strawberry"));
        Assert.That(values, Has.Count.EqualTo(4));
        Assert.That(values[0].Count, Is.EqualTo(2));
        Assert.That(values[0].LastSeen, Is.EqualTo(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [TestCase("-count")]
    [TestCase("-date")]
    [TestCase("times_seen")]
    public void Tag_value_sort_outside_what_sentry_reads_is_rejected_before_sending(string sort)
    {
        // Sentry reads date, age and count (always descending) and sorts anything else by id, so "-count" would
        // silently come back in id order; the schema's enum (age, count, date, id) rejects it too.
        using var h = new SentryTestHarness();

        var error = Assert.ThrowsAsync<ArgumentException>(() => h.Client.Issues.ListTagValuesAsync("1", "flavors", sort: sort));

        Assert.That(error!.ParamName, Is.EqualTo("sort"));
    }

    [Test]
    public async Task List_for_project_sends_its_query_and_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/projects/acme/pump-station/issues/", SchemaExamples.Response("GET", ProjectIssues));

        var issues = await h.Client.Project("pump-station").Issues.List("is:unresolved browser:\"Chrome 60\"", IssueSort.New, "24h").ToListAsync();

        var request = recorder.Single;
        Assert.That(request.Query("query"), Is.EqualTo(new[] { "is:unresolved browser:\"Chrome 60\"" }));
        Assert.That(request.Query("sort"), Is.EqualTo(new[] { "new" }));
        Assert.That(request.Query("statsPeriod"), Is.EqualTo(new[] { "24h" }));
        Assert.That(issues[0].ShortId, Is.EqualTo("PUMP-STATION-1"));
        Assert.That(issues[0].AssignedTo, Is.Null);
    }

    [Test]
    public async Task Bulk_update_of_250_ids_sends_three_requests_and_reports_the_failed_chunk()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Put, "/api/0/organizations/acme/issues/", r => r.Query("id")[0] == "101"
            ? SentryTestHarness.Json("""{"detail": "You do not have permission to perform this action."}""", HttpStatusCode.Forbidden)
            : SentryTestHarness.Json(SchemaExamples.Response("PUT", OrgIssues)));
        var ids = Enumerable.Range(1, 250).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var result = await h.Client.Issues.BulkUpdateAsync(ids, new IssueUpdate { Status = IssueStatus.Resolved });

        Assert.That(recorder.Requests, Has.Count.EqualTo(3));
        Assert.That(recorder.Requests.Select(r => r.Query("id").Count), Is.EqualTo(new[] { 100, 100, 50 }));
        Assert.That(recorder.Requests[2].Query("id")[^1], Is.EqualTo("250"));
        Assert.That(recorder.Requests.Select(r => r.Method), Is.All.EqualTo(HttpMethod.Put));
        AssertJson(recorder.Requests[0].Body, """{"status": "resolved"}""");
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Chunks.Select(c => c.Succeeded), Is.EqualTo(new[] { true, false, true }));
        Assert.That(result.Chunks[1].Error, Is.InstanceOf<SentryAuthorizationException>());
        Assert.That(result.Chunks[1].Error!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(result.FailedIds, Is.EqualTo(ids.GetRange(100, 100)));
        Assert.That(result.SucceededIds, Is.EqualTo(ids.GetRange(0, 100).Concat(ids.GetRange(200, 50))));
        Assert.That(result.Chunks[0].Response!.Status, Is.EqualTo(IssueStatus.Ignored), "parsed from the schema example");
        Assert.That(result.Chunks[0].Response!.Merge!.Children, Is.EqualTo(new[] { "11", "12", "13" }));
        Assert.That(result.Chunks[0].Response!.StatusDetails!.IgnoreWindow, Is.EqualTo(60));
    }

    [Test]
    public async Task Bulk_delete_of_250_ids_sends_three_requests_and_keeps_going_after_a_failure()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Delete, "/api/0/organizations/acme/issues/", r => r.Query("id")[0] == "1"
            ? SentryTestHarness.Json("""{"detail": "Invalid id"}""", HttpStatusCode.BadRequest)
            : new HttpResponseMessage(HttpStatusCode.NoContent));
        var ids = Enumerable.Range(1, 250).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var result = await h.Client.Organization("acme").Issues.BulkDeleteAsync(ids.Concat(["5"]));

        Assert.That(recorder.Requests, Has.Count.EqualTo(3));
        Assert.That(recorder.Requests.Select(r => r.Query("id").Count), Is.EqualTo(new[] { 100, 100, 50 }), "duplicates are sent once");
        Assert.That(recorder.Requests.Select(r => r.Method), Is.All.EqualTo(HttpMethod.Delete));
        Assert.That(result.Chunks.Select(c => c.Succeeded), Is.EqualTo(new[] { false, true, true }));
        Assert.That(result.Chunks[0].Error!.Detail, Is.EqualTo("Invalid id"));
        Assert.That(result.SucceededIds, Has.Count.EqualTo(150));
        Assert.That(result.ToString(), Is.EqualTo("3 request(s): 150 id(s) succeeded, 100 failed"));
    }

    [Test]
    public async Task Bulk_chunk_answered_429_is_retried_by_the_pipeline_before_it_counts_as_failed()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        var secondChunkCalls = 0;
        recorder.On(h, HttpMethod.Delete, "/api/0/organizations/acme/issues/", r =>
        {
            if (r.Query("id")[0] == "101" && ++secondChunkCalls == 1)
            {
                var limited = SentryTestHarness.Json("""{"detail": "Rate limit exceeded"}""", HttpStatusCode.TooManyRequests);
                limited.Headers.TryAddWithoutValidation("Retry-After", "2");
                return limited;
            }

            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        var ids = Enumerable.Range(1, 150).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var result = await h.RunAsync(h.Client.Issues.BulkDeleteAsync(ids), TimeSpan.FromSeconds(1));

        Assert.That(recorder.Requests, Has.Count.EqualTo(3), "the limited chunk is sent again after Retry-After");
        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.SucceededIds, Has.Count.EqualTo(150));
    }

    [Test]
    public async Task Cancellation_stops_the_remaining_chunks()
    {
        using var h = new SentryTestHarness();
        using var cts = new CancellationTokenSource();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Delete, "/api/0/organizations/acme/issues/", _ =>
        {
            cts.Cancel();
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        var ids = Enumerable.Range(1, 250).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(async () => await h.Client.Issues.BulkDeleteAsync(ids, cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(recorder.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Bulk_calls_refuse_no_ids_and_merges_larger_than_one_request()
    {
        using var h = new SentryTestHarness();
        Assert.ThrowsAsync<ArgumentException>(() => h.Client.Issues.BulkDeleteAsync([]));
        Assert.ThrowsAsync<ArgumentException>(() => h.Client.Issues.BulkUpdateAsync(["1", "x"], new IssueUpdate()));
        var many = Enumerable.Range(1, IssuesClient.MaxIdsPerBulkRequest + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.ThrowsAsync<ArgumentException>(() => h.Client.Issues.BulkUpdateAsync(many, new IssueUpdate { Merge = true }));
        Assert.ThrowsAsync<ArgumentException>(() => h.Client.Issues.BulkDeleteByQueryAsync(new IssueQuery { Query = " " }));
    }

    [Test]
    public async Task Bulk_update_by_query_sends_no_ids_and_the_encoded_query()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Put, "/api/0/organizations/acme/issues/", _ => new HttpResponseMessage(HttpStatusCode.NoContent));
        const string query = "is:unresolved message:\"Network timeout\" level:error";

        var result = await h.Client.Issues.BulkUpdateByQueryAsync(new IssueQuery { Query = query, Projects = ["2"], Environments = ["prod"] }, new IssueUpdate { Status = IssueStatus.Ignored, Substatus = IssueSubstatus.ArchivedForever });

        var request = recorder.Single;
        Assert.That(result, Is.Null, "204: nothing to report");
        Assert.That(request.QueryNames, Does.Not.Contain("id"));
        Assert.That(request.AbsoluteUri, Does.Contain("query=is%3Aunresolved%20message%3A%22Network%20timeout%22%20level%3Aerror"));
        Assert.That(request.Query("query"), Is.EqualTo(new[] { query }));
        Assert.That(request.Query("project"), Is.EqualTo(new[] { "2" }));
        Assert.That(request.Query("environment"), Is.EqualTo(new[] { "prod" }));
        Assert.That(request.Query("limit"), Is.EqualTo(new[] { "100" }));
        AssertJson(request.Body, """{"status": "ignored", "substatus": "archived_forever"}""");
    }

    [Test]
    public async Task Bulk_delete_by_query_sends_the_query()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Delete, "/api/0/organizations/acme/issues/", _ => new HttpResponseMessage(HttpStatusCode.NoContent));

        await h.Client.Issues.BulkDeleteByQueryAsync(new IssueQuery { Query = "is:resolved age:+30d" });

        Assert.That(recorder.Single.Query("query"), Is.EqualTo(new[] { "is:resolved age:+30d" }));
        Assert.That(recorder.Single.AbsoluteUri, Does.Contain("age%3A%2B30d"), "a plus must not turn into a space");
    }

    [Test]
    public async Task Project_bulk_update_and_delete_use_the_project_path_and_parse_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Put, "/api/0/projects/acme/pump-station/issues/", SchemaExamples.Response("PUT", ProjectIssues));
        recorder.On(h, HttpMethod.Delete, "/api/0/projects/acme/pump-station/issues/", _ => new HttpResponseMessage(HttpStatusCode.NoContent));

        var updated = await h.Client.Project("pump-station").Issues.BulkUpdateAsync(["1", "2"], new ProjectIssueBulkUpdate { IsPublic = false, Status = IssueStatus.Unresolved });
        var deleted = await h.Client.Project("pump-station").Issues.BulkDeleteAsync(["3"]);

        Assert.That(recorder.Requests[0].Method, Is.EqualTo(HttpMethod.Put));
        Assert.That(recorder.Requests[0].Query("id"), Is.EqualTo(new[] { "1", "2" }));
        AssertJson(recorder.Requests[0].Body, """{"status": "unresolved", "isPublic": false}""");
        Assert.That(updated.Chunks[0].Response!.Status, Is.EqualTo(IssueStatus.Unresolved));
        Assert.That(updated.Chunks[0].Response!.IsPublic, Is.False);
        Assert.That(recorder.Requests[1].Method, Is.EqualTo(HttpMethod.Delete));
        Assert.That(recorder.Requests[1].Query("id"), Is.EqualTo(new[] { "3" }));
        Assert.That(deleted.Succeeded, Is.True);
    }

    [Test]
    public async Task Unknown_status_priority_and_level_values_read_and_keep_their_text()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/issues/7/", """{"id": 7, "status": "snoozed", "substatus": "future", "priority": "urgent", "level": "critical"}""");

        var issue = await h.Client.Issues.GetAsync("7");

        Assert.That(issue.Id, Is.EqualTo("7"));
        Assert.That(issue.Status!.Value.Value, Is.EqualTo("snoozed"));
        Assert.That(issue.Substatus!.Value.Value, Is.EqualTo("future"));
        Assert.That(issue.Priority!.Value.Value, Is.EqualTo("urgent"));
        Assert.That(issue.Level!.Value.ToString(), Is.EqualTo("critical"));
    }
}
