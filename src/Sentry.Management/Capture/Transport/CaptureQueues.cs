using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Sentry.Management.Capture.Transport;

/// <summary>
/// One bounded queue per data category, so a flood of transactions or metrics never crowds out errors;
/// a semaphore wakes the workers, who always take errors first.
/// </summary>
/// <remarks>
/// A capture only signals when a worker is idle: while all workers are busy they find new work themselves,
/// so a burst of captures costs the calling thread no thread wake-ups.
/// </remarks>
internal sealed class CaptureQueues : IDisposable
{
    private readonly EventQueue _errors;
    private readonly Channel<CaptureWork> _transactions;
    private readonly Channel<CaptureWork> _metrics;
    private readonly Channel<CaptureWork> _logs;
    private readonly Channel<CaptureWork> _sessions = Channel.CreateUnbounded<CaptureWork>();
    private readonly int[] _capacities;
    private readonly SemaphoreSlim _signal = new(0);
    private int _idleWorkers;

    public CaptureQueues(SentryCaptureOptions options)
    {
        _capacities = [options.MaxErrorQueueSize, options.MaxTransactionQueueSize, options.MaxMetricQueueSize, options.MaxLogQueueSize];
        _errors = new EventQueue(options.MaxErrorQueueSize);
        _transactions = Bounded(options.MaxTransactionQueueSize);
        _metrics = Bounded(options.MaxMetricQueueSize);
        _logs = Bounded(options.MaxLogQueueSize);
        LogBatches = BatchGate.ForLogs(_logs.Reader, options, Wake);
        MetricBatches = BatchGate.ForMetrics(_metrics.Reader, options, Wake);
    }

    /// <summary>When the waiting log entries may be taken: their batch's size and time bounds.</summary>
    public BatchGate LogBatches { get; }

    /// <summary>When the waiting metric values may be taken: their batch's size and time bounds.</summary>
    public BatchGate MetricBatches { get; }

    /// <summary>Queues work; <see langword="false"/> when its category's queue is full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryEnqueue(ICaptureWork work)
    {
        if (work is ErrorEvent error)
        {
            if (!_errors.TryEnqueue(error))
            {
                return false;
            }

            Wake();
            return true;
        }

        var channel = work switch
        {
            TransactionWork => _transactions,
            MetricWork => _metrics,
            LogWork => _logs,
            _ => _sessions,
        };
        if (!channel.Writer.TryWrite((CaptureWork)work))
        {
            return false;
        }

        if ((work is LogWork && !LogBatches.Queued()) || (work is MetricWork && !MetricBatches.Queued()))
        {
            return true;
        }

        Wake();
        return true;
    }

    /// <summary>Wakes one idle worker, if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Wake()
    {
        // Pairs with the increment in WaitForWorkAsync: either the worker sees this item or we see the worker.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _idleWorkers) > 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Waits until work may be there; <see langword="false"/> when stopping.</summary>
    public async Task<bool> WaitForWorkAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _idleWorkers);
        try
        {
            if (HasWork)
            {
                return true;
            }

            await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref _idleWorkers);
        }
    }

    private bool HasWork =>
        _errors.Count > 0 || _transactions.Reader.TryPeek(out _) || _sessions.Reader.TryPeek(out _) || MetricBatches.IsOpen || LogBatches.IsOpen;

    /// <summary>Takes the most important waiting work: errors, then transactions, then sessions, then metrics, then logs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryDequeue([NotNullWhen(true)] out ICaptureWork? work)
    {
        if (_errors.TryDequeue(out var error))
        {
            work = error;
            return true;
        }

        var taken = _transactions.Reader.TryRead(out var other)
            || _sessions.Reader.TryRead(out other)
            || (MetricBatches.IsOpen && _metrics.Reader.TryRead(out other))
            || (LogBatches.IsOpen && _logs.Reader.TryRead(out other));
        work = other;
        return taken;
    }

    /// <summary>Whether the queue of this category is at least half full: a worker then spools rather than waits for a send slot.</summary>
    public bool IsUnderPressure(string category) => category switch
    {
        SentryDataCategory.Error => _errors.Count * 2 >= _capacities[0],
        SentryDataCategory.Transaction => _transactions.Reader.Count * 2 >= _capacities[1],
        SentryDataCategory.TraceMetric => _metrics.Reader.Count * 2 >= _capacities[2],
        SentryDataCategory.LogItem => _logs.Reader.Count * 2 >= _capacities[3],
        _ => false,
    };

    /// <summary>Takes more waiting metric values to fill a batch.</summary>
    public bool TryDequeueMetric(out CaptureWork? work) => _metrics.Reader.TryRead(out work);

    /// <summary>Takes more waiting log entries to fill a batch.</summary>
    public bool TryDequeueLog(out CaptureWork? work) => _logs.Reader.TryRead(out work);

    public void Dispose()
    {
        LogBatches.Dispose();
        MetricBatches.Dispose();
        _signal.Dispose();
    }

    private static Channel<CaptureWork> Bounded(int capacity) =>
        Channel.CreateBounded<CaptureWork>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails fast instead of dropping silently.
            SingleReader = false,
            SingleWriter = false,
        });
}
