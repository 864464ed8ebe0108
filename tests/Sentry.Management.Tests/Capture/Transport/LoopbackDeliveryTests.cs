using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Transport;

/// <summary>
/// Many threads capture while a real HTTP sink on 127.0.0.1 fails (500s, connection resets, a 429 for one
/// category) and recovers: every captured item must end up delivered or reported as discarded, exactly.
/// </summary>
[NonParallelizable]
public class LoopbackDeliveryTests
{
    private static readonly string[] Categories = [SentryDataCategory.Error, SentryDataCategory.Transaction, SentryDataCategory.Span, SentryDataCategory.TraceMetric];

    private static SinkAction FlakyPlan(long n) => n switch
    {
        <= 400 when n % 7 == 0 => SinkAction.ServerError,
        <= 400 when n % 11 == 0 => SinkAction.Reset,
        // A burst long enough that some envelope's three attempts all land in it: with 64 sends in flight and retries
        // 2 and 4 ms apart, an envelope's attempts are up to a few hundred requests apart at loopback speed.
        >= 60 and <= 300 => SinkAction.ServerError,
        25 => SinkAction.RateLimited,
        _ => SinkAction.Ok,
    };

    [Test]
    public async Task Captured_equals_delivered_plus_reported_discards_under_failures()
    {
        await using var sink = new LoopbackSink(FlakyPlan) { RateLimitHeader = "0.05:transaction:project:test" };
        var options = new SentryCaptureOptions
        {
            Dsn = sink.Dsn(),
            TracesSampleRate = 1,
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(2),
            MaxErrorQueueSize = 300, // small enough that the burst overflows it
            SampleRate = 0.9,
        };
        var client = new SentryCaptureClient(options);

        CaptureFrom8Threads(client, errorsPerThread: 150, transactionsPerThread: 15, metricsPerThread: 40);
        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(60)), Is.True, "flush drained everything");
        await client.DisposeAsync();

        foreach (var ((reason, category), quantity) in sink.ReportedByReason)
        {
            TestContext.Out.WriteLine($"reported {reason}/{category}: {quantity}");
        }

        foreach (var category in Categories)
        {
            TestContext.Out.WriteLine($"{category}: captured {client.Counters.Captured(category)}, delivered {sink.Delivered(category)}");
        }

        Assert.That(sink.Requests, Is.GreaterThan(100), "the sink's failure plan (500s, resets, the 500 burst at 60-90, the 429) was exercised");
        Assert.Multiple(() =>
        {
            foreach (var category in Categories)
            {
                var captured = client.Counters.Captured(category);
                Assert.That(captured, Is.GreaterThan(0), category);
                Assert.That(sink.Delivered(category) + sink.Reported(category), Is.EqualTo(captured), $"{category}: delivered {sink.Delivered(category)} + reported {sink.Reported(category)}");
                Assert.That(client.Counters.Delivered(category), Is.EqualTo(sink.Delivered(category)), category);
                Assert.That(client.Counters.DiscardedTotal(category), Is.EqualTo(sink.Reported(category)), category);
            }

            Assert.That(sink.ReportedByReason.Keys.Select(k => k.Reason).Distinct(),
                Is.SupersetOf(new[] { SentryDiscardReason.SampleRate, SentryDiscardReason.SendError, SentryDiscardReason.RateLimitBackoff }));
        });
    }

    [Test]
    public async Task With_a_spool_everything_is_delivered_after_a_restart()
    {
        var spool = Path.Combine(Path.GetTempPath(), "sentry-capture-spool-" + Guid.NewGuid().ToString("N"));
        try
        {
            long capturedErrors, capturedTransactions, capturedMetrics;
            var down = false;
            await using var sink = new LoopbackSink(n => Volatile.Read(ref down) ? SinkAction.ServerError : n == 10 ? SinkAction.RateLimited : FlakyPlan(n)) { RateLimitHeader = "0.5:transaction" };

            SentryCaptureOptions Options(TimeSpan shutdown) => new()
            {
                Dsn = sink.Dsn(),
                TracesSampleRate = 1,
                MaxRetries = 1,
                RetryBaseDelay = TimeSpan.FromMilliseconds(2),
                SpoolDirectory = spool,
                ShutdownTimeout = shutdown,
            };

            // Sentry is down when the first process stops: its drainer cannot empty the spool, so it waits only briefly.
            var first = new SentryCaptureClient(Options(TimeSpan.FromMilliseconds(300)));
            CaptureFrom8Threads(first, errorsPerThread: 40, transactionsPerThread: 5, metricsPerThread: 20);
            await first.FlushAsync(TimeSpan.FromSeconds(30));
            Volatile.Write(ref down, true); // Sentry goes away before the process stops.
            CaptureFrom8Threads(first, errorsPerThread: 10, transactionsPerThread: 2, metricsPerThread: 5);
            await first.DisposeAsync();
            capturedErrors = first.Counters.Captured(SentryDataCategory.Error);
            capturedTransactions = first.Counters.Captured(SentryDataCategory.Transaction);
            capturedMetrics = first.Counters.Captured(SentryDataCategory.TraceMetric);
            Assert.That(first.Counters.Spooled(SentryDataCategory.Error), Is.GreaterThan(0));
            Assert.That(Directory.GetFiles(spool, "*.envelope"), Is.Not.Empty);

            Volatile.Write(ref down, false);
            await using (var second = new SentryCaptureClient(Options(TimeSpan.FromSeconds(30))))
            {
                Assert.That(await second.FlushAsync(TimeSpan.FromSeconds(60)), Is.True);
            }

            Assert.Multiple(() =>
            {
                Assert.That(sink.Delivered(SentryDataCategory.Error), Is.EqualTo(capturedErrors));
                Assert.That(sink.Delivered(SentryDataCategory.Transaction), Is.EqualTo(capturedTransactions));
                Assert.That(sink.Delivered(SentryDataCategory.TraceMetric), Is.EqualTo(capturedMetrics));
                Assert.That(sink.Reported(SentryDataCategory.Error), Is.Zero);
                Assert.That(Directory.GetFiles(spool, "*.envelope"), Is.Empty);
            });
        }
        finally
        {
            if (Directory.Exists(spool))
            {
                Directory.Delete(spool, recursive: true);
            }
        }
    }

    private static void CaptureFrom8Threads(SentryCaptureClient client, int errorsPerThread, int transactionsPerThread, int metricsPerThread)
    {
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            for (var i = 0; i < errorsPerThread; i++)
            {
                if (i % 2 == 0)
                {
                    client.CaptureException(Thrown.By(() => throw new InvalidOperationException($"t{t} e{i}")), e => e.Tags["thread"] = t.ToString());
                }
                else
                {
                    client.CaptureMessage($"t{t} m{i}");
                }

                if (i < transactionsPerThread)
                {
                    var tx = client.StartTransaction($"tx {t}", "task");
                    tx.StartChild("step").Finish();
                    tx.Finish();
                }

                if (i < metricsPerThread)
                {
                    client.IncrementCounter("work.done", 1, "none", new Dictionary<string, string> { ["thread"] = t.ToString() });
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }
}
