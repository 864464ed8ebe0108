using System.Threading.Channels;

namespace Sentry.Management.Capture.Transport;

/// <summary>
/// The time bound of a batched kind (Sentry Logs entries, trace metric values): its items stay in their queue (still
/// counted as pending) until a batch is due, which is when a full envelope's worth is waiting, the oldest has waited
/// the kind's interval (<see cref="SentryCaptureOptions.LogBatchInterval"/>, <see cref="SentryCaptureOptions.MetricBatchInterval"/>),
/// or a flush or shutdown runs. A timer wakes a worker when the oldest item becomes due, so a quiet app still sends its
/// few items on time, in one envelope; a busy one fills batches by size and the timer stays idle.
/// </summary>
internal sealed class BatchGate : IDisposable
{
    private readonly ChannelReader<CaptureWork> _queue;
    private readonly int _fullBatch;
    private readonly TimeSpan _interval;
    private readonly Func<CaptureWork, DateTimeOffset> _queuedAt;
    private readonly TimeProvider _time;
    private readonly Action _wake;
    private readonly ITimer _timer;
    private int _armed;
    private int _flushes;
    private volatile bool _openForGood;
    private volatile bool _disposed;

    /// <param name="queue">The queue the gate watches.</param>
    /// <param name="queueCapacity">The queue's size: a batch is full at that size too, or a small queue would overflow while it waits.</param>
    /// <param name="maxPerEnvelope">How many items make a full batch.</param>
    /// <param name="interval">How long the oldest item may wait.</param>
    /// <param name="queuedAt">When an item was recorded (its own timestamp).</param>
    /// <param name="time">The clock, and the timer's.</param>
    /// <param name="wake">Wakes an idle worker.</param>
    public BatchGate(ChannelReader<CaptureWork> queue, int queueCapacity, int maxPerEnvelope, TimeSpan interval, Func<CaptureWork, DateTimeOffset> queuedAt, TimeProvider time, Action wake)
    {
        _queue = queue;
        _fullBatch = Math.Min(maxPerEnvelope, queueCapacity);
        _interval = interval;
        _queuedAt = queuedAt;
        _time = time;
        _wake = wake;
        _timer = _time.CreateTimer(static state => ((BatchGate)state!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The gate of Sentry Logs entries.</summary>
    public static BatchGate ForLogs(ChannelReader<CaptureWork> queue, SentryCaptureOptions options, Action wake) =>
        new(queue, options.MaxLogQueueSize, options.MaxLogsPerEnvelope, options.LogBatchInterval, static work => ((LogWork)work).Entry.Timestamp, options.TimeProvider, wake);

    /// <summary>The gate of trace metric values.</summary>
    public static BatchGate ForMetrics(ChannelReader<CaptureWork> queue, SentryCaptureOptions options, Action wake) =>
        new(queue, options.MaxMetricQueueSize, options.MaxMetricsPerEnvelope, options.MetricBatchInterval, static work => ((MetricWork)work).Metric.Timestamp, options.TimeProvider, wake);

    /// <summary>Whether workers may take the waiting items now.</summary>
    public bool IsOpen
    {
        get
        {
            // Empty is closed even while flushing: an open gate with nothing behind it would keep idle workers spinning.
            if (!_queue.TryPeek(out var oldest))
            {
                return false;
            }

            if (IsForced || _queue.Count >= _fullBatch)
            {
                return true;
            }

            var wait = _queuedAt(oldest) + _interval - _time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return true;
            }

            Arm(wait);
            return false;
        }
    }

    private bool IsForced => _openForGood || Volatile.Read(ref _flushes) > 0;

    /// <summary>After an item is queued (on the capturing thread): whether to wake a worker now; otherwise the timer will.</summary>
    public bool Queued()
    {
        if (IsForced || _queue.Count >= _fullBatch)
        {
            return true;
        }

        Arm(_interval);
        return false;
    }

    /// <summary>Opens the gate until the returned scope ends: a flush sends the partial batch at once.</summary>
    public FlushScope Flushing()
    {
        Interlocked.Increment(ref _flushes);
        _wake();
        return new FlushScope(this);
    }

    /// <summary>Opens the gate for the rest of the runtime's life (shutdown drains every item).</summary>
    public void OpenForGood() => _openForGood = true;

    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
    }

    private void Arm(TimeSpan wait)
    {
        // One timer at a time: if it fires before the oldest entry is due, the worker it wakes arms it again.
        if (Volatile.Read(ref _armed) == 0 && Interlocked.CompareExchange(ref _armed, 1, 0) == 0)
        {
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnDue()
    {
        Volatile.Write(ref _armed, 0);
        if (_disposed)
        {
            return;
        }

        try
        {
            _wake();
        }
        catch (ObjectDisposedException)
        {
            // The runtime shut down while the timer fired; shutdown drained the items itself.
        }
    }

    /// <summary>Ends a flush's hold on the gate.</summary>
    internal readonly struct FlushScope(BatchGate gate) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref gate._flushes);
    }
}
