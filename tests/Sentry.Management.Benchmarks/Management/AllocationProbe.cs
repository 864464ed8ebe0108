using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>
/// Where the facade's extra allocations per call go: all allocations of the process (<see cref="GC.GetTotalAllocatedBytes"/>,
/// precise) per call over many calls, for the handwritten call, the facade, and the two halves of the difference
/// measured apart: deserializing the same body into the facade's models with the library's own generated context
/// (reached by name: it is internal), and into the handwritten DTOs.
/// </summary>
internal static class AllocationProbe
{
    private const string Token = "fake-0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";

    public static async Task RunAsync(int calls)
    {
        var page = CannedBodies.IssuePage(7000000001, 100);
        CannedApiServer? server = null;
        server = new CannedApiServer(target => target.Contains("/issues/", StringComparison.Ordinal)
            ? new CannedResponse(page, CannedBodies.Link(server!.Url, "api/0/projects/acme/backend/issues/", "0:0:1", next: null))
            : new CannedResponse(CannedBodies.Project, ""));
        await using var serverScope = server;
        using var facade = new SentryManagementClient(new SentryManagementOptions { BaseUrl = server.Url, AuthToken = Token, Organization = "acme" });
        var project = facade.Organization("acme").Project("backend");
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var library = (JsonSerializerContext)typeof(Issue).Assembly.GetType("Sentry.Management.Serialization.IssuesJsonContext", throwOnError: true)!
            .GetProperty("Default")!.GetValue(null)!;
        var libraryIssues = (JsonTypeInfo<List<Issue>>)library.GetTypeInfo(typeof(List<Issue>))!;

        var cases = new (string Name, Func<Task> Call)[]
        {
            ("project, handwritten", async () => await http.GetFromJsonAsync("api/0/projects/acme/backend/", HandJsonContext.Default.HandProject)),
            ("project, facade", async () => await project.GetAsync()),
            ("100 issues, handwritten", async () =>
            {
                using var response = await http.GetAsync("api/0/projects/acme/backend/issues/?limit=100", HttpCompletionOption.ResponseHeadersRead);
                await response.Content.ReadFromJsonAsync(HandJsonContext.Default.ListHandIssue);
            }),
            ("100 issues, handwritten, body buffered first (HttpClient's default ResponseContentRead)", async () =>
            {
                using var response = await http.GetAsync("api/0/projects/acme/backend/issues/?limit=100");
                await response.Content.ReadFromJsonAsync(HandJsonContext.Default.ListHandIssue);
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

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"page body {page.Length} bytes, project body {CannedBodies.Project.Length} bytes; {calls} calls per case after {calls / 4} warm-up calls"));
        Console.WriteLine("| case | bytes/call |");
        Console.WriteLine("|---|---:|");
        foreach (var (name, call) in cases)
        {
            for (var i = 0; i < calls / 4; i++)
            {
                await call();
            }

            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < calls; i++)
            {
                await call();
            }

            var bytes = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {bytes:F0} |"));
        }
    }
}
