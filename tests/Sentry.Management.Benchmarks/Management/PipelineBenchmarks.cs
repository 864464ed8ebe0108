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
/// <para>Its own job, not <c>--job short</c>: a 30 to 40 us call on a shared 2-core machine needs tiered compilation
/// settled (20 warm-up iterations, some 160,000 project calls, before anything is measured) and enough iterations and
/// processes (30 in each of 3) that one preempted stretch does not decide the ratio.</para>
/// <para>Each invocation makes <see cref="ProjectCalls"/> project calls (or <see cref="PageCalls"/> pages),
/// <c>OperationsPerInvoke</c> dividing them out, and every iteration has a fixed number of invocations, the same for
/// both sides: the pilot stage, which picks the count when none is fixed, runs before the warm-up on cold code and chose
/// 1,555 to 6,322 project calls and 171 to 793 pages per iteration (50 to 290 ms instead of the 250 ms asked for),
/// differently per process and side. Each call is waited for by blocking on its task, as BenchmarkDotNet's runner waits
/// for an async benchmark (<c>AwaitHelper.GetResult</c> per invocation), so a call is made exactly as before; an await
/// loop instead put the handwritten call's fastest iterations at 30 to 33 us instead of 26 us (docs/benchmarks.md,
/// fourth round).</para>
/// </remarks>
[SimpleJob(launchCount: 3, warmupCount: 20, iterationCount: 30, invocationCount: 512)]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class PipelineBenchmarks
{
    private const string Token = "fake-0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";

    /// <summary>Project calls per invocation: 512 invocations of 16 calls of about 30 us, some 250 ms per iteration.</summary>
    public const int ProjectCalls = 16;

    /// <summary>Pages per invocation: 512 invocations of 2 pages of about 330 us, some 340 ms per iteration.</summary>
    public const int PageCalls = 2;

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
    [Benchmark(Baseline = true, OperationsPerInvoke = ProjectCalls), BenchmarkCategory("project")]
    public string? HandwrittenProject()
    {
        string? slug = null;
        for (var i = 0; i < ProjectCalls; i++)
        {
            slug = HandwrittenProjectAsync().GetAwaiter().GetResult();
        }

        return slug;
    }

    /// <summary>The project, through the facade.</summary>
    [Benchmark(OperationsPerInvoke = ProjectCalls), BenchmarkCategory("project")]
    public string? FacadeProject()
    {
        string? slug = null;
        for (var i = 0; i < ProjectCalls; i++)
        {
            slug = FacadeProjectAsync().GetAwaiter().GetResult();
        }

        return slug;
    }

    /// <summary>A page of 100 issues, by hand (reading the Link header as a paging caller must).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = PageCalls), BenchmarkCategory("issues")]
    public int HandwrittenIssuePage()
    {
        var count = 0;
        for (var i = 0; i < PageCalls; i++)
        {
            count += HandwrittenPageAsync().GetAwaiter().GetResult();
        }

        return count;
    }

    /// <summary>A page of 100 issues, through the facade's pageable.</summary>
    [Benchmark(OperationsPerInvoke = PageCalls), BenchmarkCategory("issues")]
    public int FacadeIssuePage()
    {
        var count = 0;
        for (var i = 0; i < PageCalls; i++)
        {
            count += FacadePageAsync().GetAwaiter().GetResult();
        }

        return count;
    }

    private async Task<string?> HandwrittenProjectAsync()
    {
        var project = await _http.GetFromJsonAsync("api/0/projects/acme/backend/", HandJsonContext.Default.HandProject);
        return project!.Slug;
    }

    private async Task<string?> FacadeProjectAsync()
    {
        var project = await _project.GetAsync();
        return project.Slug;
    }

    private async Task<int> HandwrittenPageAsync()
    {
        using var response = await _http.GetAsync("api/0/projects/acme/backend/issues/?limit=100", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var link = response.Headers.TryGetValues("Link", out var values) ? values.First() : null;
        var issues = await response.Content.ReadFromJsonAsync(HandJsonContext.Default.ListHandIssue);
        return issues!.Count + (link?.Length ?? 0);
    }

    private async Task<int> FacadePageAsync()
    {
        await foreach (var page in _project.Issues.List().AsPages())
        {
            return page.Items.Count;
        }

        return 0;
    }
}
