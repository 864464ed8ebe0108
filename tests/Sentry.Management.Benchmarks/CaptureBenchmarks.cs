using BenchmarkDotNet.Attributes;
using Sentry.Management.Tests.Capture.Support;
using Ours = Sentry.Management;

namespace Sentry.Management.Benchmarks;

/// <summary>
/// Time on the caller's thread for one captured exception, ours against Sentry's .NET SDK, both sending to an
/// instant loopback sink. Each iteration captures a fixed number of events and is flushed afterwards, so
/// neither queue overflows (an overflow would measure the cheap drop path).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(Invocations, 1)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class CaptureBenchmarks
{
    private const int Invocations = 2000;
    private LoopbackSink _sink = null!;
    private Ours.SentryCaptureClient _ours = null!;
    private IDisposable _theirs = null!;
    private Exception[] _exceptions = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _sink = new LoopbackSink(parse: false);
        _exceptions = Workload.ThrownExceptions(30_000);
        _ours = Workload.CreateOurs(_sink.Dsn(), queue: 100_000);
        _theirs = Workload.InitTheirs(_sink.Dsn(), queue: 100_000);
    }

    [IterationCleanup]
    public void Drain()
    {
        _ours.FlushAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        SentrySdk.FlushAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "Sentry SDK 6.12.1: CaptureException")]
    public SentryId Theirs() => Workload.CaptureTheirs(NextException());

    [Benchmark(Description = "Sentry.Management: CaptureException")]
    public Guid Ours_() => Workload.CaptureOurs(_ours, NextException());

    [GlobalCleanup]
    public void Cleanup()
    {
        _ours.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _theirs.Dispose();
        _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    // Distinct exceptions: neither SDK can reuse work done for an earlier capture.
    private Exception NextException() => _exceptions[_next++ % _exceptions.Length];
}
