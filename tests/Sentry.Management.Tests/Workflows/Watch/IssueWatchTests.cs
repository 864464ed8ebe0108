using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Workflows.Watch;

public class IssueWatchTests
{
    private const string Issues = "/api/0/organizations/acme/issues/";
    private static readonly DateTimeOffset Since = new(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);

    private static string Issue(string id, string firstSeen, string lastSeen, string substatus = "ongoing") =>
        $$"""{"id": "{{id}}", "shortId": "B-{{id}}", "title": "T{{id}}", "status": "unresolved", "substatus": "{{substatus}}", "firstSeen": "{{firstSeen}}", "lastSeen": "{{lastSeen}}"}""";

    /// <summary>
    /// A harness whose requests never time out: <see cref="TakeAsync"/> moves the fake clock 30 s a step while the watch
    /// runs, which would otherwise expire a request (30 s per attempt) whose mocked answer takes a few real milliseconds
    /// to arrive (a cold test process).
    /// </summary>
    private static SentryTestHarness Harness() => new(o =>
    {
        o.Timeout = TimeSpan.FromDays(1);
        o.AttemptTimeout = TimeSpan.FromDays(1);
    });

    /// <summary>Answers each poll with the next page of the script (the last one again when it runs out).</summary>
    private static RequestRecorder Script(SentryTestHarness h, params string[] polls)
    {
        var r = new RequestRecorder();
        var calls = 0;
        r.On(h, HttpMethod.Get, Issues, _ => SentryTestHarness.Json(polls[Math.Min(calls++, polls.Length - 1)]));
        return r;
    }

    private static async Task<List<IssueWatchEvent>> TakeAsync(SentryTestHarness h, IssueWatchOptions options, int count)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<IssueWatchEvent>();
        var run = Task.Run(async () =>
        {
            await foreach (var e in h.Client.DefaultOrganization.Issues.WatchAsync(options, cts.Token))
            {
                events.Add(e);
                if (events.Count == count)
                {
                    break;
                }
            }

            return events;
        });
        return await h.RunAsync(run, TimeSpan.FromSeconds(30));
    }

    [Test]
    public async Task Reports_new_and_regressed_issues_once_each_polling_on_the_clock()
    {
        using var h = Harness();
        var r = Script(
            h,
            "[" + string.Join(",", Issue("1", "2026-11-25T11:10:00Z", "2026-11-25T11:20:00Z"), Issue("2", "2026-11-01T00:00:00Z", "2026-11-25T11:30:00Z", "regressed"), Issue("3", "2026-11-01T00:00:00Z", "2026-11-25T11:40:00Z")) + "]",
            "[" + string.Join(",", Issue("2", "2026-11-01T00:00:00Z", "2026-11-25T12:05:00Z", "regressed"), Issue("4", "2026-11-25T12:01:00Z", "2026-11-25T12:02:00Z")) + "]");

        var events = await TakeAsync(h, new IssueWatchOptions { Query = "is:unresolved level:error", Since = Since, PollInterval = TimeSpan.FromMinutes(1), TimeProvider = h.Time }, 3);

        Assert.That(events.Select(e => e.ToString()), Is.EqualTo(new[] { "new: B-1 T1", "regressed: B-2 T2", "new: B-4 T4" }), "issue 3 is only ongoing; issue 2 is not reported twice");
        Assert.That(r.Requests[0].Query("query"), Is.EqualTo(new[] { "is:unresolved level:error lastSeen:>2026-11-25T11:00:00Z" }));
        Assert.That(r.Requests[1].Query("query"), Is.EqualTo(new[] { "is:unresolved level:error lastSeen:>2026-11-25T11:40:00Z" }), "the watermark moves to the latest lastSeen");
        Assert.That(r.Requests[0].Query("sort"), Is.EqualTo(new[] { "date" }));
        Assert.That(r.Requests, Has.Count.EqualTo(2), "one request per poll");
    }

    [Test]
    public async Task Waits_the_poll_interval_on_the_given_clock()
    {
        using var h = Harness();
        var r = Script(h, "[]", "[" + Issue("9", "2026-11-25T12:03:00Z", "2026-11-25T12:03:00Z") + "]");
        var start = h.Time.GetUtcNow();

        var events = await TakeAsync(h, new IssueWatchOptions { Since = Since, PollInterval = TimeSpan.FromMinutes(5), TimeProvider = h.Time }, 1);

        Assert.That(events.Single().Issue.Id, Is.EqualTo("9"));
        Assert.That(h.Time.GetUtcNow() - start, Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(5)), "the second poll came after the interval, on the fake clock");
    }

    [Test]
    public async Task Without_a_clock_of_its_own_the_watch_waits_on_the_clients()
    {
        using var h = Harness();
        Script(h, "[]", "[" + Issue("9", "2026-11-25T12:03:00Z", "2026-11-25T12:03:00Z") + "]");
        var start = h.Time.GetUtcNow();

        // No TimeProvider in the options: the client's fake clock drives the wait (on the system clock this would take five real minutes).
        var events = await TakeAsync(h, new IssueWatchOptions { Since = Since, PollInterval = TimeSpan.FromMinutes(5) }, 1);

        Assert.That(events.Single().Issue.Id, Is.EqualTo("9"));
        Assert.That(h.Time.GetUtcNow() - start, Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public async Task A_resumed_watch_carries_on_from_the_cursor_without_repeating()
    {
        using var h = Harness();
        var first = "[" + Issue("2", "2026-11-01T00:00:00Z", "2026-11-25T11:30:00Z", "regressed") + "]";
        Script(h, first);
        var cursor = (await TakeAsync(h, new IssueWatchOptions { Since = Since, TimeProvider = h.Time }, 1)).Single().Cursor;
        Assert.That(cursor, Is.EqualTo("2026-11-25T11:30:00Z|2"));

        using var h2 = Harness();
        var r = Script(
            h2,
            "[" + string.Join(",", Issue("2", "2026-11-01T00:00:00Z", "2026-11-25T11:50:00Z", "regressed"), Issue("5", "2026-11-25T11:45:00Z", "2026-11-25T11:45:00Z")) + "]");
        var resumed = await TakeAsync(h2, new IssueWatchOptions { ResumeFrom = cursor, Since = Since, TimeProvider = h2.Time }, 1);

        Assert.That(resumed.Single().ToString(), Is.EqualTo("new: B-5 T5"));
        Assert.That(r.Requests[0].Query("query").Single(), Does.EndWith("lastSeen:>2026-11-25T11:30:00Z"));
    }

    [Test]
    public void Bad_options_are_refused()
    {
        using var h = Harness();
        var issues = h.Client.DefaultOrganization.Issues;

        Assert.That(async () => await issues.WatchAsync(new IssueWatchOptions { ResumeFrom = "yesterday" }).GetAsyncEnumerator().MoveNextAsync(), Throws.ArgumentException.With.Message.Contains("'yesterday'"));
        Assert.That(async () => await issues.WatchAsync(new IssueWatchOptions { PollInterval = TimeSpan.FromMilliseconds(10) }).GetAsyncEnumerator().MoveNextAsync(), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
