using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>
/// The pipeline benchmark's four calls in alternating rounds (handwritten, facade, handwritten, ...), reading the
/// whole process's CPU time and wall time per call in each round; the medians over the rounds are reported, and the
/// median of the per-pair wall ratios (each facade round against the handwritten round just before it, which cancels
/// the load drifting between rounds). Every call is first warmed up (by default 20,000 times each, in alternation), so
/// tiered compilation has settled before anything is measured: with only a round of warm-up, the facade's larger
/// call graph is still being promoted to tier 1 while the project rounds run. On a
/// machine shared with other builds, wall time measures who was preempted; CPU time (the client's threads and the
/// loopback server's, the same server for both sides) is what each side costs.
/// </summary>
internal static class PipelineTimeProbe
{
    private const string Token = PipelineServer.Token;

    public static async Task RunAsync(int calls, int rounds, int warmup)
    {
        var page = CannedBodies.IssuePage(7000000001, 100);
        var server = PipelineServer.Start(page);
        await using var serverScope = server;
        using var facade = new SentryManagementClient(new SentryManagementOptions { BaseUrl = server.Url, AuthToken = Token, Organization = "acme" });
        var project = facade.Organization("acme").Project("backend");
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false }) { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var pairs = new (string Name, Func<Task> Hand, Func<Task> Facade)[]
        {
            ("project", async () => await http.GetFromJsonAsync("api/0/projects/acme/backend/", HandJsonContext.Default.HandProject), async () => await project.GetAsync()),
            ("page of 100 issues", async () =>
            {
                using var response = await http.GetAsync("api/0/projects/acme/backend/issues/?limit=100", HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                _ = response.Headers.TryGetValues("Link", out var link);
                await response.Content.ReadFromJsonAsync(HandJsonContext.Default.ListHandIssue);
            }, async () =>
            {
                await foreach (var p in project.Issues.List().AsPages())
                {
                    break;
                }
            }),
        };

        using var process = Process.GetCurrentProcess();
        var warm = Stopwatch.StartNew();
        for (var done = 0; done < warmup; done += Math.Min(1000, warmup - done))
        {
            foreach (var (_, hand, facadeCall) in pairs)
            {
                await TimedRound.RunAsync(process, hand, Math.Min(1000, warmup - done));
                await TimedRound.RunAsync(process, facadeCall, Math.Min(1000, warmup - done));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{warmup} warm-up calls per call and side ({warm.Elapsed.TotalSeconds:F0} s), then {rounds} alternating rounds of {calls} calls per side; load average {LoadAverage()}"));
        Console.WriteLine("| call | handwritten CPU us/call | facade CPU us/call | CPU ratio | handwritten wall us/call | facade wall us/call | wall ratio | median pair wall ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, hand, facadeCall) in pairs)
        {
            var handCpu = new List<double>();
            var facadeCpu = new List<double>();
            var handWall = new List<double>();
            var facadeWall = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var (cpu, wall, _) = await TimedRound.RunAsync(process, hand, calls);
                handCpu.Add(cpu);
                handWall.Add(wall);
                (cpu, wall, _) = await TimedRound.RunAsync(process, facadeCall, calls);
                facadeCpu.Add(cpu);
                facadeWall.Add(wall);
            }

            var pairRatios = facadeWall.Zip(handWall, (f, h) => f / h).ToList();
            double hc = Median.Of(handCpu), fc = Median.Of(facadeCpu), hw = Median.Of(handWall), fw = Median.Of(facadeWall);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {hc:F1} | {fc:F1} | {fc / hc:F2} | {hw:F1} | {fw:F1} | {fw / hw:F2} | {Median.Of(pairRatios):F2} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at the end {LoadAverage()}"));
    }

    private static string LoadAverage() => PipelineServer.LoadAverage();
}
