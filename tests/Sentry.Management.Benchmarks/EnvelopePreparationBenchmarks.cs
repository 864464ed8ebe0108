using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Sentry.Management.Capture;
using Sentry.Management.Capture.Protocol;
using Ours = Sentry.Management;

namespace Sentry.Management.Benchmarks;

/// <summary>
/// The sender's CPU per error envelope, without any queue, thread hand-off or HTTP: envelope header, the event
/// JSON (exception chain with stack traces, 5 tags, 3 extras, user, 10 scope breadcrumbs, fingerprint) and gzip at
/// <see cref="CompressionLevel.Fastest"/>, on one thread with one <see cref="EnvelopeWriter"/> as a worker has.
/// The events are those of <see cref="Workload"/>: distinct, really thrown exceptions of the three shapes, so
/// nothing kept per exception object helps, only what is kept per throw site.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class EnvelopePreparationBenchmarks
{
    private const int Distinct = 3000;
    private readonly TimeProvider _time = TimeProvider.System;
    private Ours.SentryCaptureOptions _options = null!;
    private PayloadContext _context = null!;
    private ScopeState _scope = null!;
    private EnvelopeWriter _writer = null!;
    private ErrorEvent[] _events = [];
    private ErrorEvent[] _withoutException = [];
    private byte[][] _envelopes = [];
    private MemoryStream _gzipBuffer = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _options = new Ours.SentryCaptureOptions
        {
            Dsn = "http://0123456789abcdef0123456789abcdef@127.0.0.1:9/1",
            Release = Workload.Release,
            Environment = Workload.Environment,
            Compression = CompressionLevel.Fastest,
        };
        _context = new PayloadContext(_options, SentryDsn.Parse(_options.Dsn));
        var scope = new Ours.SentryScope(_options);
        for (var i = 0; i < 10; i++)
        {
            scope.AddBreadcrumb($"breadcrumb {i}", "bench");
        }

        _scope = scope.Snapshot;
        _events = [.. Workload.ThrownExceptions(Distinct).Select(Build)];
        _withoutException = [.. _events.Select(e => Build(null))];
        _writer = new EnvelopeWriter();
        _gzipBuffer = new MemoryStream();
        _envelopes = [.. _events.Take(3).Select(e =>
        {
            WriteEnvelope(e);
            return _writer.Written.ToArray();
        })];
    }

    [Benchmark(Baseline = true, Description = "envelope: header, event JSON, gzip")]
    public int Envelope()
    {
        WriteEnvelope(Next(_events));
        return _writer.ToBody(CompressionLevel.Fastest).Length;
    }

    [Benchmark(Description = "header and event JSON (no gzip)")]
    public int Json()
    {
        WriteEnvelope(Next(_events));
        return _writer.Written.Length;
    }

    [Benchmark(Description = "header and event JSON without the exception")]
    public int JsonWithoutException()
    {
        WriteEnvelope(Next(_withoutException));
        return _writer.Written.Length;
    }

    [Benchmark(Description = "gzip of a prepared envelope (the three shapes in turn)")]
    public int Gzip() => EnvelopeWriter.Gzip(_envelopes[_next++ % 3], CompressionLevel.Fastest, _gzipBuffer).Length;

    /// <summary>Prepares envelopes on this thread for <paramref name="duration"/> (after a warm-up), for a CPU profile; prints the rate.</summary>
    public static void Loop(TimeSpan duration)
    {
        var bench = new EnvelopePreparationBenchmarks();
        bench.Setup();
        for (var i = 0; i < 50_000; i++)
        {
            bench.Envelope();
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed < duration)
        {
            for (var i = 0; i < 1000; i++)
            {
                bench.Envelope();
            }

            count += 1000;
        }

        Console.WriteLine($"{count} envelopes in {watch.Elapsed.TotalSeconds:F1} s: {watch.Elapsed.TotalMicroseconds / count:F2} us each");
        bench.Cleanup();
    }

    /// <summary>
    /// Envelope preparation in a fresh process, as the delivery probe's measured window sees it: <paramref name="warmup"/>
    /// envelopes first, then <paramref name="count"/> timed on this thread's CPU clock, with gzip and without.
    /// </summary>
    public static void Cold(int warmup, int count)
    {
        var bench = new EnvelopePreparationBenchmarks();
        bench.Setup();
        for (var i = 0; i < warmup; i++)
        {
            bench.Envelope();
        }

        var start = ThreadCpu.Now();
        for (var i = 0; i < count; i++)
        {
            bench.Envelope();
        }

        var withGzip = (ThreadCpu.Now() - start).TotalMicroseconds / count;
        start = ThreadCpu.Now();
        for (var i = 0; i < count; i++)
        {
            bench.Json();
        }

        var json = (ThreadCpu.Now() - start).TotalMicroseconds / count;
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"cold preparation after {warmup} envelopes: {withGzip:F1} us per envelope with gzip, then {json:F1} us for the JSON alone ({count} each, thread CPU)"));
        bench.Cleanup();
    }

    /// <summary>The three prepared envelopes (one per exception shape), uncompressed, after <see cref="Setup"/>.</summary>
    internal IReadOnlyList<byte[]> PreparedEnvelopes => _envelopes;

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.Dispose();
        _gzipBuffer.Dispose();
    }

    // The same steps, in the same order, as the sender's EnvelopePreparer.PrepareEvent for an untraced event.
    private void WriteEnvelope(ErrorEvent evt)
    {
        _writer.Begin(evt.EventId, _time.GetUtcNow());
        EventPayloadWriter.Write(_writer.BeginItem(), _context, evt, _scope);
        _writer.EndItem("event");
    }

    private ErrorEvent Next(ErrorEvent[] events) => events[_next++ % events.Length];

    private ErrorEvent Build(Exception? exception)
    {
        var evt = exception is null
            ? new ErrorEvent { Message = "no exception", Level = Ours.EventLevel.Error }
            : new ErrorEvent { Exception = exception, Level = Ours.EventLevel.Error };
        Workload.ConfigureOurs(evt);
        evt.EventId = Guid.NewGuid();
        evt.Timestamp = _time.GetUtcNow();
        return evt;
    }
}
