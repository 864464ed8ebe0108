using System.Globalization;
using Ours = Sentry.Management;

namespace Sentry.Management.Benchmarks;

/// <summary>
/// The caller's own CPU time (<see cref="ThreadCpu"/>, which a busy machine's preemption does not inflate) and
/// allocations (<see cref="GC.GetAllocatedBytesForCurrentThread"/>) per capture, fluent chain against the callback,
/// in alternating rounds on one client so that load changes hit both alike. The sender is held during each round.
/// </summary>
internal static class FluentProbe
{
    public static async Task RunAsync(int events, int rounds)
    {
        using var gate = new GatedHandler();
        await using var client = Workload.CreateOurs("https://key@o0.ingest.sentry.io/1", queue: events * 2, concurrency: 1, gate);
        var exceptions = Workload.ThrownExceptions(events);
        var cpu = new Dictionary<string, List<double>> { ["callback"] = [], ["fluent"] = [] };
        var bytes = new Dictionary<string, List<double>> { ["callback"] = [], ["fluent"] = [] };
        for (var round = -1; round < rounds; round++)
        {
            foreach (var (name, capture) in new (string, Func<Ours.SentryCaptureClient, Exception, Guid>)[] { ("callback", Workload.CaptureOurs), ("fluent", Workload.CaptureOursFluent) })
            {
                gate.Close();
                var cpu0 = ThreadCpu.Now();
                var bytes0 = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < events; i++)
                {
                    capture(client, exceptions[i]);
                }

                var spentCpu = ThreadCpu.Now() - cpu0;
                var spentBytes = GC.GetAllocatedBytesForCurrentThread() - bytes0;
                gate.Open();
                await client.FlushAsync(TimeSpan.FromMinutes(1));
                if (round >= 0)
                {
                    cpu[name].Add(spentCpu.TotalMicroseconds / events);
                    bytes[name].Add((double)spentBytes / events);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} alternating rounds of {events} captures each (after one warm-up round):"));
        Console.WriteLine("| path | caller CPU us/capture (median) | min | max | caller bytes/capture (median) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var name in cpu.Keys)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median.Of(cpu[name]):F3} | {cpu[name].Min():F3} | {cpu[name].Max():F3} | {Median.Of(bytes[name]):F0} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio fluent / callback: CPU {Median.Of(cpu["fluent"]) / Median.Of(cpu["callback"]):F2}, bytes {Median.Of(bytes["fluent"]) / Median.Of(bytes["callback"]):F2}"));
    }
}
