using BenchmarkDotNet.Attributes;
using Sentry.Management.Tests.Capture.Support;
using Ours = Sentry.Management;

namespace Sentry.Management.Benchmarks;

/// <summary>
/// Caller-thread time and allocations of the fluent chain against <c>CaptureException(ex, e => ...)</c> with the
/// same event (5 tags, 3 extras, a user, a fingerprint), one client, the same instant loopback sink, in one run.
/// Flushed after each iteration, so no queue overflows.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(Invocations, 1)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class FluentChainBenchmarks
{
    private const int Invocations = 2000;
    private LoopbackSink _sink = null!;
    private Ours.SentryCaptureClient _client = null!;
    private Exception[] _exceptions = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _sink = new LoopbackSink(parse: false);
        _exceptions = Workload.ThrownExceptions(30_000);
        _client = Workload.CreateOurs(_sink.Dsn(), queue: 100_000);
    }

    [IterationCleanup]
    public void Drain() => _client.FlushAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "CaptureException(ex, e => ...)")]
    public Guid Callback() => Workload.CaptureOurs(_client, NextException());

    [Benchmark(Description = "Exception(ex)...Capture()")]
    public Guid Fluent() => Workload.CaptureOursFluent(_client, NextException());

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private Exception NextException() => _exceptions[_next++ % _exceptions.Length];
}
