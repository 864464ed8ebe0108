using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Faults;

/// <summary>Our capture transport against every ingestion fault switch: what it retries, and what it counts.</summary>
public sealed class CaptureTransportFaultTests : LocalSentryFixture
{
    [Test]
    public async Task Retries_a_server_error_and_delivers()
    {
        Sentry.Faults.Ingestion.ServerError(503, times: 1);
        await using var capture = Capture();

        capture.CaptureMessage("after a 503");
        await capture.FlushAsync(TimeSpan.FromSeconds(10));
        var events = await Sentry.Received.WaitForEventsAsync(1);

        Assert.That(events.Single().Message, Is.EqualTo("after a 503"));
        Assert.That(capture.Counters.Delivered("error"), Is.EqualTo(1));
    }

    [Test]
    public async Task Retries_a_dropped_connection_and_delivers()
    {
        Sentry.Faults.Ingestion.DropConnections(times: 1);
        await using var capture = Capture();

        capture.CaptureMessage("after a dropped connection");
        await capture.FlushAsync(TimeSpan.FromSeconds(10));
        var events = await Sentry.Received.WaitForEventsAsync(1);

        Assert.That(events.Single().Message, Is.EqualTo("after a dropped connection"));
    }

    [Test]
    public async Task Delivers_through_slow_responses()
    {
        Sentry.Faults.Ingestion.Delay(TimeSpan.FromMilliseconds(150));
        await using var capture = Capture();

        capture.CaptureMessage("slow but fine");
        await capture.FlushAsync(TimeSpan.FromSeconds(10));

        Assert.That((await Sentry.Received.WaitForEventsAsync(1)).Single().Message, Is.EqualTo("slow but fine"));
    }

    [Test]
    public async Task Honours_a_category_rate_limit_and_counts_what_it_held_back()
    {
        Sentry.Faults.Ingestion.RateLimit(TimeSpan.FromSeconds(60), null, "error");
        await using var capture = Capture();

        capture.CaptureMessage("limited by the server");
        await capture.FlushAsync(TimeSpan.FromSeconds(10));
        capture.CaptureMessage("held back by the client");
        await capture.FlushAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(Sentry.Received.Events, Is.Empty);
            Assert.That(capture.Counters.Delivered("error"), Is.Zero);
            Assert.That(capture.Counters.DiscardedTotal("error") + capture.Counters.Spooled("error"), Is.EqualTo(2),
                "the transport keeps count of both: nothing is silently dropped");
        });
    }

    [Test]
    public async Task Backs_off_under_the_concurrency_limit_without_losing_events()
    {
        Sentry.Faults.Ingestion.Delay(TimeSpan.FromMilliseconds(20)).Limit(concurrent: 2);
        await using var capture = Capture();

        for (var i = 0; i < 10; i++)
        {
            capture.CaptureMessage($"burst {i}");
        }

        await capture.FlushAsync(TimeSpan.FromSeconds(20));

        Assert.That(Sentry.Received.Events.Count + capture.Counters.DiscardedTotal("error") + capture.Counters.Spooled("error"), Is.EqualTo(10),
            "every event is delivered, or counted as held back");
    }

    [Test]
    public async Task With_a_spool_an_overflowing_burst_through_a_rate_limit_and_an_outage_all_reaches_the_local_Sentry()
    {
        // The first answer limits errors for a second, the next few fail; the queue holds 10 of the 300 captures.
        Sentry.Faults.Ingestion.RateLimit(TimeSpan.FromSeconds(1), 1, "error");
        Sentry.Faults.Ingestion.ServerError(503, times: 5);
        var spool = Directory.CreateTempSubdirectory("sentry-spool-e2e-");
        try
        {
            await using var capture = new SentryCaptureClient(new SentryCaptureOptions
            {
                Dsn = Sentry.Dsn,
                RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                MaxErrorQueueSize = 10,
                SpoolDirectory = spool.FullName,
            });

            await Task.WhenAll(Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
            {
                for (var i = 0; i < 75; i++)
                {
                    capture.CaptureMessage($"burst {thread}-{i}");
                }
            })));

            Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(60)), Is.True, "the spool drained in this process");
            var events = await Sentry.Received.WaitForEventsAsync(300, TimeSpan.FromSeconds(30));
            Assert.Multiple(() =>
            {
                Assert.That(events.Select(e => e.Message).Distinct().Count(), Is.EqualTo(300), "each capture arrived once");
                Assert.That(capture.Counters.Delivered("error"), Is.EqualTo(300));
                Assert.That(capture.Counters.DiscardedTotal("error"), Is.Zero);
                Assert.That(capture.Counters.Spooled("error"), Is.Zero);
                Assert.That(spool.EnumerateFiles("*.envelope").Count(), Is.Zero);
            });
        }
        finally
        {
            spool.Delete(recursive: true);
        }
    }

    private SentryCaptureClient Capture() => new(new SentryCaptureOptions
    {
        Dsn = Sentry.Dsn,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
    });
}
