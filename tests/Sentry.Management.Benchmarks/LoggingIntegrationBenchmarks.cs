using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging;
using Sentry.Management.Tests.Capture.Support;
using Ours = Sentry.Management;

namespace Sentry.Management.Benchmarks;

/// <summary>
/// Caller-thread cost of one warning with a two-parameter template through the logging integration: a breadcrumb
/// and a Sentry Logs entry. Ours (<see cref="Ours.SentryCaptureLoggerProvider"/>) against Sentry's
/// <c>Sentry.Extensions.Logging</c> provider with logs enabled, each the only provider of its factory.
/// </summary>
/// <remarks>Our sender is held during an iteration (one worker, gated), so its batching is not measured; Sentry's batches on a timer.</remarks>
[MemoryDiagnoser]
[InvocationCount(Invocations, 1)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class LoggingIntegrationBenchmarks
{
    private const int Invocations = 1000;
    private static readonly Action<ILogger, int, double, Exception?> SlowOrder =
        LoggerMessage.Define<int, double>(LogLevel.Warning, new EventId(1, "SlowOrder"), "Order {OrderId} took {Elapsed} ms");

    private readonly GatedHandler _gate = new();
    private LoopbackSink _sink = null!;
    private Ours.SentryCaptureClient _ours = null!;
    private ILoggerFactory _oursFactory = null!;
    private ILoggerFactory _theirsFactory = null!;
    private ILogger _oursLogger = null!;
    private ILogger _theirsLogger = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _sink = new LoopbackSink(parse: false);
        var options = new Ours.SentryCaptureOptions
        {
            Dsn = _sink.Dsn("ours"),
            Release = Workload.Release,
            Environment = Workload.Environment,
            MaxConcurrentSends = 1,
            MaxLogQueueSize = 100_000,
        };
        options.Integrations.Console.Enabled = true;
        _ours = new Ours.SentryCaptureClient(options, _gate);
        _oursFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(new Ours.SentryCaptureLoggerProvider(_ours)));
        _theirsFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddSentry(o =>
        {
            o.Dsn = _sink.Dsn("theirs");
            o.Release = Workload.Release;
            o.Environment = Workload.Environment;
            o.AutoSessionTracking = false;
            o.MinimumBreadcrumbLevel = LogLevel.Warning;
            o.MinimumEventLevel = LogLevel.Error;
            o.EnableLogs = true;
        }));
        _oursLogger = _oursFactory.CreateLogger("Bench.Orders");
        _theirsLogger = _theirsFactory.CreateLogger("Bench.Orders");
    }

    [IterationSetup]
    public void Close() => _gate.Close();

    [IterationCleanup]
    public void Drain()
    {
        _gate.Open();
        _ours.FlushAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        SentrySdk.Flush(TimeSpan.FromSeconds(30));
    }

    [Benchmark(Description = "ILogger -> SentryCaptureLoggerProvider (ours)")]
    public void Ours() => SlowOrder(_oursLogger, _next++, 12.5, null);

    [Benchmark(Baseline = true, Description = "ILogger -> Sentry.Extensions.Logging (Sentry SDK)")]
    public void Theirs() => SlowOrder(_theirsLogger, _next++, 12.5, null);

    [GlobalCleanup]
    public void Cleanup()
    {
        _gate.Open();
        _oursFactory.Dispose();
        _theirsFactory.Dispose();
        _ours.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _gate.Dispose();
    }
}
