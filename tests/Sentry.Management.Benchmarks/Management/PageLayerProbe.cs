using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sentry.Management.Api;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>
/// The page of 100 issues, by layer: the handwritten call, Refit alone, the facade without and with retries and
/// timeouts, and each side's deserialization alone, in alternating rounds on one thread, over an in-memory handler
/// (no socket: what the facade adds to a page, apart from the loopback call's noise) or, with <c>loopback</c>, over the
/// canned loopback server the pipeline benchmark uses.
/// </summary>
internal static class PageLayerProbe
{
    public static async Task RunAsync(int calls, int rounds, string? only = null, bool loopback = false)
    {
        var page = CannedBodies.IssuePage(7000000001, 100);
        var server = loopback ? PipelineServer.Start(page) : null;
        await using var serverScope = server;
        var url = server?.Url ?? new Uri("http://127.0.0.1:9/");
        var link = CannedBodies.Link(url, "api/0/projects/acme/backend/issues/", "0:0:1", next: null)["Link: ".Length..].TrimEnd();
        HttpMessageHandler Primary() => loopback
            ? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false }
            : new PageHandler(page, link);
        var (facade, bare) = TimedRound.Clients(url, PipelineServer.Token, Primary);
        using var facadeScope = facade;
        using var bareScope = bare;
        var project = facade.Organization("acme").Project("backend");
        var bareProject = bare.Organization("acme").Project("backend");
        using var http = new HttpClient(Primary()) { BaseAddress = url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PipelineServer.Token);
        using var refitHttp = new HttpClient(Primary()) { BaseAddress = url };
        var issuesApi = SentryRefit.Create<IIssuesApi>(refitHttp);
        using var streamedHttp = new HttpClient(new StreamingHandler { InnerHandler = Primary() }) { BaseAddress = url };
        var streamedApi = SentryRefit.Create<IIssuesApi>(streamedHttp);
        var ourInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<List<Issue>>)SentryAreas.Find(typeof(IIssuesApi))!.Json.GetTypeInfo(typeof(List<Issue>))!;

        var sensitiveOptions = new JsonSerializerOptions(SentryAreas.Find(typeof(IIssuesApi))!.Json.Options) { PropertyNameCaseInsensitive = false };
        var ourSensitive = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<List<Issue>>)sensitiveOptions.GetTypeInfo(typeof(List<Issue>));
        var insensitiveOptions = new JsonSerializerOptions(HandJsonContext.Default.Options) { PropertyNameCaseInsensitive = true };
        var handInsensitive = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<List<HandIssue>>)insensitiveOptions.GetTypeInfo(typeof(List<HandIssue>));
        var cases = new List<(string Name, Func<Task<int>> Call)>
        {
            ("handwritten", async () =>
            {
                using var response = await http.GetAsync("api/0/projects/acme/backend/issues/?limit=100", HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                var l = response.Headers.TryGetValues("Link", out var values) ? values.First() : null;
                var issues = await response.Content.ReadFromJsonAsync(HandJsonContext.Default.ListHandIssue);
                return issues!.Count + (l?.Length ?? 0);
            }),
            ("deserialize only: handwritten DTOs", async () => (await JsonSerializer.DeserializeAsync(new MemoryStream(page, writable: false), HandJsonContext.Default.ListHandIssue))!.Count),
            ("deserialize only: the library's models", async () => (await JsonSerializer.DeserializeAsync(new MemoryStream(page, writable: false), ourInfo))!.Count),
            ("deserialize only: the library's models, case-sensitive", async () => (await JsonSerializer.DeserializeAsync(new MemoryStream(page, writable: false), ourSensitive))!.Count),
            ("deserialize only: handwritten DTOs, case-insensitive", async () => (await JsonSerializer.DeserializeAsync(new MemoryStream(page, writable: false), handInsensitive))!.Count),
            ("Refit alone (bare HttpClient)", async () => (await issuesApi.ListForProjectAsync("acme", "backend", limit: 100)).Content!.Count),
            ("Refit, body streamed (StreamedResponseContent)", async () => (await streamedApi.ListForProjectAsync("acme", "backend", limit: 100)).Content!.Count),
            ("facade without retries and timeouts", async () =>
            {
                await foreach (var p in bareProject.Issues.List().AsPages())
                {
                    return p.Items.Count;
                }

                return 0;
            }),
            ("facade", async () =>
            {
                await foreach (var p in project.Issues.List().AsPages())
                {
                    return p.Items.Count;
                }

                return 0;
            }),
        };

        if (only is not null)
        {
            // One case alone, for a profiler: rounds of pages until the count is reached.
            cases.RemoveAll(c => only != "all" && !c.Name.StartsWith(only, StringComparison.Ordinal));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"page of 100 issues over {(loopback ? "the loopback server" : "an in-memory handler")}: {rounds} alternating rounds of {calls} pages per case after one warm-up round of {calls * 5}; load average {PipelineServer.LoadAverage()}"));
        foreach (var (_, call) in cases)
        {
            await RoundAsync(call, calls * 5);
        }

        var times = cases.Select(_ => new List<double>()).ToArray();
        var cpu = cases.Select(_ => new List<double>()).ToArray();
        var bytes = new double[cases.Count];
        for (var round = 0; round < rounds; round++)
        {
            for (var c = 0; c < cases.Count; c++)
            {
                var (us, cpuUs, b) = await RoundAsync(cases[c].Call, calls);
                times[c].Add(us);
                cpu[c].Add(cpuUs);
                bytes[c] = b;
            }
        }

        Console.WriteLine("| case | us/page (median) | process CPU us/page (median) | vs handwritten | bytes/page |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var hand = Median.Of(times[0]);
        for (var c = 0; c < cases.Count; c++)
        {
            var m = Median.Of(times[c]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cases[c].Name} | {m:F1} | {Median.Of(cpu[c]):F1} | {m / hand:F3} | {bytes[c]:F0} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at the end {PipelineServer.LoadAverage()}"));
    }

    private static async Task<(double Us, double CpuUs, double Bytes)> RoundAsync(Func<Task<int>> call, int calls)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var (cpu, wall, _) = await TimedRound.RunAsync(Process, call, calls);
        return (wall, cpu, (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls);
    }

    private static Process Process { get; } = Process.GetCurrentProcess();

    /// <summary>Hands a large body on as the library's resilience handler does, so Refit reads it as a stream.</summary>
    private sealed class StreamingHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Sentry.Management.Http.StreamedResponseContent.Apply(request, response);
            return response;
        }
    }

    /// <summary>Answers every request with the page and its <c>Link</c> header, after a hop to the thread pool as a socket would.</summary>
    private sealed class PageHandler(byte[] page, string link) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Yield();
            var content = new ByteArrayContent(page);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content };
            response.Headers.TryAddWithoutValidation("Link", link);
            return response;
        }
    }
}
