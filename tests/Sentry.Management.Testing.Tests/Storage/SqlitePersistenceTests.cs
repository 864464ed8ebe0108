using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Storage;

/// <summary>With a data file, a dev server keeps its issues, events, DSN and token across a restart.</summary>
public sealed class SqlitePersistenceTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("sentry-local-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task An_issue_survives_a_restart_with_its_events_notes_dsn_and_token()
    {
        var file = Path.Combine(_directory, "sentry.db");
        string dsn, token, issueId, eventId;
        await using (var first = await LocalSentry.StartAsync(new LocalSentryOptions { DataFile = file }))
        {
            using var http = new LocalSentryHttp(first);
            using var response = await http.PostEnvelopeAsync(Envelopes.Event(new { message = "Pump 3 overheated", release = "app@1.0" }));
            var evt = (await first.Received.WaitForEventsAsync(1))[0];
            await http.SendJsonAsync(HttpMethod.Put, $"/api/0/organizations/local/issues/{evt.IssueId}/", "{\"status\":\"resolved\"}");
            await http.SendJsonAsync(HttpMethod.Post, $"/api/0/organizations/local/issues/{evt.IssueId}/notes/", "{\"text\":\"fixed in 1.1\"}");
            (dsn, token, issueId, eventId) = (first.Dsn, first.AuthToken, evt.IssueId!, evt.EventId);
        }

        await using var second = await LocalSentry.StartAsync(new LocalSentryOptions { DataFile = file });
        using var again = new LocalSentryHttp(second);
        var issue = await again.GetJsonAsync($"/api/0/organizations/local/issues/{issueId}/");
        var latest = await again.GetJsonAsync($"/api/0/organizations/local/issues/{issueId}/events/latest/");
        using var regression = await again.PostEnvelopeAsync(Envelopes.Event(new { message = "Pump 4 overheated" }));
        var reopened = await again.GetJsonAsync($"/api/0/organizations/local/issues/{issueId}/");
        var next = (await second.Received.WaitForEventsAsync(1))[0];

        Assert.Multiple(() =>
        {
            Assert.That(new Uri(second.Dsn).UserInfo, Is.EqualTo(new Uri(dsn).UserInfo), "the DSN's key is kept");
            Assert.That(second.AuthToken, Is.EqualTo(token), "the token is kept");
            Assert.That(issue.GetProperty("shortId").GetString(), Is.EqualTo("APP-1"));
            Assert.That(issue.GetProperty("status").GetString(), Is.EqualTo("resolved"));
            Assert.That(issue.GetProperty("numComments").GetInt32(), Is.EqualTo(1));
            Assert.That(latest.GetProperty("eventID").GetString(), Is.EqualTo(eventId));
            Assert.That(next.IssueId, Is.EqualTo(issueId), "grouping finds the stored hash");
            Assert.That(reopened.GetProperty("substatus").GetString(), Is.EqualTo("regressed"));
            Assert.That(reopened.GetProperty("count").GetString(), Is.EqualTo("2"));
        });
    }

    [Test]
    public async Task Ids_keep_counting_after_a_restart()
    {
        var file = Path.Combine(_directory, "ids.db");
        await using (var first = await LocalSentry.StartAsync(new LocalSentryOptions { DataFile = file }))
        {
            using var http = new LocalSentryHttp(first);
            using var response = await http.PostEnvelopeAsync(Envelopes.Event(new { message = "first" }));
        }

        await using var second = await LocalSentry.StartAsync(new LocalSentryOptions { DataFile = file });
        using var again = new LocalSentryHttp(second);
        using var next = await again.PostEnvelopeAsync(Envelopes.Event(new { message = "second" }));
        var evt = (await second.Received.WaitForEventsAsync(1))[0];

        Assert.That(evt.IssueShortId, Is.EqualTo("APP-2"));
    }
}
