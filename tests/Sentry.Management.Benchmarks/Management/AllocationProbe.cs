using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Sentry.Management.Api;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>
/// Where the facade's time and allocations per call go, layer by layer: all allocations of the process
/// (<see cref="GC.GetTotalAllocatedBytes"/>, precise) and the process's CPU time per call over many calls, for the
/// handwritten call, the same Refit interface over a bare <see cref="HttpClient"/> (Refit alone, no handlers), the
/// facade without retries and timeouts (no Polly strategies), the facade as configured by default, and the body
/// deserialized alone into the handwritten DTOs and into the facade's models (the library's generated context,
/// reached by name: it is internal). Process CPU includes the loopback server's thread, the same for every case.
/// </summary>
internal static class AllocationProbe
{
    private const string Token = PipelineServer.Token;

    public static async Task RunAsync(int calls)
    {
        var page = CannedBodies.IssuePage(7000000001, 100);
        var server = PipelineServer.Start(page);
        await using var serverScope = server;
        var (facade, bare) = TimedRound.Clients(server.Url, Token);
        using var facadeScope = facade;
        using var bareScope = bare;
        var project = facade.Organization("acme").Project("backend");
        var bareProject = bare.Organization("acme").Project("backend");
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var refitHttp = new HttpClient(new SocketsHttpHandler()) { BaseAddress = server.Url };
        refitHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var projectsApi = SentryRefit.Create<IProjectsApi>(refitHttp);
        var handlerCases = HandlerChains(server.Url);
        var issuesApi = SentryRefit.Create<IIssuesApi>(refitHttp);

        var library = (JsonSerializerContext)typeof(Issue).Assembly.GetType("Sentry.Management.Serialization.IssuesJsonContext", throwOnError: true)!
            .GetProperty("Default")!.GetValue(null)!;
        var libraryIssues = (JsonTypeInfo<List<Issue>>)library.GetTypeInfo(typeof(List<Issue>))!;

        var cases = new List<(string Name, Func<Task> Call)>
        {
            ("project, handwritten", async () => await http.GetFromJsonAsync("api/0/projects/acme/backend/", HandJsonContext.Default.HandProject)),
            ("project, Refit alone (bare HttpClient, no handlers)", async () => await projectsApi.GetAsync("acme", "backend")),
            ("project, facade without retries and timeouts", async () => await bareProject.GetAsync()),
            ("project, facade", async () => await project.GetAsync()),
            ("100 issues, handwritten", async () =>
            {
                using var response = await http.GetAsync("api/0/projects/acme/backend/issues/?limit=100", HttpCompletionOption.ResponseHeadersRead);
                _ = response.Headers.TryGetValues("Link", out var link);
                await response.Content.ReadFromJsonAsync(HandJsonContext.Default.ListHandIssue);
            }),
            ("100 issues, handwritten, body buffered first (HttpClient's default ResponseContentRead)", async () =>
            {
                using var response = await http.GetAsync("api/0/projects/acme/backend/issues/?limit=100");
                _ = response.Headers.TryGetValues("Link", out var link);
                await response.Content.ReadFromJsonAsync(HandJsonContext.Default.ListHandIssue);
            }),
            ("100 issues, Refit alone (bare HttpClient, no handlers)", async () =>
            {
                using var response = await issuesApi.ListForProjectAsync("acme", "backend", limit: 100);
            }),
            ("100 issues, facade without retries and timeouts", async () =>
            {
                await foreach (var p in bareProject.Issues.List().AsPages())
                {
                    break;
                }
            }),
            ("100 issues, facade", async () =>
            {
                await foreach (var p in project.Issues.List().AsPages())
                {
                    break;
                }
            }),
            ("100 issues, body only, handwritten DTOs", () => { JsonSerializer.Deserialize(page, HandJsonContext.Default.ListHandIssue); return Task.CompletedTask; }),
            ("100 issues, body only, facade models (library context)", () => { JsonSerializer.Deserialize(page, libraryIssues); return Task.CompletedTask; }),
        };

        cases.InsertRange(2, handlerCases.Select(c => ($"project, Refit over {c.Name}", (Func<Task>)(async () => await c.Api.GetAsync("acme", "backend")))));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"page body {page.Length} bytes, project body {CannedBodies.Project.Length} bytes; {calls} calls per case after {calls / 4} warm-up calls; load average {LoadAverage()}"));
        Console.WriteLine("| case | bytes/call | process CPU us/call | wall us/call |");
        Console.WriteLine("|---|---:|---:|---:|");
        using var process = Process.GetCurrentProcess();
        foreach (var (name, call) in cases)
        {
            for (var i = 0; i < calls / 4; i++)
            {
                await call();
            }

            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < calls; i++)
            {
                await call();
            }

            var bytes = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
            var elapsed = wall.Elapsed;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / calls;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {bytes:F0} | {cpu:F1} | {elapsed.TotalMicroseconds / calls:F1} |"));
        }
    }

    /// <summary>
    /// The project GET through Refit over a growing part of the library's own handler chain (innermost first), built
    /// by name from the internal <c>SentryHttpPipeline</c>, so each handler's share shows as a difference.
    /// </summary>
    internal static List<(string Name, IProjectsApi Api)> HandlerChains(Uri url, Func<HttpMessageHandler>? primary = null)
    {
        var assembly = typeof(SentryManagementClient).Assembly;
        var pipelineType = assembly.GetType("Sentry.Management.Http.SentryHttpPipeline", throwOnError: true)!;
        var options = new SentryManagementOptions { BaseUrl = url, AuthToken = Token, Organization = "acme" };
        var pipeline = Activator.CreateInstance(
            pipelineType,
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic,
            binder: null,
            args: [options, new SentryRateLimitMonitor(), null, null],
            culture: CultureInfo.InvariantCulture)!;
        var create = pipelineType.GetMethod("CreateHandlers", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
        var names = ((IReadOnlyList<DelegatingHandler>)create.Invoke(pipeline, null)!).Select(h => h.GetType().Name).ToArray();
        var result = new List<(string, IProjectsApi)>();
        for (var count = 1; count <= names.Length; count++)
        {
            var handlers = (IReadOnlyList<DelegatingHandler>)create.Invoke(pipeline, null)!;
            var inner = primary?.Invoke() ?? new SocketsHttpHandler();
            for (var i = handlers.Count - 1; i >= handlers.Count - count; i--)
            {
                handlers[i].InnerHandler = inner;
                inner = handlers[i];
            }

            var client = new HttpClient(inner) { BaseAddress = url };
            result.Add((string.Join(" > ", names.Skip(names.Length - count)), SentryRefit.Create<IProjectsApi>(client)));
        }

        return result;
    }

    private static string LoadAverage() => PipelineServer.LoadAverage();
}
