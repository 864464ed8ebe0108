using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>
/// Why a loopback project GET is bimodal: each call timed alone (percentiles of the per-call wall time), how often the
/// call's continuation resumed on another thread than it started on, and the spread of round means, for the
/// handwritten call and the facade, in alternating rounds of one process against the same server.
/// </summary>
internal static class LoopbackSpreadProbe
{
    /// <summary>Runs the probe; with <paramref name="block"/>, the measured calls are made as BenchmarkDotNet's runner makes them, from one dedicated thread that blocks on each call's task.</summary>
    public static async Task RunAsync(int calls, int rounds, int warmup, bool block = false)
    {
        var server = PipelineServer.Start(CannedBodies.IssuePage(7000000001, 100));
        await using var serverScope = server;
        var (facade, _) = TimedRound.Clients(server.Url, PipelineServer.Token);
        using var facadeScope = facade;
        var project = facade.Organization("acme").Project("backend");
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false }) { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PipelineServer.Token);

        var cases = new (string Name, Func<Task> Call)[]
        {
            ("handwritten", async () => await http.GetFromJsonAsync("api/0/projects/acme/backend/", HandJsonContext.Default.HandProject)),
            ("facade", async () => await project.GetAsync()),
        };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"project GET: {warmup} warm-up calls each, {rounds} alternating rounds of {calls}; load average {PipelineServer.LoadAverage()}; processors {Environment.ProcessorCount}"));
        for (var i = 0; i < warmup; i++)
        {
            foreach (var (_, call) in cases)
            {
                await call();
            }
        }

        // Steady state is when the JIT has nothing left to do: tiered compilation promotes the hot methods of each
        // side only after a delay that every new tier-0 compilation extends, and on a contended core that can take
        // far more calls than a fixed warm-up gives (the facade, with more methods, the more so).
        var settleCalls = await SettleAsync(cases.Select(c => c.Call).ToArray());
        var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"JIT settled after {settleCalls} more calls per side ({compiledBefore} methods compiled)"));

        var perCall = cases.Select(_ => new List<double>(calls * rounds)).ToArray();
        var roundMeans = cases.Select(_ => new List<double>()).ToArray();
        var switched = new long[cases.Length];
        var sameThread = cases.Select(_ => new List<double>()).ToArray();
        var otherThread = cases.Select(_ => new List<double>()).ToArray();
        // With block, the measured calls come from one dedicated thread that blocks on each call's task, as
        // BenchmarkDotNet's generated runner does (AwaitHelper.GetResult per invocation); otherwise from an await loop.
        if (block)
        {
            await Task.Factory.StartNew(() => MeasureAsync(static call => { call().GetAwaiter().GetResult(); return Task.CompletedTask; }), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        }
        else
        {
            await MeasureAsync(static call => call());
        }

        void Record(int c, long t0, int thread)
        {
            var us = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
            perCall[c].Add(us);
            if (Environment.CurrentManagedThreadId != thread)
            {
                switched[c]++;
                otherThread[c].Add(us);
            }
            else
            {
                sameThread[c].Add(us);
            }
        }

        // One loop for both callers: a blocking invoke hands back a completed task, so on the dedicated thread that
        // loop never yields and every call is made from that one thread.
        async Task MeasureAsync(Func<Func<Task>, Task> invoke)
        {
            for (var round = 0; round < rounds; round++)
            {
                for (var c = 0; c < cases.Length; c++)
                {
                    var start = Stopwatch.GetTimestamp();
                    for (var i = 0; i < calls; i++)
                    {
                        var thread = Environment.CurrentManagedThreadId;
                        var t0 = Stopwatch.GetTimestamp();
                        await invoke(cases[c].Call);
                        Record(c, t0, thread);
                    }

                    roundMeans[c].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / calls);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"methods compiled during the measured rounds: {System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore}"));
        Console.WriteLine(block ? "caller: one thread blocking on each call" : "caller: an await loop");
        Console.WriteLine("| call | p10 | p25 | p50 | p75 | p90 | p99 | mean | resumed on another thread | round means min / median / max |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var c = 0; c < cases.Length; c++)
        {
            var v = perCall[c];
            v.Sort();
            double P(double q) => v[(int)Math.Min(v.Count - 1, q * v.Count)];
            var means = roundMeans[c];
            means.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {cases[c].Name} | {P(0.10):F1} | {P(0.25):F1} | {P(0.50):F1} | {P(0.75):F1} | {P(0.90):F1} | {P(0.99):F1} | {v.Average():F1} | {switched[c] / (double)v.Count:P0} | {means[0]:F1} / {means[means.Count / 2]:F1} / {means[^1]:F1} |"));
        }

        for (var c = 0; c < cases.Length; c++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases[c].Name}: median {Median.Of(sameThread[c]):F1} us resumed on the same thread, {Median.Of(otherThread[c]):F1} us on another"));
        }

        // A coarse histogram shows the modes.
        Console.WriteLine("histogram (us: handwritten / facade calls):");
        var edges = new[] { 10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 80, 120, 1000000 };
        var lower = 0;
        foreach (var edge in edges)
        {
            var counts = perCall.Select(v => v.Count(x => x >= lower && x < edge)).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{lower},{edge}): {counts[0]} / {counts[1]}"));
            lower = edge;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at the end {PipelineServer.LoadAverage()}"));
    }

    /// <summary>
    /// Alternates rounds of 1,000 calls per side until the JIT compiled no method for a whole second and three
    /// alternations (tiered compilation waits 100 ms after the last tier-0 compilation before it promotes anything, so a
    /// shorter quiet stretch says nothing), at most 300 rounds; returns the calls per side it took.
    /// </summary>
    internal static async Task<int> SettleAsync(IReadOnlyList<Func<Task>> calls)
    {
        const int Round = 1000;
        var quietSince = Stopwatch.GetTimestamp();
        var quietRounds = 0;
        for (var round = 1; round <= 300; round++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            foreach (var call in calls)
            {
                for (var i = 0; i < Round; i++)
                {
                    await call();
                }
            }

            if (System.Runtime.JitInfo.GetCompiledMethodCount() != compiled)
            {
                quietSince = Stopwatch.GetTimestamp();
                quietRounds = 0;
            }
            else if (++quietRounds >= 3 && Stopwatch.GetElapsedTime(quietSince) >= TimeSpan.FromSeconds(1))
            {
                return round * Round;
            }
        }

        return 300 * Round;
    }
}
