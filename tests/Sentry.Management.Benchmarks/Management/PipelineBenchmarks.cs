using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>
/// One GET of a project and one page of 100 issues through the facade, against the same requests written by hand
/// (an <see cref="HttpClient"/> with the bearer header and System.Text.Json over a source-generated context), both
/// to a loopback server that answers at once with a canned body. Each operation is one request.
/// </summary>
/// <remarks>
/// Its own job, not <c>--job short</c>: a 30 to 40 us call on a shared 2-core machine needs tiered compilation settled
/// (20 warm-up iterations of 250 ms, some 100,000 project calls, before anything is measured) and enough iterations
/// and processes (30 in each of 3) that one preempted stretch does not decide the ratio.
/// </remarks>
[SimpleJob(launchCount: 3, warmupCount: 20, iterationCount: 30)]
[IterationTime(250)]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class PipelineBenchmarks
{
    private const string Token = "fake-0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";

    private static readonly byte[] IssuePage = CannedBodies.IssuePage(7000000001, 100);

    private CannedApiServer _server = null!;
    private SentryManagementClient _facade = null!;
    private ProjectClient _project = null!;
    private HttpClient _http = null!;

    /// <summary>Starts the server and both clients, each on its own keep-alive connection.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = new CannedApiServer(target => target.Contains("/issues/", StringComparison.Ordinal)
            ? new CannedResponse(IssuePage, CannedBodies.Link(_server.Url, "api/0/projects/acme/backend/issues/", "0:0:1", next: null))
            : new CannedResponse(CannedBodies.Project, ""));
        _facade = new SentryManagementClient(new SentryManagementOptions { BaseUrl = _server.Url, AuthToken = Token, Organization = "acme" });
        _project = _facade.Organization("acme").Project("backend");
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
        {
            BaseAddress = _server.Url,
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    /// <summary>Stops both clients and the server.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        _facade.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>The project, by hand.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("project")]
    public async Task<string?> HandwrittenProject()
    {
        var project = await _http.GetFromJsonAsync("api/0/projects/acme/backend/", HandJsonContext.Default.HandProject);
        return project!.Slug;
    }

    /// <summary>The project, through the facade.</summary>
    [Benchmark, BenchmarkCategory("project")]
    public async Task<string?> FacadeProject()
    {
        var project = await _project.GetAsync();
        return project.Slug;
    }

    /// <summary>A page of 100 issues, by hand (reading the Link header as a paging caller must).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("issues")]
    public async Task<int> HandwrittenIssuePage()
    {
        using var response = await _http.GetAsync("api/0/projects/acme/backend/issues/?limit=100", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var link = response.Headers.TryGetValues("Link", out var values) ? values.First() : null;
        var issues = await response.Content.ReadFromJsonAsync(HandJsonContext.Default.ListHandIssue);
        return issues!.Count + (link?.Length ?? 0);
    }

    /// <summary>A page of 100 issues, through the facade's pageable.</summary>
    [Benchmark, BenchmarkCategory("issues")]
    public async Task<int> FacadeIssuePage()
    {
        await foreach (var page in _project.Issues.List().AsPages())
        {
            return page.Items.Count;
        }

        return 0;
    }
}
