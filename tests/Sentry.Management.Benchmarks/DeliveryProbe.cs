using System.Diagnostics;
using System.Globalization;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Benchmarks;

/// <summary>
/// Measures what BenchmarkDotNet cannot separate: allocations on the caller's thread alone
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>), total allocations per delivered event, bytes on the wire
/// per event, delivered events per second, and CPU time of the whole process (SDK, HTTP and the sink together)
/// per event, to an instant sink and to one that adds 2 ms per request.
/// </summary>
internal static class DeliveryProbe
{
    private sealed record Result(string Sdk, string Sink, int Events, double CallerMicros, double CallerBytes, double TotalBytes, double WireBytes, double EventsPerSecond, double CpuMicros, double CallerCpuMicros, long Accepted, double JitMicros, double GcPauseMicros, double SinkCpuMicros);

    public static async Task RunAsync(int events, int? concurrency, int warmup = 200)
    {
        var exceptions = Workload.ThrownExceptions((events + warmup) * 4);
        var offset = 0;
        var results = new List<Result>();
        foreach (var latency in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(2) })
        {
            var sinkName = latency == TimeSpan.Zero ? "instant" : "+2 ms";
            results.Add(await MeasureTheirsAsync(exceptions, offset, events, warmup, latency, sinkName));
            offset += events + warmup;
            results.Add(await MeasureOursAsync(exceptions, offset, events, warmup, latency, sinkName, concurrency));
            offset += events + warmup;
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{events} events per SDK and sink, after {warmup} warm-up events each; the sink {(BenchSink.OutOfProcess ? "in a process of its own (its CPU in the sink column)" : "in this process (its CPU inside the process CPU)")}."));
        Console.WriteLine("| SDK | sink | events | caller us/capture | caller CPU us/capture | caller bytes/capture | total bytes/event | wire bytes/event | delivered events/s | process CPU us/event | of which JIT us/event | GC pause us/event | sink process CPU us/event | accepted |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Sdk} | {r.Sink} | {r.Events} | {r.CallerMicros:F2} | {r.CallerCpuMicros:F2} | {r.CallerBytes:F0} | {r.TotalBytes:F0} | {r.WireBytes:F0} | {r.EventsPerSecond:F0} | {r.CpuMicros:F0} | {r.JitMicros:F0} | {r.GcPauseMicros:F0} | {(BenchSink.OutOfProcess ? r.SinkCpuMicros.ToString("F0", CultureInfo.InvariantCulture) : "-")} | {r.Accepted} |"));
        }

        Console.WriteLine();
        foreach (var sink in new[] { "instant", "+2 ms" })
        {
            var theirs = results.Single(r => r.Sink == sink && r.Sdk.StartsWith("Sentry SDK", StringComparison.Ordinal));
            var ours = results.Single(r => r.Sink == sink && r.Sdk.StartsWith("Sentry.Management", StringComparison.Ordinal));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratios ({sink}): caller time {ours.CallerMicros / theirs.CallerMicros:P1}, caller CPU {ours.CallerCpuMicros / theirs.CallerCpuMicros:P1}, caller allocations {ours.CallerBytes / theirs.CallerBytes:P1}, total allocations {ours.TotalBytes / theirs.TotalBytes:P1}, wire bytes {ours.WireBytes / theirs.WireBytes:P1}, delivery {ours.EventsPerSecond / theirs.EventsPerSecond:F1}x, process CPU per event {ours.CpuMicros / theirs.CpuMicros:P1}{(BenchSink.OutOfProcess ? string.Create(CultureInfo.InvariantCulture, $" (with the sink's process: {(ours.CpuMicros + ours.SinkCpuMicros) / (theirs.CpuMicros + theirs.SinkCpuMicros):P1})") : "")}"));
        }

        // The floor: a bare HttpClient posting a prebuilt body of our envelope's size, same concurrency, same sinks.
        Console.WriteLine();
        var ourBody = (int)results.First(r => r.Sdk.StartsWith("Sentry.Management", StringComparison.Ordinal)).WireBytes - 250; // minus the request head
        var sends = concurrency ?? new SentryCaptureOptions().MaxConcurrentSends;
        foreach (var latency in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(2) })
        {
            var sinkName = latency == TimeSpan.Zero ? "instant" : "+2 ms";
            var (perSecond, cpu, sinkCpu) = await HttpFloorProbe.MeasureAsync(events, sends, latency, ourBody);
            var ours = results.Single(r => r.Sink == sinkName && r.Sdk.StartsWith("Sentry.Management", StringComparison.Ordinal));
            var theirs = results.Single(r => r.Sink == sinkName && r.Sdk.StartsWith("Sentry SDK", StringComparison.Ordinal));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"HTTP floor ({sinkName}, bare HttpClient, {sends} concurrent, {ourBody} B bodies): {perSecond:F0} posts/s = {perSecond / theirs.EventsPerSecond:F1}x the SDK's delivery, process CPU {cpu:F0} us/post = {cpu / theirs.CpuMicros:P1} of the SDK's per event{(BenchSink.OutOfProcess ? string.Create(CultureInfo.InvariantCulture, $" (the sink's process {sinkCpu:F0} us/post)") : "")}; ours is {ours.EventsPerSecond / perSecond:P0} of the floor's rate at {ours.CpuMicros / cpu:F2}x its CPU"));
        }

        await PrintCallerStepsAsync(exceptions);
    }

    /// <summary>
    /// Ours alone, several rounds per sink (no Sentry SDK in the process): for profiling the transport and for quick
    /// before/after comparisons of delivered events/s and process CPU per event.
    /// </summary>
    public static async Task RunOursAsync(int events, int rounds, int? concurrency, int warmup = 200)
    {
        var exceptions = Workload.ThrownExceptions(((events + warmup) * rounds * 2) + 1);
        var offset = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var latency in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(2) })
            {
                var sinkName = latency == TimeSpan.Zero ? "instant" : "+2 ms";
                var r = await MeasureOursAsync(exceptions, offset, events, warmup, latency, sinkName, concurrency);
                offset += events + warmup;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1} {sinkName}: {r.EventsPerSecond:F0} events/s, process CPU {r.CpuMicros:F0} us/event (JIT {r.JitMicros:F0}, GC pause {r.GcPauseMicros:F0}), wire {r.WireBytes:F0} B, total {r.TotalBytes:F0} B/event, accepted {r.Accepted}{(BenchSink.OutOfProcess ? string.Create(CultureInfo.InvariantCulture, $", sink process CPU {r.SinkCpuMicros:F0} us/event") : "")}"));
            }
        }
    }

    /// <summary>
    /// Where the caller's bytes go: the capture of <see cref="Workload.CaptureOurs"/> taken apart into its steps
    /// (the event, five tags, three extras, the user, the capture call), each measured with
    /// <see cref="GC.GetAllocatedBytesForCurrentThread"/>, averaged over many captures to a sink.
    /// </summary>
    private static async Task PrintCallerStepsAsync(Exception[] pool)
    {
        const int Count = 4000;
        await using var sink = new LoopbackSink(parse: false);
        await using var client = Workload.CreateOurs(sink.Dsn(), queue: Count * 2);
        var steps = new long[5];
        for (var i = 0; i < Count; i++)
        {
            var t0 = GC.GetAllocatedBytesForCurrentThread();
            var e = new ErrorEvent { Exception = pool[i % pool.Length] };
            var t1 = GC.GetAllocatedBytesForCurrentThread();
            e.Tags["tag1"] = "value1";
            e.Tags["tag2"] = "value2";
            e.Tags["tag3"] = "value3";
            e.Tags["tag4"] = "value4";
            e.Tags["tag5"] = "value5";
            var t2 = GC.GetAllocatedBytesForCurrentThread();
            e.Extra["extra1"] = 42;
            e.Extra["extra2"] = "some text";
            e.Extra["extra3"] = 3.14;
            var t3 = GC.GetAllocatedBytesForCurrentThread();
            e.User = new CaptureUser { Id = "user-1", Username = "bench" };
            e.Fingerprint = Workload.Fingerprint;
            var t4 = GC.GetAllocatedBytesForCurrentThread();
            client.CaptureEvent(e);
            var t5 = GC.GetAllocatedBytesForCurrentThread();
            steps[0] += t1 - t0;
            steps[1] += t2 - t1;
            steps[2] += t3 - t2;
            steps[3] += t4 - t3;
            steps[4] += t5 - t4;
        }

        await client.FlushAsync(TimeSpan.FromMinutes(2));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"caller bytes per capture, by step: event {steps[0] / Count}, 5 tags {steps[1] / Count}, 3 extras (2 boxed numbers) {steps[2] / Count}, user {steps[3] / Count}, CaptureEvent (queue entry and queue) {steps[4] / Count}, total {steps.Sum() / Count}"));
    }

    private static async Task<Result> MeasureOursAsync(Exception[] pool, int start, int events, int warmup, TimeSpan latency, string sinkName, int? concurrency)
    {
        await using var sink = await BenchSink.StartAsync(latency);

        // BENCH_SPOOL=1: ours with a spool folder (a fresh temporary one per measurement), whose sender path differs.
        var spool = Environment.GetEnvironmentVariable("BENCH_SPOOL") == "1" ? Directory.CreateTempSubdirectory("sentry-bench-spool-").FullName : null;
        await using var client = Workload.CreateOurs(sink.Dsn(), queue: Math.Max(events, warmup) * 2, concurrency, configure: o => o.SpoolDirectory = spool);

        // Warm-up: JIT, connection pool, symbol reading.
        for (var i = 0; i < warmup; i++)
        {
            Workload.CaptureOurs(client, pool[start + i]);
        }

        await client.FlushAsync(TimeSpan.FromMinutes(2));
        await sink.ResetCountsAsync();
        var first = start + warmup;

        var (callerTicks, callerCpu, callerBytes, totalBytes, elapsed, cpu, jit, pause, sinkCpu) = await MeasureAsync(sink,
            () =>
            {
                for (var i = 0; i < events; i++)
                {
                    Workload.CaptureOurs(client, pool[first + i]);
                }
            },
            () => client.FlushAsync(TimeSpan.FromMinutes(5)));

        if (spool is not null)
        {
            await client.DisposeAsync(); // Shut down (the second dispose at the end is a no-op) before its folder goes.
            Directory.Delete(spool, recursive: true);
        }

        return Build($"Sentry.Management (MaxConcurrentSends {concurrency?.ToString(CultureInfo.InvariantCulture) ?? "default"}{(spool is null ? "" : ", spool")})", sinkName, events, callerTicks, callerCpu, callerBytes, totalBytes, elapsed, cpu, await sink.CountsAsync(), jit, pause, sinkCpu);
    }

    private static async Task<Result> MeasureTheirsAsync(Exception[] pool, int start, int events, int warmup, TimeSpan latency, string sinkName)
    {
        await using var sink = await BenchSink.StartAsync(latency);
        using var sdk = Workload.InitTheirs(sink.Dsn(), queue: Math.Max(events, warmup) * 2);
        for (var i = 0; i < warmup; i++)
        {
            Workload.CaptureTheirs(pool[start + i]);
        }

        await SentrySdk.FlushAsync(TimeSpan.FromMinutes(2));
        await sink.ResetCountsAsync();
        var first = start + warmup;

        var (callerTicks, callerCpu, callerBytes, totalBytes, elapsed, cpu, jit, pause, sinkCpu) = await MeasureAsync(sink,
            () =>
            {
                for (var i = 0; i < events; i++)
                {
                    Workload.CaptureTheirs(pool[first + i]);
                }
            },
            () => SentrySdk.FlushAsync(TimeSpan.FromMinutes(5)));

        return Build("Sentry SDK 6.12.1", sinkName, events, callerTicks, callerCpu, callerBytes, totalBytes, elapsed, cpu, await sink.CountsAsync(), jit, pause, sinkCpu);
    }

    private static async Task<(long CallerTicks, TimeSpan CallerCpu, long CallerBytes, long TotalBytes, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan Jit, TimeSpan GcPause, TimeSpan SinkCpu)> MeasureAsync(BenchSink sink, Action capture, Func<Task> flush)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var sinkCpu0 = sink.ExternalCpu();
        var jit0 = System.Runtime.JitInfo.GetCompilationTime();
        var pause0 = GC.GetTotalPauseDuration();
        var total0 = GC.GetTotalAllocatedBytes(precise: true);
        var thread0 = GC.GetAllocatedBytesForCurrentThread();
        var threadCpu0 = ThreadCpu.Now();
        var workItems0 = ThreadPool.CompletedWorkItemCount;
        var window0 = Stopwatch.GetTimestamp();
        var clock = Stopwatch.StartNew();
        capture();
        var callerTicks = clock.Elapsed.Ticks;
        var callerCpu = ThreadCpu.Now() - threadCpu0;
        var callerBytes = GC.GetAllocatedBytesForCurrentThread() - thread0;
        await flush();
        var elapsed = clock.Elapsed;
        var totalBytes = GC.GetTotalAllocatedBytes(precise: true) - total0;
        self.Refresh();
        var sinkCpu = sink.ExternalCpu() - sinkCpu0;
        if (Environment.GetEnvironmentVariable("BENCH_PRINT_WINDOW") == "1")
        {
            // CLOCK_MONOTONIC seconds, for `perf record -k CLOCK_MONOTONIC` and `perf report --time start,end`.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"window {(double)window0 / Stopwatch.Frequency:F6},{(double)Stopwatch.GetTimestamp() / Stopwatch.Frequency:F6}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"thread-pool work items in the window: {ThreadPool.CompletedWorkItemCount - workItems0}, threads at its end: {ThreadPool.ThreadCount}"));
        }
        return (callerTicks, callerCpu, callerBytes, totalBytes, elapsed, self.TotalProcessorTime - cpu0, System.Runtime.JitInfo.GetCompilationTime() - jit0, GC.GetTotalPauseDuration() - pause0, sinkCpu);
    }

    private static Result Build(string sdk, string sinkName, int events, long callerTicks, TimeSpan callerCpu, long callerBytes, long totalBytes, TimeSpan elapsed, TimeSpan cpu, (long Envelopes, long Bytes) accepted, TimeSpan jit, TimeSpan pause, TimeSpan sinkCpu) =>
        new(
            sdk,
            sinkName,
            events,
            TimeSpan.FromTicks(callerTicks).TotalMicroseconds / events,
            (double)callerBytes / events,
            (double)totalBytes / events,
            accepted.Envelopes == 0 ? 0 : (double)accepted.Bytes / accepted.Envelopes,
            accepted.Envelopes / elapsed.TotalSeconds,
            cpu.TotalMicroseconds / events,
            callerCpu.TotalMicroseconds / events,
            accepted.Envelopes,
            jit.TotalMicroseconds / events,
            pause.TotalMicroseconds / events,
            sinkCpu.TotalMicroseconds / events);
}
