using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Sentry.Management.Api;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>
/// Where the project GET's time goes, at steady state: every layer (handwritten, handwritten with
/// <c>AutomaticDecompression</c>, Refit over a bare <see cref="HttpClient"/>, Refit over a growing part of the library's
/// handler chain, the facade without Polly, the facade) is warmed up first with the same number of calls as a round,
/// then all of them run in alternating rounds in one process; the medians of process CPU and wall time per call are
/// reported with each layer's difference to the handwritten call.
/// </summary>
internal static class LayerTimeProbe
{
    private const string Token = PipelineServer.Token;

    /// <summary>Runs the layers in alternating rounds; with <paramref name="only"/>, loops that one layer alone (for a profiler).</summary>
    public static async Task RunAsync(int calls, int rounds, int warmup, int only = -1, IReadOnlyCollection<int>? subset = null)
    {
        var server = PipelineServer.Start(CannedBodies.IssuePage(7000000001, 100));
        await using var serverScope = server;
        var (facade, bare) = TimedRound.Clients(server.Url, Token);
        using var facadeScope = facade;
        using var bareScope = bare;
        var project = facade.Organization("acme").Project("backend");
        var bareProject = bare.Organization("acme").Project("backend");
        using var http = Handwritten(server.Url, System.Net.DecompressionMethods.None);
        using var httpGzip = Handwritten(server.Url, System.Net.DecompressionMethods.All);
        using var httpAccept = Handwritten(server.Url, System.Net.DecompressionMethods.None);
        httpAccept.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        // The primary handler as it was before the seventh round: the socket handler's own decompression.
        var (autoFacade, _) = TimedRound.Clients(server.Url, Token, () => new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        });
        using var autoFacadeScope = autoFacade;
        var autoProject = autoFacade.Organization("acme").Project("backend");
        using var refitHttp = Handwritten(server.Url, System.Net.DecompressionMethods.None);
        var projectsApi = SentryRefit.Create<IProjectsApi>(refitHttp);

        var cases = new List<(string Name, Func<Task> Call)>
        {
            ("handwritten", async () => await http.GetFromJsonAsync("api/0/projects/acme/backend/", HandJsonContext.Default.HandProject)),
            ("handwritten + AutomaticDecompression", async () => await httpGzip.GetFromJsonAsync("api/0/projects/acme/backend/", HandJsonContext.Default.HandProject)),
            ("handwritten + the Accept-Encoding header alone", async () => await httpAccept.GetFromJsonAsync("api/0/projects/acme/backend/", HandJsonContext.Default.HandProject)),
            ("Refit alone (bare HttpClient)", async () => await projectsApi.GetAsync("acme", "backend")),
        };
        cases.AddRange(AllocationProbe.HandlerChains(server.Url).Select(c => ($"Refit over {c.Name}", (Func<Task>)(async () => await c.Api.GetAsync("acme", "backend")))));
        cases.Add(("facade without retries and timeouts", async () => await bareProject.GetAsync()));
        cases.Add(("facade", async () => await project.GetAsync()));
        cases.Add(("facade over AutomaticDecompression (the primary handler before the seventh round)", async () => await autoProject.GetAsync()));

        if (subset is { Count: > 0 })
        {
            // The handwritten call stays first: every row is compared with it.
            cases = cases.Where((_, i) => i == 0 || subset.Contains(i)).ToList();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"project GET: {warmup} warm-up calls per layer, then {rounds} alternating rounds of {calls} calls per layer; load average {PipelineServer.LoadAverage()}"));
        using var process = Process.GetCurrentProcess();
        if (only >= 0)
        {
            Console.WriteLine($"looping {cases[only].Name} alone, pid {Environment.ProcessId}");
            for (var round = 0; round < rounds; round++)
            {
                var (cpuUs, wallUs, workItems) = await TimedRound.RunAsync(process, cases[only].Call, calls);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cpuUs:F1} us CPU, {wallUs:F1} us wall, {workItems:F2} work items per call"));
            }

            return;
        }

        foreach (var (_, call) in cases)
        {
            for (var i = 0; i < warmup; i++)
            {
                await call();
            }
        }

        var cpu = cases.Select(_ => new List<double>()).ToArray();
        var wall = cases.Select(_ => new List<double>()).ToArray();
        var items = cases.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var c = 0; c < cases.Count; c++)
            {
                var (cpuUs, wallUs, workItems) = await TimedRound.RunAsync(process, cases[c].Call, calls);
                cpu[c].Add(cpuUs);
                wall[c].Add(wallUs);
                items[c].Add(workItems);
            }
        }

        Console.WriteLine("| layer | CPU us/call | vs handwritten | wall us/call | vs handwritten | thread-pool work items/call |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        double hc = Median.Of(cpu[0]), hw = Median.Of(wall[0]);
        for (var c = 0; c < cases.Count; c++)
        {
            double mc = Median.Of(cpu[c]), mw = Median.Of(wall[c]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cases[c].Name} | {mc:F1} | {mc / hc:F2} ({mc - hc:+0.0;-0.0}) | {mw:F1} | {mw / hw:F2} ({mw - hw:+0.0;-0.0}) | {Median.Of(items[c]):F2} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at the end {PipelineServer.LoadAverage()}"));
    }

    private static HttpClient Handwritten(Uri url, System.Net.DecompressionMethods decompression)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false, AutomaticDecompression = decompression })
        {
            BaseAddress = url,
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }
}
