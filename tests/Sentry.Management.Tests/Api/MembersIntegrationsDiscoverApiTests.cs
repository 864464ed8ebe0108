using System.Net;
using System.Text.Json;
using Sentry.Management.Api;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Api;

/// <summary>The wire form of the member, integration, discover and issue-note endpoints, on the raw Refit interfaces.</summary>
public class MembersIntegrationsDiscoverApiTests
{
    [Test]
    public async Task Discover_query_repeats_fields_and_writes_dates_in_utc()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, """{"data": [{"transaction": "GET /checkout", "p95(span.duration)": 412.5, "someNewColumn": 1}], "meta": {"fields": {"p95(span.duration)": "duration"}, "units": {"p95(span.duration)": "millisecond"}, "newMeta": true}}""");
        var api = Create<IDiscoverApi>(h);

        using var response = await api.QueryAsync(
            "acme",
            field: ["transaction", "p95(span.duration)"],
            dataset: "spans",
            start: new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.FromHours(1)),
            query: "is_transaction:true",
            sort: "-p95(span.duration)");

        Assert.That(log.Single.RawQuery, Is.EqualTo(
            "field=transaction&field=p95%28span.duration%29&dataset=spans&start=2026-11-30T12%3A00%3A00Z"
            + "&query=is_transaction%3Atrue&sort=-p95%28span.duration%29"));
        var row = response.Content!.Data!.Single();
        Assert.That(row["p95(span.duration)"].GetDouble(), Is.EqualTo(412.5));
        Assert.That(response.Content.Meta!.Units!["p95(span.duration)"], Is.EqualTo("millisecond"));
        Assert.That(response.Content.Meta.AdditionalProperties, Contains.Key("newMeta"), "unknown fields are kept, not fatal");
    }

    [Test]
    public async Task Adding_a_note_posts_its_text_and_mentions()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, """{"id": "4", "type": "note", "data": {"text": "Looking into it"}, "dateCreated": "2026-11-30T12:00:00Z", "user": {"id": "1"}}""", HttpStatusCode.Created);
        var api = Create<IIssuesApi>(h);

        var note = await api.AddNoteAsync("acme", "123", new IssueNoteCreate { Text = "Looking into it", Mentions = ["user:1"] });

        Assert.That(log.Single.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/organizations/acme/issues/123/notes/"));
        Assert.That(log.Single.Body, Is.EqualTo("""{"text":"Looking into it","mentions":["user:1"]}"""));
        Assert.That(note.Type, Is.EqualTo("note"));
        Assert.That(note.Data!.Value.GetProperty("text").GetString(), Is.EqualTo("Looking into it"));
    }

    [Test]
    public async Task Adding_a_member_to_a_team_tolerates_the_empty_202_of_a_join_request()
    {
        using var h = new SentryTestHarness();
        h.Mock.Fallback.Respond(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Accepted)));
        var api = Create<IMembersApi>(h);

        using var response = await api.AddToTeamAsync("acme", "42", "backend");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(response.Content, Is.Null);
    }

    [Test]
    public async Task An_external_issue_sends_provider_fields_beside_title_and_description()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, """{"id": 7, "key": "PROJ-42", "url": "https://acme.atlassian.net/browse/PROJ-42", "integrationId": 24, "displayName": "PROJ-42"}""", HttpStatusCode.Created);
        var api = Create<IIntegrationsApi>(h);
        using var project = JsonDocument.Parse("\"10001\"");

        var link = await api.CreateExternalIssueAsync("acme", "123", "24", new ExternalIssueCreate
        {
            Title = "Checkout fails",
            Description = "Seen 42 times",
            Fields = new Dictionary<string, JsonElement> { ["project"] = project.RootElement.Clone() },
        });

        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/organizations/acme/issues/123/integrations/24/"));
        Assert.That(log.Single.Body, Is.EqualTo("""{"title":"Checkout fails","description":"Seen 42 times","project":"10001"}"""));
        Assert.That(link.Id, Is.EqualTo("7"), "numeric ids are read as text");
        Assert.That(link.IntegrationId, Is.EqualTo("24"));
    }

    [Test]
    public async Task Members_read_the_user_and_team_roles()
    {
        using var h = new SentryTestHarness();
        RequestRecorder.Answer(h, """[{"id": "57", "email": "jane@example.com", "name": "Jane", "orgRole": "member", "pending": false, "user": {"id": 12, "username": "jane", "email": "jane@example.com"}, "teamRoles": [{"teamSlug": "backend", "role": null}], "someNewField": {}}]""");
        var api = Create<IMembersApi>(h);

        using var page = await api.ListAsync("acme");

        var member = page.Content!.Single();
        Assert.That(member.User!.Id, Is.EqualTo("12"));
        Assert.That(member.User.Username, Is.EqualTo("jane"));
        Assert.That(member.TeamRoles!.Single().TeamSlug, Is.EqualTo("backend"));
        Assert.That(member.AdditionalProperties, Contains.Key("someNewField"));
    }

    private static TApi Create<TApi>(SentryTestHarness h)
        where TApi : class =>
        SentryRefit.Create<TApi>(new HttpClient(h.Mock, disposeHandler: false) { BaseAddress = new Uri(SentryTestHarness.BaseUrl) });
}
