using BenchmarkDotNet.Attributes;
using Sentry.Management.Tests.Capture.Support;
using Ours = Sentry.Management;

namespace Sentry.Management.Benchmarks;

/// <summary>
/// Caller-thread cost of one outgoing request through the outgoing-HTTP integration inside a running transaction,
/// to a propagation target: breadcrumb, child span, <c>sentry-trace</c>/<c>baggage</c> headers. Ours
/// (<see cref="Ours.SentryCaptureHttpHandler"/>) against Sentry's <c>SentryHttpMessageHandler</c>, over the same
/// synchronous 200 handler; a bare HttpClient shows the floor.
/// </summary>
/// <remarks>The transactions are started before and finished after each iteration, so their sending is not measured.</remarks>
[MemoryDiagnoser]
[InvocationCount(Invocations, 1)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class HttpIntegrationBenchmarks
{
    private const int Invocations = 1000;
    private static readonly Uri Url = new("https://api.example.com/orders/42?token=secret");
    private LoopbackSink _sink = null!;
    private Ours.SentryCaptureClient _ours = null!;
    private IDisposable _theirs = null!;
    private HttpClient _plain = null!;
    private HttpClient _oursHttp = null!;
    private HttpClient _theirsHttp = null!;
    private Ours.TraceTransaction? _ourTransaction;
    private ITransactionTracer? _theirTransaction;

    [GlobalSetup]
    public void Setup()
    {
        _sink = new LoopbackSink(parse: false);
        var options = new Ours.SentryCaptureOptions
        {
            Dsn = _sink.Dsn("ours"),
            Release = Workload.Release,
            Environment = Workload.Environment,
            TracesSampleRate = 1,
            MaxTransactionQueueSize = 10_000,
        };
        options.Integrations.Http.Enabled = true;
        options.TracePropagationTargets.Add("api.example.com");
        _ours = new Ours.SentryCaptureClient(options);
        _theirs = SentrySdk.Init(o =>
        {
            o.Dsn = _sink.Dsn("theirs");
            o.Release = Workload.Release;
            o.Environment = Workload.Environment;
            o.TracesSampleRate = 1;
            o.AutoSessionTracking = false;
            o.TracePropagationTargets = [new StringOrRegex("api.example.com")];
        });
        _plain = new HttpClient(new OkHandler());
        _oursHttp = new HttpClient(new Ours.SentryCaptureHttpHandler(_ours, new OkHandler()));
        _theirsHttp = new HttpClient(new SentryHttpMessageHandler(new OkHandler()));
    }

    [IterationSetup]
    public void Start()
    {
        // Both SDKs keep the current transaction in an AsyncLocal; set here, it is current for the iteration's calls.
        _ourTransaction = _ours.StartTransaction("GET /bench", "http.server");
        _theirTransaction = SentrySdk.StartTransaction("GET /bench", "http.server");
        SentrySdk.ConfigureScope(s => s.Transaction = _theirTransaction);
    }

    [IterationCleanup]
    public void Finish()
    {
        _ourTransaction?.Finish();
        _theirTransaction?.Finish();
        _ours.Scope.ClearBreadcrumbs();
        SentrySdk.ConfigureScope(s => s.ClearBreadcrumbs());
        _ours.FlushAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        SentrySdk.Flush(TimeSpan.FromSeconds(30));
    }

    [Benchmark(Description = "HttpClient, no handler")]
    public Task<HttpResponseMessage> Plain() => Send(_plain);

    [Benchmark(Description = "SentryCaptureHttpHandler (ours)")]
    public Task<HttpResponseMessage> Ours() => Send(_oursHttp);

    [Benchmark(Baseline = true, Description = "SentryHttpMessageHandler (Sentry SDK)")]
    public Task<HttpResponseMessage> Theirs() => Send(_theirsHttp);

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _oursHttp.Dispose();
        _theirsHttp.Dispose();
        _ours.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _theirs.Dispose();
        _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        var response = await http.SendAsync(request).ConfigureAwait(false);
        response.Dispose();
        return response;
    }
}
