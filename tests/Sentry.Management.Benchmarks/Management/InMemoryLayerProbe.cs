using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Sentry.Management.Api;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>
/// The project GET's layers over an in-memory primary handler that answers the canned project synchronously: no
/// socket, no thread hand-off, no server, so what is left is the client's own work per call (request building,
/// headers, handlers, Polly, deserialization), measured on one thread in alternating rounds. The loopback probes
/// (<c>--layers</c>, <c>--pipetime</c>) say how much of it shows in a real call.
/// </summary>
internal static class InMemoryLayerProbe
{
    private const string Token = PipelineServer.Token;

    /// <summary>Runs the layers; with <paramref name="yield"/>, the handler answers after a hop to the thread pool, as a socket does, so every async frame above it suspends and resumes.</summary>
    public static async Task RunAsync(int calls, int rounds, bool yield)
    {
        Yield = yield;
        var url = new Uri("http://127.0.0.1:9/");
        using var facade = new SentryManagementClient(new SentryManagementOptions { BaseUrl = url, AuthToken = Token, Organization = "acme" }, new CannedProjectHandler());
        using var bare = new SentryManagementClient(
            new SentryManagementOptions { BaseUrl = url, AuthToken = Token, Organization = "acme", MaxRetries = 0, Timeout = Timeout.InfiniteTimeSpan, AttemptTimeout = Timeout.InfiniteTimeSpan },
            new CannedProjectHandler());
        var project = facade.Organization("acme").Project("backend");
        var bareProject = bare.Organization("acme").Project("backend");
        using var http = new HttpClient(new CannedProjectHandler()) { BaseAddress = url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var refitHttp = new HttpClient(new CannedProjectHandler()) { BaseAddress = url };
        var projectsApi = SentryRefit.Create<IProjectsApi>(refitHttp);

        // The floor for the formatter: Refit's pristine default, with which its generated code formats inline (it
        // would write booleans as True, so the library cannot use it; here only strings are formatted).
        using var pristineHttp = new HttpClient(new CannedProjectHandler()) { BaseAddress = url };
        var pristineSettings = SentryRefit.Settings(SentryAreas.Find(typeof(IProjectsApi))!.Json);
        pristineSettings.UrlParameterFormatter = new Refit.DefaultUrlParameterFormatter();
        var pristineApi = Refit.RestService.ForGenerated<IProjectsApi>(pristineHttp, pristineSettings);

        // What the library's formatter cost before it returned strings itself: any formatter of one's own, asking
        // Refit's default for every string.
        using var delegatingHttp = new HttpClient(new CannedProjectHandler()) { BaseAddress = url };
        var delegatingSettings = SentryRefit.Settings(SentryAreas.Find(typeof(IProjectsApi))!.Json);
        delegatingSettings.UrlParameterFormatter = new DelegatingFormatter();
        var delegatingApi = Refit.RestService.ForGenerated<IProjectsApi>(delegatingHttp, delegatingSettings);

        var cases = new List<(string Name, Func<Task> Call)>
        {
            ("handwritten", async () => await http.GetFromJsonAsync("api/0/projects/acme/backend/", HandJsonContext.Default.HandProject)),
            ("Refit alone, Refit's own default formatter (inline)", async () => await pristineApi.GetAsync("acme", "backend")),
            ("Refit alone, a formatter asking Refit's default for strings", async () => await delegatingApi.GetAsync("acme", "backend")),
            ("Refit alone (bare HttpClient)", async () => await projectsApi.GetAsync("acme", "backend")),
        };
        cases.AddRange(AllocationProbe.HandlerChains(url, () => new CannedProjectHandler()).Select(c => ($"Refit over {c.Name}", (Func<Task>)(async () => await c.Api.GetAsync("acme", "backend")))));
        cases.Add(("facade without retries and timeouts", async () => await bareProject.GetAsync()));
        cases.Add(("facade", async () => await project.GetAsync()));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"project GET over an in-memory handler ({(yield ? "answering after a thread-pool hop" : "answering synchronously")}): {rounds} alternating rounds of {calls} calls per layer after one warm-up round of {calls * 5}; load average {PipelineServer.LoadAverage()}"));
        foreach (var (_, call) in cases)
        {
            await RoundAsync(call, calls * 5);
        }

        var times = cases.Select(_ => new List<double>()).ToArray();
        var bytes = new double[cases.Count];
        for (var round = 0; round < rounds; round++)
        {
            for (var c = 0; c < cases.Count; c++)
            {
                var (us, b) = await RoundAsync(cases[c].Call, calls);
                times[c].Add(us);
                bytes[c] = b;
            }
        }

        Console.WriteLine("| layer | us/call (median) | added to the row above | vs handwritten | bytes/call |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        double previous = 0, hand = Median.Of(times[0]);
        for (var c = 0; c < cases.Count; c++)
        {
            var m = Median.Of(times[c]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cases[c].Name} | {m:F2} | {(c == 0 ? "" : (m - previous).ToString("+0.00;-0.00", CultureInfo.InvariantCulture))} | {m - hand:+0.00;-0.00} | {bytes[c]:F0} |"));
            previous = m;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at the end {PipelineServer.LoadAverage()}"));
    }

    private static async Task<(double Us, double Bytes)> RoundAsync(Func<Task> call, int calls)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        var elapsed = wall.Elapsed;
        return (elapsed.TotalMicroseconds / calls, (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls);
    }

    /// <summary>Answers every request at once with the canned project, as the loopback server would.</summary>
    private static bool Yield { get; set; }

    private sealed class DelegatingFormatter : Refit.IUrlParameterFormatter
    {
        private readonly Refit.DefaultUrlParameterFormatter _default = new();

        public string? Format(object? value, System.Reflection.ICustomAttributeProvider attributeProvider, Type type) => _default.Format(value, attributeProvider, type);
    }

    private sealed class CannedProjectHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Yield ? AnswerLaterAsync(request) : Task.FromResult(Answer(request));

        private static async Task<HttpResponseMessage> AnswerLaterAsync(HttpRequestMessage request)
        {
            await Task.Yield();
            return Answer(request);
        }

        private static HttpResponseMessage Answer(HttpRequestMessage request)
        {
            var content = new ByteArrayContent(CannedBodies.Project);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content };
        }
    }
}
