using System.Threading.Channels;

namespace Sentry.Management.Capture.Transport;

/// <summary>
/// One bounded queue per data category, so a flood of transactions or metrics never crowds out errors;
/// a semaphore wakes the workers, who always take errors first.
/// </summary>
internal sealed class CaptureQueues : IDisposable
{
    private readonly Channel<CaptureWork> _errors;
    private readonly Channel<CaptureWork> _transactions;
    private readonly Channel<CaptureWork> _metrics;
    private readonly Channel<CaptureWork> _spool = Channel.CreateUnbounded<CaptureWork>();
    private readonly SemaphoreSlim _signal = new(0);

    public CaptureQueues(SentryCaptureOptions options)
    {
        _errors = Bounded(options.MaxErrorQueueSize);
        _transactions = Bounded(options.MaxTransactionQueueSize);
        _metrics = Bounded(options.MaxMetricQueueSize);
    }

    /// <summary>Queues work; <see langword="false"/> when its category's queue is full.</summary>
    public bool TryEnqueue(CaptureWork work)
    {
        var channel = work switch
        {
            EventWork => _errors,
            TransactionWork => _transactions,
            MetricWork => _metrics,
            _ => _spool,
        };
        if (!channel.Writer.TryWrite(work))
        {
            return false;
        }

        _signal.Release();
        return true;
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);

    /// <summary>Takes the most important waiting work: errors, then transactions, then spooled envelopes, then metrics.</summary>
    public bool TryDequeue(out CaptureWork? work) =>
        _errors.Reader.TryRead(out work)
        || _transactions.Reader.TryRead(out work)
        || _spool.Reader.TryRead(out work)
        || _metrics.Reader.TryRead(out work);

    /// <summary>Takes more waiting metric values to fill a batch.</summary>
    public bool TryDequeueMetric(out CaptureWork? work) => _metrics.Reader.TryRead(out work);

    public void Dispose() => _signal.Dispose();

    private static Channel<CaptureWork> Bounded(int capacity) =>
        Channel.CreateBounded<CaptureWork>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails fast instead of dropping silently.
            SingleReader = false,
            SingleWriter = false,
        });
}
