using Microsoft.Extensions.Time.Testing;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Sessions;

/// <summary>Release-health sessions on the wire: <c>session</c> updates of an app run and <c>sessions</c> aggregates of a server.</summary>
public sealed class SessionTests
{
    [Test]
    public async Task Auto_session_starts_is_marked_errored_and_exits_at_dispose()
    {
        var handler = new RecordingHandler();
        var options = TestOptions.Create();
        options.AutoSessionTracking = true;
        await using (var client = new SentryCaptureClient(options, handler))
        {
            Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
            client.CaptureException(Thrown.By(() => throw new InvalidOperationException("one")));
            client.CaptureException(Thrown.By(() => throw new InvalidOperationException("two")));
            Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        var sessions = handler.Items("session").Select(i => i.Json).ToList();
        Assert.That(sessions, Has.Count.EqualTo(3), "start, first error, end");
        var (start, errored, end) = (sessions[0], sessions[1], sessions[^1]);
        Assert.Multiple(() =>
        {
            Assert.That(start.GetProperty("init").GetBoolean(), Is.True);
            Assert.That(start.GetProperty("status").GetString(), Is.EqualTo("ok"));
            Assert.That(start.GetProperty("errors").GetInt32(), Is.Zero);
            Assert.That(start.GetProperty("attrs").GetProperty("release").GetString(), Is.EqualTo("app@1.2.3"));
            Assert.That(start.GetProperty("attrs").GetProperty("environment").GetString(), Is.EqualTo("test"));
            Assert.That(Guid.TryParse(start.GetProperty("sid").GetString(), out _), Is.True);
            Assert.That(errored.GetProperty("init").GetBoolean(), Is.False);
            Assert.That(errored.GetProperty("status").GetString(), Is.EqualTo("ok"), "errored stays ok until the end");
            Assert.That(errored.GetProperty("errors").GetInt32(), Is.EqualTo(1));
            Assert.That(end.GetProperty("status").GetString(), Is.EqualTo("exited"));
            Assert.That(end.GetProperty("errors").GetInt32(), Is.EqualTo(2));
            Assert.That(end.GetProperty("sid").GetString(), Is.EqualTo(start.GetProperty("sid").GetString()));
            Assert.That(end.TryGetProperty("duration", out var d) && d.GetDouble() >= 0, Is.True);
            Assert.That(end.TryGetProperty("started", out _) && end.TryGetProperty("timestamp", out _), Is.True);
        });
    }

    [Test]
    public async Task Explicit_sessions_carry_the_distinct_id_and_a_new_start_ends_the_old_one()
    {
        var handler = new RecordingHandler();
        await using (var client = new SentryCaptureClient(TestOptions.Create(), handler))
        {
            client.StartSession("user-7");
            client.StartSession("user-8");
            client.EndSession();
            client.EndSession(); // nothing runs: nothing sent
            Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
            Assert.That(client.Counters.Delivered(SentryDataCategory.Session), Is.EqualTo(4));
        }

        var sessions = handler.Items("session").Select(i => i.Json).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sessions.Select(s => s.GetProperty("status").GetString()), Is.EquivalentTo(new[] { "ok", "exited", "ok", "exited" }));
            Assert.That(sessions.Where(s => s.GetProperty("did").GetString() == "user-7").Select(s => s.GetProperty("status").GetString()), Is.EquivalentTo(new[] { "ok", "exited" }));
            Assert.That(sessions.Select(s => s.GetProperty("sid").GetString()).Distinct().Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Sessions_need_a_release()
    {
        var options = TestOptions.Create();
        options.Release = null;
        await using var client = new SentryCaptureClient(options, new RecordingHandler());
        var start = Assert.Throws<InvalidOperationException>(() => client.StartSession());
        var request = Assert.Throws<InvalidOperationException>(() => client.RecordRequestSession(RequestSessionStatus.Exited));
        options.AutoSessionTracking = true;
        var auto = Assert.Throws<ArgumentException>(() => options.Validate());
        Assert.Multiple(() =>
        {
            Assert.That(start!.Message, Does.Contain("Release").And.Contain("drops sessions"));
            Assert.That(request!.Message, Does.Contain("Release"));
            Assert.That(auto!.Message, Does.Contain("AutoSessionTracking needs Release"));
            Assert.Throws<ArgumentOutOfRangeException>(() => client.RecordRequestSession((RequestSessionStatus)9));
        });
    }

    [Test]
    public async Task Request_sessions_are_aggregated_per_minute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 10, TimeSpan.Zero));
        var handler = new RecordingHandler();
        var options = TestOptions.Create();
        options.TimeProvider = time;
        await using var client = new SentryCaptureClient(options, handler);
        client.RecordRequestSession(RequestSessionStatus.Exited);
        client.RecordRequestSession(RequestSessionStatus.Exited);
        client.RecordRequestSession(RequestSessionStatus.Errored);
        time.Advance(TimeSpan.FromSeconds(30));
        client.RecordRequestSession(RequestSessionStatus.Crashed);
        time.Advance(TimeSpan.FromSeconds(30)); // 09:01:10: the 09:00 minute is finished and goes out
        client.RecordRequestSession(RequestSessionStatus.Abnormal);
        await WaitForAsync(() => handler.Items("sessions").Any());
        var first = handler.Items("sessions").Single().Json;
        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        var items = handler.Items("sessions").Select(i => i.Json).ToList();

        Assert.Multiple(() =>
        {
            var bucket = first.GetProperty("aggregates").EnumerateArray().Single();
            Assert.That(bucket.GetProperty("started").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
            Assert.That(bucket.GetProperty("exited").GetInt32(), Is.EqualTo(2));
            Assert.That(bucket.GetProperty("errored").GetInt32(), Is.EqualTo(1));
            Assert.That(bucket.GetProperty("crashed").GetInt32(), Is.EqualTo(1));
            Assert.That(bucket.TryGetProperty("abnormal", out _), Is.False);
            Assert.That(first.GetProperty("attrs").GetProperty("release").GetString(), Is.EqualTo("app@1.2.3"));
            Assert.That(items, Has.Count.EqualTo(2), "the flush sends the minute still counting");
            Assert.That(items[1].GetProperty("aggregates")[0].GetProperty("abnormal").GetInt32(), Is.EqualTo(1));
            Assert.That(client.Counters.Delivered(SentryDataCategory.Session), Is.EqualTo(5), "counted per request session");
        });
    }

    [Test]
    public async Task Rate_limited_sessions_are_counted_in_the_client_report()
    {
        var calls = 0;
        var handler = new RecordingHandler(_ => Interlocked.Increment(ref calls) == 1
            ? new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests) { Headers = { { "X-Sentry-Rate-Limits", "60:session:project" } } }
            : new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        await using var client = new SentryCaptureClient(TestOptions.Create(), handler);
        client.StartSession();
        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        client.EndSession();
        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

        var report = handler.Items("client_report").SelectMany(i => i.Json.GetProperty("discarded_events").EnumerateArray())
            .Where(l => l.GetProperty("category").GetString() == "session").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(client.Counters.Discarded(SentryDiscardReason.RateLimitBackoff, SentryDataCategory.Session), Is.EqualTo(2));
            Assert.That(report.Sum(l => l.GetProperty("quantity").GetInt64()), Is.EqualTo(2));
            Assert.That(handler.Items("session").Count(), Is.EqualTo(1), "the second one never left while limited");
        });
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }
    }
}
