using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using Sentry.Management.Capture.Protocol;
using Sentry.Management.Capture.Transport;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Transport;

/// <summary>
/// Sentry Logs and trace metric batches have a size and a time bound: items wait up to their interval
/// (<c>LogBatchInterval</c>, <c>MetricBatchInterval</c>) or until a full envelope's worth is waiting, whichever comes
/// first; a flush or dispose sends the partial batch at once; nothing is lost. The clock is a
/// <see cref="FakeTimeProvider"/>, so the interval passes only when the test says.
/// </summary>
public class BatchGateTests
{
    // Long enough for an idle worker to have sent anything it was allowed to; the positive checks poll instead.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private static SentryCaptureOptions Options(FakeTimeProvider time, int perEnvelope = 100)
    {
        var options = TestOptions.Create();
        options.TimeProvider = time;
        options.MaxLogsPerEnvelope = perEnvelope;
        return options;
    }

    private static void Log(SentryCaptureClient client, int n)
    {
        for (var i = 0; i < n; i++)
        {
            client.CaptureLogEntry(EventLevel.Info, false, "entry " + i, null, null, "Tests");
        }
    }

    private static int[] LogBatches(RecordingHandler handler) => Batches(handler, "log");

    private static int[] Batches(RecordingHandler handler, string itemType) =>
        [.. handler.Items(itemType).Select(i => i.Header.GetProperty("item_count").GetInt32())];

    /// <summary>Waits until batches of <paramref name="itemType"/> carrying <paramref name="entries"/> items in all were sent (or 10 s passed).</summary>
    private static async Task<int[]> WaitForBatchesAsync(RecordingHandler handler, int entries, string itemType = "log")
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Batches(handler, itemType).Sum() < entries && !timeout.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None);
        }

        return Batches(handler, itemType);
    }

    [Test]
    public async Task A_partial_batch_waits_for_the_interval_then_goes_out_as_one_envelope()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new RecordingHandler();
        var options = Options(time);
        options.LogBatchInterval = TimeSpan.FromSeconds(5);
        await using var client = new SentryCaptureClient(options, handler);

        Log(client, 3);
        await Task.Delay(Settle);
        time.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(Settle);
        var beforeInterval = LogBatches(handler);

        time.Advance(TimeSpan.FromSeconds(0.1));
        var afterInterval = await WaitForBatchesAsync(handler, 3);
        Assert.Multiple(() =>
        {
            Assert.That(beforeInterval, Is.Empty);
            Assert.That(afterInterval, Is.EqualTo(new[] { 3 }));
        });

        // A later entry starts a new window of its own.
        time.Advance(TimeSpan.FromSeconds(3));
        Log(client, 1);
        time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(Settle);
        Assert.That(LogBatches(handler), Is.EqualTo(new[] { 3 }));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await WaitForBatchesAsync(handler, 4), Is.EqualTo(new[] { 3, 1 }));
    }

    [Test]
    public async Task Full_batches_go_out_at_once_and_a_flush_sends_the_rest_with_nothing_lost()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new RecordingHandler();
        await using var client = new SentryCaptureClient(Options(time, perEnvelope: 5), handler);

        Log(client, 12);
        var full = await WaitForBatchesAsync(handler, 10);
        await Task.Delay(Settle);
        var beforeFlush = LogBatches(handler);
        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(full, Is.EqualTo(new[] { 5, 5 }));
            Assert.That(beforeFlush, Is.EqualTo(new[] { 5, 5 }), "the last two wait for the interval");
            Assert.That(LogBatches(handler), Is.EqualTo(new[] { 5, 5, 2 }));
            Assert.That(client.Counters.Delivered(SentryDataCategory.LogItem), Is.EqualTo(12));
        });
    }

    [Test]
    public async Task Dispose_sends_the_waiting_partial_batch()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new RecordingHandler();
        var client = new SentryCaptureClient(Options(time), handler);
        Log(client, 2);
        await Task.Delay(Settle);
        var beforeDispose = LogBatches(handler);

        await client.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(beforeDispose, Is.Empty);
            Assert.That(LogBatches(handler), Is.EqualTo(new[] { 2 }));
        });
    }

    [Test]
    public async Task A_queue_smaller_than_a_batch_sends_when_it_is_full_instead_of_overflowing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new RecordingHandler();
        var options = Options(time);
        options.MaxLogQueueSize = 3;
        await using var client = new SentryCaptureClient(options, handler);

        Log(client, 3);

        Assert.That(await WaitForBatchesAsync(handler, 3), Is.EqualTo(new[] { 3 }));
    }

    [Test]
    public void While_flushing_the_gate_opens_for_waiting_entries_but_stays_closed_over_an_empty_queue()
    {
        // An open gate over an empty queue kept idle workers spinning and starved a flush past its timeout.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var queue = Channel.CreateUnbounded<CaptureWork>();
        using var gate = BatchGate.ForLogs(queue.Reader, Options(time), () => { });
        var entry = new LogEntry(time.GetUtcNow(), "771a43a4192642f0b136d5159a501700", null, EventLevel.Info, false, "m", null, null, "Tests");

        bool emptyWhileFlushing, waitingWhileFlushing, waitingAfterFlush;
        using (gate.Flushing())
        {
            emptyWhileFlushing = gate.IsOpen;
            queue.Writer.TryWrite(new LogWork(entry));
            waitingWhileFlushing = gate.IsOpen;
        }

        waitingAfterFlush = gate.IsOpen;
        Assert.Multiple(() =>
        {
            Assert.That(emptyWhileFlushing, Is.False);
            Assert.That(waitingWhileFlushing, Is.True);
            Assert.That(waitingAfterFlush, Is.False, "the entry is fresh: it waits for the interval again");
        });
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(61_000)]
    public void An_interval_out_of_range_is_named(int milliseconds)
    {
        var options = TestOptions.Create();
        options.LogBatchInterval = TimeSpan.FromMilliseconds(milliseconds);
        options.MetricBatchInterval = TimeSpan.FromMilliseconds(milliseconds);

        var ex = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("LogBatchInterval must be between 1 millisecond and 1 minute"));
            Assert.That(ex.Message, Does.Contain("MetricBatchInterval must be between 1 millisecond and 1 minute"));
        });
    }

    // ---- Trace metrics share the gate: the same size and time bounds, their own interval. ----

    private static int[] MetricBatches(RecordingHandler handler) => Batches(handler, "trace_metric");

    [Test]
    public async Task Metric_values_recorded_apart_wait_for_the_interval_then_go_out_as_one_envelope()
    {
        // Before the gate, each value recorded while a worker was idle went out in an envelope of its own.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new RecordingHandler();
        var options = Options(time);
        options.MetricBatchInterval = TimeSpan.FromSeconds(5);
        await using var client = new SentryCaptureClient(options, handler);

        for (var i = 0; i < 3; i++)
        {
            client.IncrementCounter("orders.created");
            await Task.Delay(Settle);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var beforeInterval = MetricBatches(handler);
        time.Advance(TimeSpan.FromSeconds(2.5));
        var afterInterval = await WaitForBatchesAsync(handler, 3, "trace_metric");

        Assert.Multiple(() =>
        {
            Assert.That(beforeInterval, Is.Empty, "nothing is sent while the oldest value is younger than the interval");
            Assert.That(afterInterval, Is.EqualTo(new[] { 3 }), "one trace_metric item with the three values");
            Assert.That(client.Counters.Delivered(SentryDataCategory.TraceMetric), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Full_metric_batches_go_out_at_once_and_a_flush_sends_the_rest()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new RecordingHandler();
        var options = Options(time);
        options.MaxMetricsPerEnvelope = 2;
        await using var client = new SentryCaptureClient(options, handler);

        for (var i = 0; i < 5; i++)
        {
            client.SetGauge("queue.depth", i);
        }

        await WaitForBatchesAsync(handler, 4, "trace_metric");
        await Task.Delay(Settle);
        var full = MetricBatches(handler);
        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(full, Is.EqualTo(new[] { 2, 2 }), "two full batches without waiting; the fifth value waits");
            Assert.That(MetricBatches(handler), Is.EqualTo(new[] { 2, 2, 1 }), "the flush sends the partial batch");
            Assert.That(client.Counters.Delivered(SentryDataCategory.TraceMetric), Is.EqualTo(5));
        });
    }
}
