using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Transport;

/// <summary>The spool drained in the same process: rate limits honoured per category, outages backed off, bounds kept, old files still sent.</summary>
public class SpoolDrainerTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "sentry-drainer-test-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public async Task A_rate_limited_category_is_held_in_the_spool_and_sent_when_the_limit_expires_while_errors_flow()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var limitedOnce = 0;
        var handler = new RecordingHandler(r =>
        {
            if (r.Envelope.Items[0].Type == "transaction" && Interlocked.Exchange(ref limitedOnce, 1) == 0)
            {
                var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                limited.Headers.TryAddWithoutValidation("X-Sentry-Rate-Limits", "10:transaction:project");
                return limited;
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var options = Spooled(TestOptions.Create());
        options.TimeProvider = time;
        options.TracesSampleRate = 1;
        options.MaxConcurrentSends = 1; // One slot, shared: the error still goes while the drainer sleeps, and the order is strict.
        await using var client = new SentryCaptureClient(options, handler);

        client.StartTransaction("t1", "op").Finish();
        await Eventually(() => client.Counters.Spooled(SentryDataCategory.Transaction) == 1);
        client.StartTransaction("t2", "op").Finish();
        client.CaptureMessage("errors still flow");
        await Eventually(() => client.Counters.Delivered(SentryDataCategory.Error) == 1 && client.Counters.Spooled(SentryDataCategory.Transaction) == 2);
        var sentWhileLimited = handler.Items("transaction").Count();

        time.Advance(TimeSpan.FromSeconds(11));
        await Eventually(() => client.Counters.Delivered(SentryDataCategory.Transaction) == 2);

        var names = handler.Items("transaction").Select(i => i.Json.GetProperty("transaction").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sentWhileLimited, Is.EqualTo(1), "only the request that got the 429; t2 waited behind it on disk");
            Assert.That(names, Is.EqualTo(new[] { "t1", "t1", "t2" }), "t1 was limited, then both sent oldest first");
            Assert.That(client.Counters.Spooled(SentryDataCategory.Transaction), Is.Zero);
            Assert.That(client.Counters.DiscardedTotal(SentryDataCategory.Transaction), Is.Zero, "nothing was dropped for the limit");
            Assert.That(Directory.GetFiles(_folder, "*.envelope"), Is.Empty);
        });
    }

    [Test]
    public async Task After_an_outage_the_spool_is_delivered_oldest_first_in_the_same_process()
    {
        var down = 1;
        var delivered = new List<string>();
        var handler = new RecordingHandler(r =>
        {
            if (Volatile.Read(ref down) == 1)
            {
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            }

            lock (delivered)
            {
                delivered.Add(r.Envelope.Header.GetProperty("event_id").GetString()!);
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var options = Spooled(TestOptions.Create());
        options.MaxConcurrentSends = 1;
        options.MaxRetries = 0;
        await using var client = new SentryCaptureClient(options, handler);

        var ids = Enumerable.Range(0, 10).Select(i => client.CaptureMessage("m" + i).ToString("N")).ToList();
        await Eventually(() => client.Counters.Spooled(SentryDataCategory.Error) == 10);
        var probesWhileDown = handler.Requests.Count;
        Volatile.Write(ref down, 0);

        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True, "flush waits for the drainer");
        Assert.Multiple(() =>
        {
            Assert.That(delivered, Is.EqualTo(ids), "oldest first");
            Assert.That(client.Counters.Delivered(SentryDataCategory.Error), Is.EqualTo(10));
            Assert.That(client.Counters.Spooled(SentryDataCategory.Error), Is.Zero);
            Assert.That(client.Counters.DiscardedTotal(SentryDataCategory.Error), Is.Zero);
            Assert.That(probesWhileDown, Is.LessThan(40), "the drainer backs off instead of resending every file at once");
            Assert.That(Directory.GetFiles(_folder, "*.envelope"), Is.Empty);
        });
    }

    [Test]
    public async Task A_4xx_from_the_spool_deletes_the_file_and_is_reported_as_send_error()
    {
        var mode = 0; // 0: down, 1: rejects, 2: accepts
        var handler = new RecordingHandler(_ => Volatile.Read(ref mode) switch
        {
            0 => new HttpResponseMessage(HttpStatusCode.BadGateway),
            1 => new HttpResponseMessage(HttpStatusCode.BadRequest),
            _ => new HttpResponseMessage(HttpStatusCode.OK),
        });
        var options = Spooled(TestOptions.Create());
        options.MaxRetries = 0;
        options.MaxConcurrentSends = 1;
        await using var client = new SentryCaptureClient(options, handler);

        client.CaptureMessage("refused later");
        await Eventually(() => client.Counters.Spooled(SentryDataCategory.Error) == 1);
        Volatile.Write(ref mode, 1);
        await Eventually(() => client.Counters.DiscardedTotal(SentryDataCategory.Error) == 1);
        Volatile.Write(ref mode, 2);
        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

        var report = handler.Items("client_report").Single().Json.GetProperty("discarded_events")[0];
        Assert.Multiple(() =>
        {
            Assert.That(client.Counters.Discarded(SentryDiscardReason.SendError, SentryDataCategory.Error), Is.EqualTo(1));
            Assert.That(client.Counters.Spooled(SentryDataCategory.Error), Is.Zero);
            Assert.That(report.GetProperty("reason").GetString(), Is.EqualTo("send_error"));
            Assert.That(Directory.GetFiles(_folder, "*.envelope"), Is.Empty);
        });
    }

    [Test]
    public async Task The_byte_bound_is_respected_and_what_does_not_fit_is_counted()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var options = Spooled(TestOptions.Create());
        options.Compression = CompressionLevel.NoCompression;
        options.MaxSpoolBytes = 1024;
        options.MaxRetries = 0;
        options.MaxConcurrentSends = 1;
        options.ShutdownTimeout = TimeSpan.FromMilliseconds(200);
        await using (var client = new SentryCaptureClient(options, handler))
        {
            for (var i = 0; i < 5; i++)
            {
                client.CaptureMessage(new string('x', 300) + i);
            }

            await Eventually(() => client.Counters.Spooled(SentryDataCategory.Error) + client.Counters.DiscardedTotal(SentryDataCategory.Error) == 5);
            Assert.Multiple(() =>
            {
                Assert.That(client.Counters.Spooled(SentryDataCategory.Error), Is.EqualTo(1), "one ~700-byte envelope fits in 1024 bytes");
                Assert.That(client.Counters.Discarded(SentryDiscardReason.QueueOverflow, SentryDataCategory.Error), Is.EqualTo(4));
            });
        }

        var files = Directory.GetFiles(_folder, "*.envelope");
        Assert.That(files, Has.Length.EqualTo(1));
        Assert.That(files.Sum(f => new FileInfo(f).Length), Is.LessThanOrEqualTo(1024));
    }

    [Test]
    public void A_byte_bound_below_a_kilobyte_is_named()
    {
        var options = TestOptions.Create();
        options.MaxSpoolBytes = 10;

        var error = Assert.Throws<ArgumentException>(options.Validate)!;

        Assert.That(error.Message, Does.Contain("MaxSpoolBytes must be at least 1024"));
    }

    [Test]
    public async Task Files_written_by_an_older_version_are_sent_on_start()
    {
        Directory.CreateDirectory(_folder);
        var eventId = Guid.NewGuid().ToString("N");
        var payload = "{\"event_id\":\"" + eventId + "\",\"message\":{\"formatted\":\"from an older run\"}}";
        var body = Encoding.UTF8.GetBytes(
            "{\"event_id\":\"" + eventId + "\",\"dsn\":\"" + TestOptions.Dsn + "\"}\n" +
            "{\"type\":\"event\",\"length\":" + Encoding.UTF8.GetByteCount(payload).ToString(CultureInfo.InvariantCulture) + "}\n" + payload + "\n");
        var older = DateTimeOffset.UtcNow.AddMinutes(-5).UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var oldName = Path.Combine(_folder, $"{older}-{Guid.NewGuid():N}.r.error=1.envelope");
        await File.WriteAllBytesAsync(oldName, body);
        var handler = new RecordingHandler();

        await using (var client = new SentryCaptureClient(Spooled(TestOptions.Create()), handler))
        {
            Assert.That(client.Counters.Spooled(SentryDataCategory.Error), Is.EqualTo(1).Or.Zero, "counted as waiting until the drainer sends it");
            Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
            Assert.That(client.Counters.Delivered(SentryDataCategory.Error), Is.EqualTo(1));
            Assert.That(client.Counters.Spooled(SentryDataCategory.Error), Is.Zero);
        }

        var sent = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Body, Is.EqualTo(body), "byte for byte");
            Assert.That(sent.Gzipped, Is.False);
            Assert.That(Directory.GetFiles(_folder), Is.Empty);
        });
    }

    [Test]
    public async Task An_overflowing_capture_is_prepared_on_the_calling_thread_and_a_capturing_BeforeSend_does_not_recurse()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new GatedHandler(started, gate.Task);
        var hooks = new System.Collections.Concurrent.ConcurrentQueue<(string? Message, int Thread)>();
        SentryCaptureClient? self = null;
        var options = Spooled(TestOptions.Create());
        options.MaxConcurrentSends = 1;
        options.MaxErrorQueueSize = 1;
        // With a spool the one worker takes "queued" off the queue while the only send slot is busy; it is held in
        // BeforeSend until "fill" and "overflow" are captured, so the queue is full for certain when "overflow" comes.
        var queuedInHook = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var releaseQueued = new ManualResetEventSlim();
        options.BeforeSend = e =>
        {
            hooks.Enqueue((e.Message, Environment.CurrentManagedThreadId));
            if (e.Message == "queued")
            {
                queuedInHook.TrySetResult();
                releaseQueued.Wait(TimeSpan.FromSeconds(10));
            }

            if (e.Message == "overflow")
            {
                self!.CaptureMessage("nested"); // The queue is still full: counted, not prepared inside this hook.
            }

            return e;
        };
        await using var client = new SentryCaptureClient(options, handler);
        self = client;

        client.CaptureMessage("in flight");
        await started.Task;
        client.CaptureMessage("queued");
        await queuedInHook.Task.WaitAsync(TimeSpan.FromSeconds(10));
        client.CaptureMessage("fill");
        var callerThread = Environment.CurrentManagedThreadId;
        var overflow = client.CaptureMessage("overflow");
        var spooledOnCaller = client.Counters.Spooled(SentryDataCategory.Error);
        releaseQueued.Set();
        gate.SetResult();
        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(overflow, Is.Not.EqualTo(Guid.Empty), "kept, not dropped");
            Assert.That(spooledOnCaller, Is.EqualTo(1), "written before the capture call returned");
            Assert.That(hooks.Single(h => h.Message == "overflow").Thread, Is.EqualTo(callerThread), "BeforeSend ran on the capturing thread");
            Assert.That(hooks.Select(h => h.Message), Does.Not.Contain("nested"));
            Assert.That(client.Counters.Captured(SentryDataCategory.Error), Is.EqualTo(5));
            Assert.That(client.Counters.Delivered(SentryDataCategory.Error), Is.EqualTo(4));
            Assert.That(client.Counters.Discarded(SentryDiscardReason.QueueOverflow, SentryDataCategory.Error), Is.EqualTo(1), "the nested capture");
        });
    }

    private sealed class GatedHandler(TaskCompletionSource started, Task gate) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            started.TrySetResult();
            await gate;
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }

    private SentryCaptureOptions Spooled(SentryCaptureOptions options)
    {
        options.SpoolDirectory = _folder;
        return options;
    }

    /// <summary>Waits (real time) for the background drainer to reach a state; fails with a clear message after 10 s.</summary>
    internal static async Task Eventually(Func<bool> condition)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                Assert.Fail("The expected state was not reached within 10 s.");
            }

            await Task.Delay(5);
        }
    }
}
