using System.Net;
using Sentry.Management.Capture.Transport;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Transport;

/// <summary>
/// A send waits for its answer in a send slot, not on a sender worker: the few workers keep preparing while
/// <see cref="SentryCaptureOptions.MaxConcurrentSends"/> requests are in flight, and a stop settles the ones still waiting.
/// </summary>
public class SendSlotTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "sentry-slot-test-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Sends_in_flight_reach_MaxConcurrentSends_with_fewer_workers(bool spool)
    {
        const int Sends = 6;
        var handler = new HoldingHandler(Sends);
        var options = TestOptions.Create();
        options.MaxConcurrentSends = Sends;
        options.SpoolDirectory = spool ? _folder : null;
        Assume.That(CaptureSender.WorkerCount(options), Is.LessThan(Sends), "more workers than sends on this machine: nothing to show");
        await using var client = new SentryCaptureClient(options, handler);

        for (var i = 0; i < Sends + 2; i++)
        {
            client.CaptureMessage("m" + i);
        }

        var allInFlight = await Task.WhenAny(handler.Full, Task.Delay(TimeSpan.FromSeconds(10))) == handler.Full;
        var peakWhileHeld = handler.Peak;
        handler.Release();
        var flushed = await client.FlushAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(allInFlight, Is.True, $"only {handler.Peak} requests were in flight at once");
            Assert.That(peakWhileHeld, Is.EqualTo(Sends), "never more than the send slots");
            Assert.That(handler.Peak, Is.EqualTo(Sends), "never more than the send slots");
            Assert.That(flushed, Is.True);
            Assert.That(client.Counters.Delivered(SentryDataCategory.Error), Is.EqualTo(Sends + 2));
            Assert.That(client.Counters.Spooled(SentryDataCategory.Error), Is.Zero, "a free slot is used, not the spool");
        });
    }

    [Test]
    public async Task A_stop_settles_the_sends_still_in_flight_in_the_spool()
    {
        var handler = new HoldingHandler(3);
        var options = TestOptions.Create();
        options.MaxConcurrentSends = 3;
        options.SpoolDirectory = _folder;
        options.ShutdownTimeout = TimeSpan.FromMilliseconds(300); // Sentry never answers: the flush gives up, the stop cancels.
        var client = new SentryCaptureClient(options, handler);
        for (var i = 0; i < 3; i++)
        {
            client.CaptureMessage("m" + i);
        }

        Assert.That(await Task.WhenAny(handler.Full, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(handler.Full));
        await client.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(client.Counters.Delivered(SentryDataCategory.Error), Is.Zero);
            Assert.That(client.Counters.Spooled(SentryDataCategory.Error), Is.EqualTo(3), "cancelled sends are kept, not lost");
            Assert.That(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories), Has.Length.EqualTo(3));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_worker_prepares_a_run_of_queued_work_before_it_writes_the_run_s_requests(bool spool)
    {
        const int Burst = 12;
        var log = new System.Collections.Concurrent.ConcurrentQueue<(int Thread, string Step)>();
        using var release = new ManualResetEventSlim();
        var options = TestOptions.Create();
        options.MaxConcurrentSends = 16;
        options.SpoolDirectory = spool ? _folder : null;
        var workers = CaptureSender.WorkerCount(options);
        using var blocked = new CountdownEvent(workers);
        options.BeforeSend = e =>
        {
            if (e.Message == "blocker")
            {
                // Every worker holds one of these while the burst is queued behind them.
                blocked.Signal();
                release.Wait(TimeSpan.FromSeconds(10));
            }

            log.Enqueue((Environment.CurrentManagedThreadId, "prepare"));
            return e;
        };
        var handler = new LoggingHandler(log);
        await using (var client = new SentryCaptureClient(options, handler))
        {
            for (var i = 0; i < workers; i++)
            {
                client.CaptureMessage("blocker");
            }

            Assert.That(blocked.Wait(TimeSpan.FromSeconds(10)), Is.True, "every worker took a blocker");
            for (var i = 0; i < Burst; i++)
            {
                client.CaptureMessage("burst " + i);
            }

            release.Set();
            Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
            Assert.That(client.Counters.Delivered(SentryDataCategory.Error), Is.EqualTo(workers + Burst));
            Assert.That(client.Counters.Spooled(SentryDataCategory.Error), Is.Zero, "free slots are used, not the spool");
        }

        var byThread = log.GroupBy(entry => entry.Thread).Select(g => g.Select(entry => entry.Step).ToList()).ToList();
        Assert.Multiple(() =>
        {
            // Each request is written on the thread that prepared its envelope (no hand-off), so a thread's log shows
            // the order of its own steps; a worker that sends each envelope before preparing the next alternates.
            Assert.That(byThread.Select(steps => steps.Count(s => s == "prepare") - steps.Count(s => s == "send")), Is.All.Zero, string.Join(" | ", byThread.Select(steps => string.Join(",", steps))));
            Assert.That(byThread.Any(steps => steps.Zip(steps.Skip(1)).Any(pair => pair is ("prepare", "prepare"))), Is.True, "no worker prepared two envelopes before sending the first");
        });
    }

    /// <summary>Answers 200 at once and logs the thread each request was written on.</summary>
    private sealed class LoggingHandler(System.Collections.Concurrent.ConcurrentQueue<(int Thread, string Step)> log) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            log.Enqueue((Environment.CurrentManagedThreadId, "send"));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }

    /// <summary>Holds every request until released, and records how many were waiting at once.</summary>
    private sealed class HoldingHandler(int full) : HttpMessageHandler
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _full = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _current;
        private int _peak;

        public Task Full => _full.Task;

        public int Peak => Volatile.Read(ref _peak);

        public void Release() => _release.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _current);
            int peak;
            while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
            {
            }

            if (now >= full)
            {
                _full.TrySetResult();
            }

            try
            {
                await _release.Task.WaitAsync(cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.OK);
            }
            finally
            {
                Interlocked.Decrement(ref _current);
            }
        }
    }
}
