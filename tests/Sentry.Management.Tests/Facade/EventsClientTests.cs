using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

public class EventsClientTests
{
    private const string ProjectEvents = "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/events/";
    private const string ProjectEvent = "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/events/{event_id}/";
    private const string IssueEvents = "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/events/";
    private const string IssueEvent = "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/events/{event_id}/";

    [Test]
    public async Task Get_parses_exception_frames_breadcrumbs_tags_contexts_and_user_from_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/projects/acme/pump-station/events/9999aaaaca8b46d797c23c6077c6ff01/", SchemaExamples.Response("GET", ProjectEvent));

        var e = await h.Client.Project("pump-station").Events.GetAsync("9999aaaaca8b46d797c23c6077c6ff01");

        Assert.That(recorder.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(e.EventId, Is.EqualTo("9999aaaaca8b46d797c23c6077c6ff01"));
        Assert.That(e.GroupId, Is.EqualTo("1341191803"));
        Assert.That(e.ProjectId, Is.EqualTo("5236886"));
        Assert.That(e.Size, Is.EqualTo(107762));
        Assert.That(e.Tags!.Single(t => t.Key == "environment").Value, Is.EqualTo("prod"));
        Assert.That(e.User!.Email, Is.EqualTo("hell@boy.cat"));
        Assert.That(e.User.IpAddress, Is.EqualTo("192.168.1.1"));
        Assert.That(e.Contexts!["browser"].GetProperty("name").GetString(), Is.EqualTo("Chrome"));
        Assert.That(e.Sdk!.Name, Is.EqualTo("sentry.javascript.browser"));
        Assert.That(e.Errors![0].Type, Is.EqualTo("js_invalid_sourcemap_location"));
        Assert.That(e.Metadata!.Type, Is.EqualTo("ForbiddenError"));
        Assert.That(e.Entries!.Select(x => x.Type!.Value.Value), Does.Contain("exception").And.Contain("breadcrumbs").And.Contain("request"));

        var exception = e.GetException();
        Assert.That(exception, Is.Not.Null);
        var value = exception!.Values![0];
        Assert.That(value.Type, Is.EqualTo("ForbiddenError"));
        Assert.That(value.Value, Is.EqualTo("GET /organizations/hellboy-meowmeow/users/ 403"));
        Assert.That(value.Mechanism!.Type, Is.EqualTo("generic"));
        Assert.That(value.Mechanism.Handled, Is.True);
        var frame = value.Stacktrace!.Frames![0];
        Assert.That(frame.Function, Is.EqualTo("ignoreOnError"));
        Assert.That(frame.LineNo, Is.EqualTo(71));
        Assert.That(frame.ColNo, Is.EqualTo(23));
        Assert.That(frame.InApp, Is.False);
        Assert.That(frame.Context![5][1].GetString(), Does.Contain("fn.apply"));
        Assert.That(value.RawStacktrace!.Frames, Is.Not.Empty);

        var breadcrumbs = e.GetBreadcrumbs();
        Assert.That(breadcrumbs, Is.Not.Empty);
        Assert.That(breadcrumbs[0].Category, Is.EqualTo("tracing"));
        Assert.That(breadcrumbs[0].Timestamp, Is.EqualTo(DateTimeOffset.Parse("2020-06-17T22:26:55.266586Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(breadcrumbs.Any(b => b.Category == "xhr" && b.Data is not null), Is.True);
    }

    [Test]
    public async Task Entry_helpers_return_nothing_for_events_without_those_entries_and_unknown_entry_types_round_trip()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/projects/acme/app/events/0123456789abcdef0123456789abcdef/",
            """{"eventID": "0123456789abcdef0123456789abcdef", "entries": [{"type": "hologram", "data": {"x": 1}}, {"type": "message", "data": {"formatted": "hi"}}]}""");

        var e = await h.Client.Organization("acme").Project("app").Events.GetAsync("0123456789abcdef0123456789abcdef");

        Assert.That(e.GetException(), Is.Null);
        Assert.That(e.GetBreadcrumbs(), Is.Empty);
        Assert.That(e.Entries![0].Type!.Value.Value, Is.EqualTo("hologram"));
        Assert.That(e.FindEntry(EventEntryType.Message)!.Data!.Value.GetProperty("formatted").GetString(), Is.EqualTo("hi"));
    }

    [Test]
    public async Task List_for_project_sends_full_and_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/projects/acme/pump-station/events/", SchemaExamples.Response("GET", ProjectEvents));

        var events = await h.Client.Project("pump-station").Events.List(statsPeriod: "24h", full: true).ToListAsync();

        var request = recorder.Single;
        Assert.That(request.Query("full"), Is.EqualTo(new[] { "true" }));
        Assert.That(request.Query("statsPeriod"), Is.EqualTo(new[] { "24h" }));
        Assert.That(events[0].EventId, Is.EqualTo("9fac2ceed9344f2bbfdd1fdacb0ed9b1"));
        Assert.That(events[0].EventType, Is.EqualTo("error"));
        Assert.That(events[0].ProjectId, Is.EqualTo("49271"));
        Assert.That(events[0].Tags, Has.Count.EqualTo(8));
    }

    [Test]
    public async Task List_for_issue_sends_query_and_page_size_and_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/issues/1889724436/events/", SchemaExamples.Response("GET", IssueEvents));

        var events = await h.Client.Events.ListForIssue("1889724436", query: "user.email:\"a b@example.com\"").ToListAsync();

        var request = recorder.Single;
        Assert.That(request.Query("query"), Is.EqualTo(new[] { "user.email:\"a b@example.com\"" }));
        Assert.That(request.Query("per_page"), Is.EqualTo(new[] { h.Options.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.That(events[0].GroupId, Is.EqualTo("1889724436"));
        Assert.That(events[0].Culprit, Is.EqualTo("/books/new/"));
    }

    [TestCase(EventsClient.Latest)]
    [TestCase(EventsClient.Oldest)]
    [TestCase(EventsClient.Recommended)]
    [TestCase("9999aaaaca8b46d797c23c6077c6ff01")]
    public async Task Get_for_issue_takes_an_id_or_a_named_event(string eventId)
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, $"/api/0/organizations/acme/issues/1341191803/events/{eventId}/", SchemaExamples.Response("GET", IssueEvent));

        var e = await h.Client.Events.GetForIssueAsync("1341191803", eventId);

        Assert.That(recorder.Single.Path, Is.EqualTo($"/api/0/organizations/acme/issues/1341191803/events/{eventId}/"));
        Assert.That(e.GetException()!.Values![0].Type, Is.EqualTo("ForbiddenError"));
    }

    [Test]
    public async Task Latest_and_oldest_shortcuts_use_the_named_paths()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/issues/5/events/latest/", """{"eventID": "a"}""");
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/issues/5/events/oldest/", """{"eventID": "b"}""");

        var latest = await h.Client.Events.GetLatestForIssueAsync("5");
        var oldest = await h.Client.Events.GetOldestForIssueAsync("5");

        Assert.That((latest.EventId, oldest.EventId), Is.EqualTo(("a", "b")));
    }

    [Test]
    public async Task Hashes_parse_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/issues/1341191803/hashes/",
            SchemaExamples.Response("GET", "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/hashes/"));

        var hashes = await h.Client.Events.ListHashes("1341191803", full: false).ToListAsync();

        Assert.That(recorder.Single.Query("full"), Is.EqualTo(new[] { "false" }));
        Assert.That(hashes[0].Id, Is.EqualTo("53aa54ab27474eaab1fc1d0f7f86d2f1"));
        Assert.That(hashes[0].LatestEvent!.EventId, Is.EqualTo("9999aaaaca8b46d797c23c6077c6ff01"));
        Assert.That(hashes[0].LatestEvent!.User!.Name, Is.EqualTo("Hell Boy"));
    }

    [Test]
    public async Task Resolve_event_id_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var recorder = new RequestRecorder();
        recorder.On(h, HttpMethod.Get, "/api/0/organizations/acme/eventids/9fac2ceed9344f2bbfdd1fdacb0ed9b1/",
            SchemaExamples.Response("GET", "/api/0/organizations/{organization_id_or_slug}/eventids/{event_id}/"));

        var lookup = await h.Client.Events.ResolveEventIdAsync("9fac2ceed9344f2bbfdd1fdacb0ed9b1");

        Assert.That(recorder.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(lookup.ProjectSlug, Is.EqualTo("pump-station"));
        Assert.That(lookup.GroupId, Is.EqualTo("1"));
        Assert.That(lookup.Event!.EventId, Is.EqualTo("9fac2ceed9344f2bbfdd1fdacb0ed9b1"));
        Assert.That(lookup.Event.Entries![0].Type, Is.EqualTo(EventEntryType.Request));
    }

    [Test]
    public void Event_ids_with_path_characters_are_refused()
    {
        using var h = new SentryTestHarness();
        Assert.ThrowsAsync<ArgumentException>(() => h.Client.Project("app").Events.GetAsync("../../x"));
    }
}
