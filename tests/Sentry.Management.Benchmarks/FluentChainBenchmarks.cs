using BenchmarkDotNet.Attributes;
using Ours = Sentry.Management;

namespace Sentry.Management.Benchmarks;

/// <summary>
/// Caller-thread time and allocations of the fluent chain against <c>CaptureException(ex, e => ...)</c> with the
/// same event (5 tags, 3 extras, a user, a fingerprint), on one client, in one run.
/// </summary>
/// <remarks>
/// BenchmarkDotNet counts the allocations of every thread, so the sender must not work while an iteration runs:
/// its one worker takes the first event and then waits in <see cref="GatedHandler"/> until the iteration is over,
/// when the gate opens and the queue is flushed (outside the measurement). What is measured is then the caller's
/// own work: building the event, the scope snapshot and the queue write.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(Invocations, 1)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class FluentChainBenchmarks
{
    private const int Invocations = 2000;
    private readonly GatedHandler _handler = new();
    private Ours.SentryCaptureClient _client = null!;
    private Exception[] _exceptions = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _exceptions = Workload.ThrownExceptions(30_000);
        _client = Workload.CreateOurs("https://key@o0.ingest.sentry.io/1", queue: 100_000, concurrency: 1, _handler);
    }

    [IterationSetup]
    public void Close() => _handler.Close();

    [IterationCleanup]
    public void Drain()
    {
        _handler.Open();
        _client.FlushAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "CaptureException(ex, e => ...)")]
    public Guid Callback() => Workload.CaptureOurs(_client, NextException());

    [Benchmark(Description = "Exception(ex)...Capture()")]
    public Guid Fluent() => Workload.CaptureOursFluent(_client, NextException());

    [GlobalCleanup]
    public void Cleanup()
    {
        _handler.Open();
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _handler.Dispose();
    }

    private Exception NextException() => _exceptions[_next++ % _exceptions.Length];
}
