using System.Diagnostics;
using System.Globalization;
using Sentry.Management.Tests.Capture.Support;
using Ours = Sentry.Management;

namespace Sentry.Management.Benchmarks;

/// <summary>
/// The issue's burst figure: events captured from several threads at once into a slow link (one request at a time, a
/// few ms each: a few hundred envelopes a second), with a spool folder and without one, for both SDKs. Reports what
/// was captured, delivered (as the sink counted it), the spool folder's peak (files, sampled), what client reports
/// announced as discarded, how long until the sink had everything, and envelopes a second.
/// </summary>
internal static class BurstProbe
{
    private sealed record Result(string Sdk, string Spool, long Captured, long Delivered, long PeakFiles, long Reported, TimeSpan Capture, TimeSpan Drain, long Envelopes)
    {
        public double EnvelopesPerSecond => Envelopes / Drain.TotalSeconds;
    }

    public static async Task RunAsync(int events, int threads, int delayMs, int queue)
    {
        var exceptions = Workload.ThrownExceptions(events * 4);
        var delay = TimeSpan.FromMilliseconds(delayMs);
        var results = new List<Result>();
        var offset = 0;
        foreach (var spool in new[] { true, false })
        {
            results.Add(await MeasureAsync(ours: true, spool, exceptions[offset..(offset + events)], threads, delay, queue));
            offset += events;
            results.Add(await MeasureAsync(ours: false, spool, exceptions[offset..(offset + events)], threads, delay, queue));
            offset += events;
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{events} events from {threads} threads, queue {queue}, link: one request at a time, +{delayMs} ms each."));
        Console.WriteLine("| SDK | spool | captured | delivered | spool peak (files) | discarded (client reports) | delivered + discarded = captured | capture time | time until delivered | envelopes/s |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Sdk} | {r.Spool} | {r.Captured} | {r.Delivered} | {r.PeakFiles} | {r.Reported} | {(r.Delivered + r.Reported == r.Captured ? "yes" : "no")} | {r.Capture.TotalSeconds:F2} s | {r.Drain.TotalSeconds:F1} s | {r.EnvelopesPerSecond:F0} |"));
        }
    }

    private static async Task<Result> MeasureAsync(bool ours, bool spool, Exception[] pool, int threads, TimeSpan delay, int queue)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sentry-burst-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var sink = new LoopbackSink();
            using var link = new SlowLinkHandler(delay);
            Ours.SentryCaptureClient? client = null;
            IDisposable? theirs = null;
            if (ours)
            {
                client = Workload.CreateOurs(sink.Dsn(), queue, handler: link, configure: o =>
                {
                    o.ShutdownTimeout = TimeSpan.FromMinutes(10);
                    if (spool)
                    {
                        o.SpoolDirectory = folder;
                        o.MaxSpoolFiles = pool.Length * 2;
                        o.MaxSpoolBytes = 4L * 1024 * 1024 * 1024;
                    }
                });
            }
            else
            {
                theirs = Workload.InitTheirs(sink.Dsn(), queue, o =>
                {
                    o.CreateHttpMessageHandler = () => link;
                    o.ShutdownTimeout = TimeSpan.FromMinutes(10);
                    o.SendClientReports = true;
                    if (spool)
                    {
                        o.CacheDirectoryPath = folder;
                        o.MaxCacheItems = pool.Length * 2;
                    }
                });
            }

            using var sampling = new CancellationTokenSource();
            var peak = SamplePeakAsync(folder, sampling.Token);
            var clock = Stopwatch.StartNew();
            var per = pool.Length / threads;
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                for (var i = t * per; i < (t + 1) * per; i++)
                {
                    if (client is not null)
                    {
                        Workload.CaptureOurs(client, pool[i]);
                    }
                    else
                    {
                        Workload.CaptureTheirs(pool[i]);
                    }
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
            var captureTime = clock.Elapsed;

            if (client is not null)
            {
                await client.FlushAsync(TimeSpan.FromMinutes(10));
            }
            else
            {
                await SentrySdk.FlushAsync(TimeSpan.FromMinutes(10));
            }

            // The time the sink last took an event, once nothing more arrives for 3 s (Sentry's cache may still be sending after its flush).
            var drained = await WaitUntilQuietAsync(sink, clock);
            await sampling.CancelAsync();
            var peakFiles = await peak;
            var captured = client?.Counters.Captured(Ours.SentryDataCategory.Error) ?? threads * per;
            if (client is not null)
            {
                await client.DisposeAsync();
            }

            theirs?.Dispose(); // Sends their pending client report.
            return new Result(ours ? "Sentry.Management" : "Sentry SDK 6.12.1", spool ? "yes" : "none", captured, sink.Delivered(Ours.SentryDataCategory.Error), peakFiles, sink.Reported(Ours.SentryDataCategory.Error), captureTime, drained, sink.AcceptedEnvelopes);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<TimeSpan> WaitUntilQuietAsync(LoopbackSink sink, Stopwatch clock)
    {
        var last = sink.Delivered(Ours.SentryDataCategory.Error);
        var lastChange = clock.Elapsed;
        while (clock.Elapsed - lastChange < TimeSpan.FromSeconds(3))
        {
            await Task.Delay(20);
            var now = sink.Delivered(Ours.SentryDataCategory.Error);
            if (now != last)
            {
                last = now;
                lastChange = clock.Elapsed;
            }
        }

        return lastChange;
    }

    /// <summary>Counts the envelope files under the spool (ours) or cache (Sentry's) folder every 250 ms.</summary>
    private static async Task<long> SamplePeakAsync(string folder, CancellationToken stop)
    {
        long peak = 0;
        while (!stop.IsCancellationRequested)
        {
            if (Directory.Exists(folder))
            {
                try
                {
                    peak = Math.Max(peak, Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).LongCount());
                }
                catch (IOException)
                {
                    // Files come and go while counting.
                }
            }

            try
            {
                await Task.Delay(250, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peak;
    }
}
