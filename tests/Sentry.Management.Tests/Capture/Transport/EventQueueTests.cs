using Sentry.Management.Capture.Transport;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Transport;

/// <summary>
/// Error events wait in a ring of their own, bounded by <c>MaxErrorQueueSize</c> and made for the whole bound up front
/// (up to a limit, past which it grows): first in, first out, never more than the bound, nothing lost or taken twice;
/// and each event carries the scope as it was when it was captured.
/// </summary>
public class EventQueueTests
{
    [Test]
    public void Events_leave_in_the_order_they_came_and_the_bound_is_kept_across_the_wrap()
    {
        var queue = new EventQueue(3);
        var events = Enumerable.Range(0, 8).Select(Named).ToArray();

        Assert.That(queue.TryEnqueue(events[0]) && queue.TryEnqueue(events[1]) && queue.TryEnqueue(events[2]), Is.True);
        Assert.That(queue.TryEnqueue(events[3]), Is.False, "a full queue refuses");
        Assert.That(queue.Count, Is.EqualTo(3));
        Assert.That(Take(queue, 2), Is.EqualTo(new[] { "e0", "e1" }));

        // The tail wraps past the array's end; the order holds.
        Assert.That(queue.TryEnqueue(events[4]) && queue.TryEnqueue(events[5]), Is.True);
        Assert.That(queue.TryEnqueue(events[6]), Is.False);
        Assert.That(Take(queue, 4), Is.EqualTo(new[] { "e2", "e4", "e5" }), "an empty queue gives nothing more");
        Assert.That(queue.Count, Is.Zero);
        Assert.That(queue.TryDequeue(out _), Is.False);
    }

    [Test]
    public void A_bound_past_the_preallocated_entries_grows_the_ring_without_reordering()
    {
        var capacity = (EventQueue.PreallocatedLimit * 2) + 5;
        var queue = new EventQueue(capacity);

        // Move the head off zero first, so the growth copies a wrapped ring.
        for (var i = 0; i < 100; i++)
        {
            Assert.That(queue.TryEnqueue(Named(-1)), Is.True);
        }

        Assert.That(Take(queue, 100), Has.All.EqualTo("e-1"));
        for (var i = 0; i < capacity; i++)
        {
            Assert.That(queue.TryEnqueue(Named(i)), Is.True, $"event {i} of {capacity}");
        }

        Assert.That(queue.TryEnqueue(Named(capacity)), Is.False);
        Assert.That(Take(queue, capacity + 1), Is.EqualTo(Enumerable.Range(0, capacity).Select(i => $"e{i}")));
    }

    [Test]
    public async Task Concurrent_producers_and_consumers_lose_nothing_and_take_nothing_twice()
    {
        const int Producers = 4;
        const int PerProducer = 20_000;
        var queue = new EventQueue(256);
        var taken = new System.Collections.Concurrent.ConcurrentBag<(int Producer, int Index)>[2] { new(), new() };
        // Threads of their own: spinning pool threads would wait for the pool to grow before any consumer ran.
        var producing = Enumerable.Range(0, Producers).Select(p => Task.Factory.StartNew(() =>
        {
            for (var i = 0; i < PerProducer; i++)
            {
                var evt = new ErrorEvent { Message = $"{p}:{i}" };
                while (!queue.TryEnqueue(evt))
                {
                    Thread.Yield();
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        var done = 0;
        var outOfOrder = 0;
        var consuming = Enumerable.Range(0, 2).Select(c => Task.Factory.StartNew(() =>
        {
            var last = new int[Producers];
            Array.Fill(last, -1);
            while (Volatile.Read(ref done) == 0 || queue.Count > 0)
            {
                if (!queue.TryDequeue(out var evt))
                {
                    Thread.Yield();
                    continue;
                }

                var parts = evt.Message!.Split(':');
                var (producer, index) = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
                if (index <= last[producer])
                {
                    Interlocked.Increment(ref outOfOrder); // One consumer must see each producer's events in order.
                }

                last[producer] = index;
                taken[c].Add((producer, index));
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        await Task.WhenAll(producing);
        Volatile.Write(ref done, 1);
        await Task.WhenAll(consuming);

        var all = taken.SelectMany(b => b).ToList();
        Assert.That(all, Has.Count.EqualTo(Producers * PerProducer));
        Assert.That(outOfOrder, Is.Zero);
        Assert.That(all.Distinct().Count(), Is.EqualTo(Producers * PerProducer), "nothing taken twice");
    }

    [Test]
    public async Task A_queued_event_is_sent_with_the_scope_it_was_captured_with()
    {
        var handler = new RecordingHandler();
        using var blocking = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var options = TestOptions.Create();
        options.MaxConcurrentSends = 1; // One worker: while it is held, the second event waits in the queue.
        options.BeforeSend = e =>
        {
            if (e.Message == "blocker")
            {
                entered.Set();
                blocking.Wait(TimeSpan.FromSeconds(10));
            }

            return e;
        };
        await using (var capture = new SentryCaptureClient(options, handler))
        {
            capture.CaptureMessage("blocker");
            Assert.That(entered.Wait(TimeSpan.FromSeconds(10)), Is.True);
            capture.Scope.SetTag("phase", "captured");
            capture.CaptureMessage("queued");
            capture.Scope.SetTag("phase", "changed later");
            capture.CaptureMessage("after");
            blocking.Set();
            Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        var phases = handler.Items("event").ToDictionary(
            i => i.Json.GetProperty("message").GetProperty("formatted").GetString()!,
            i => i.Json.TryGetProperty("tags", out var tags) && tags.TryGetProperty("phase", out var phase) ? phase.GetString() : null);
        Assert.That(phases, Is.EqualTo(new Dictionary<string, string?>
        {
            ["blocker"] = null,
            ["queued"] = "captured",
            ["after"] = "changed later",
        }));
    }

    private static ErrorEvent Named(int i) => new() { Message = $"e{i}" };

    private static List<string> Take(EventQueue queue, int most)
    {
        var result = new List<string>();
        while (result.Count < most && queue.TryDequeue(out var evt))
        {
            result.Add(evt.Message!);
        }

        return result;
    }
}
