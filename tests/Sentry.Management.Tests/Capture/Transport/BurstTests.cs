using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Transport;

/// <summary>
/// A burst from 8 threads into a small queue and a slow real HTTP sink on 127.0.0.1: with a spool nothing is lost and
/// everything is delivered in the same process; without one every drop is announced in client reports, exactly.
/// </summary>
[NonParallelizable]
public class BurstTests
{
    private const int Threads = 8;
    private const int PerThread = 250;

    [Test]
    public async Task With_a_spool_queue_overflow_goes_to_disk_and_is_delivered_in_the_same_process()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sentry-burst-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var sink = new LoopbackSink(latency: TimeSpan.FromMilliseconds(3));
            var options = Burst(sink);
            options.SpoolDirectory = folder;
            await using var client = new SentryCaptureClient(options);

            Capture(client);
            var spooledAfterBurst = client.Counters.Spooled(SentryDataCategory.Error);
            Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(60)), Is.True, "flush waits until the drainer has sent the backlog");

            var captured = client.Counters.Captured(SentryDataCategory.Error);
            Assert.Multiple(() =>
            {
                Assert.That(captured, Is.EqualTo(Threads * PerThread));
                Assert.That(spooledAfterBurst, Is.GreaterThan(0), "the burst did not fit in the queue of 50");
                Assert.That(sink.Delivered(SentryDataCategory.Error), Is.EqualTo(captured), "delivered = captured");
                Assert.That(client.Counters.Delivered(SentryDataCategory.Error), Is.EqualTo(captured));
                Assert.That(client.Counters.DiscardedTotal(SentryDataCategory.Error), Is.Zero);
                Assert.That(sink.Reported(SentryDataCategory.Error), Is.Zero);
                Assert.That(client.Counters.Spooled(SentryDataCategory.Error), Is.Zero);
                Assert.That(Directory.GetFiles(folder, "*.envelope"), Is.Empty);
            });
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Test]
    public async Task Without_a_spool_a_burst_balances_exactly_with_client_reports()
    {
        await using var sink = new LoopbackSink(latency: TimeSpan.FromMilliseconds(3));
        await using var client = new SentryCaptureClient(Burst(sink));

        Capture(client);
        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(30)), Is.True);

        var captured = client.Counters.Captured(SentryDataCategory.Error);
        var discarded = client.Counters.DiscardedTotal(SentryDataCategory.Error);
        Assert.Multiple(() =>
        {
            Assert.That(captured, Is.EqualTo(Threads * PerThread));
            Assert.That(discarded, Is.GreaterThan(0), "the burst overflowed the queue of 50");
            Assert.That(sink.Delivered(SentryDataCategory.Error) + sink.Reported(SentryDataCategory.Error), Is.EqualTo(captured), "delivered + reported = captured");
            Assert.That(client.Counters.Delivered(SentryDataCategory.Error), Is.EqualTo(sink.Delivered(SentryDataCategory.Error)));
            Assert.That(sink.Reported(SentryDataCategory.Error), Is.EqualTo(discarded), "every discard announced once");
            Assert.That(sink.ReportedByReason.Keys, Is.EqualTo(new[] { (SentryDiscardReason.QueueOverflow, SentryDataCategory.Error) }));
        });
    }

    private static SentryCaptureOptions Burst(LoopbackSink sink) => new()
    {
        Dsn = sink.Dsn(),
        MaxErrorQueueSize = 50,
        MaxConcurrentSends = 4,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
    };

    private static void Capture(SentryCaptureClient client)
    {
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                client.CaptureMessage($"burst t{t} m{i}");
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }
}
