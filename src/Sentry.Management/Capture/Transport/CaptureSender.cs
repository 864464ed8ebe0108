using Microsoft.Extensions.Logging;
using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Capture.Transport;

/// <summary>
/// The background side of capture: several workers take queued work (errors first), have the
/// <see cref="EnvelopePreparer"/> turn it into envelopes, and hand them to the <see cref="DeliveryPipeline"/>;
/// also sends the client reports.
/// </summary>
internal sealed class CaptureSender : IDisposable
{
    // Discards are reported at most this often while busy; a flush always reports them.
    private static readonly TimeSpan ClientReportInterval = TimeSpan.FromSeconds(30);
    private readonly SentryCaptureOptions _options;
    private readonly PayloadContext _context;
    private readonly CaptureQueues _queues;
    private readonly PendingTracker _pending;
    private readonly DeliveryPipeline _delivery;
    private readonly EnvelopePreparer _preparer;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _reportGate = new(1, 1);

    // Preparing envelopes (stack traces, JSON, gzip) is CPU work: it may use at most half the cores, so a burst
    // never starves the application's own threads; but at least two slots, because with one slot on a small machine
    // every envelope's gzip waits behind the one before it (measured on 2 cores: 10-20 % less delivery with one slot,
    // docs/benchmarks.md). Sending is I/O and runs on all workers at once.
    private readonly SemaphoreSlim _prepareGate = new(Math.Max(2, Environment.ProcessorCount / 2));
    [ThreadStatic]
    private static EnvelopeWriter? t_writer;
    [ThreadStatic]
    private static WorkerBatches? t_batch;
    private readonly SpoolDrainer? _drainer;
    private Task[] _workers = [];
    private long _lastReportTicks;

    public CaptureSender(SentryCaptureOptions options, PayloadContext context, CaptureQueues queues, PendingTracker pending, DeliveryPipeline delivery, SpoolDrainer? drainer, ILogger logger)
    {
        _drainer = drainer;
        _options = options;
        _context = context;
        _queues = queues;
        _pending = pending;
        _delivery = delivery;
        _logger = logger;
        _preparer = new EnvelopePreparer(options, context, queues, delivery, logger);
        _lastReportTicks = options.TimeProvider.GetUtcNow().UtcTicks;
    }

    public void Start()
    {
        _workers = [.. Enumerable.Range(0, _options.MaxConcurrentSends).Select(_ => Task.Run(RunWorkerAsync))];
    }

    /// <summary>Stops the workers after their current item; items still queued stay in the queues.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_workers).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _reportGate.Dispose();
        _prepareGate.Dispose();
    }

    /// <summary>Sends the pending client report now (used by flush and shutdown).</summary>
    public async Task<bool> ReportDiscardsAsync(CancellationToken cancellationToken)
    {
        await _reportGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var writer = new EnvelopeWriter();
            Interlocked.Exchange(ref _lastReportTicks, _options.TimeProvider.GetUtcNow().UtcTicks);
            return await _delivery.SendClientReportAsync(writer, _context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _reportGate.Release();
        }
    }

    /// <summary>Settles work left in the queues at shutdown: spooled when there is a spool, otherwise discarded.</summary>
    public async Task DrainLeftoversAsync()
    {
        CaptureFlow.EnterWorker();
        _queues.LogBatches.OpenForGood();
        using var writer = new EnvelopeWriter();
        var batch = new WorkerBatches();
        while (_queues.TryDequeue(out var work))
        {
            var units = await ProcessSafelyAsync(work!, writer, batch, sendNow: false, CancellationToken.None).ConfigureAwait(false);
            _pending.Done(units);
        }
    }

    private async Task RunWorkerAsync()
    {
        CaptureFlow.EnterWorker();
        var stop = _stop.Token;
        using var writer = new EnvelopeWriter();
        var batch = new WorkerBatches();
        while (!stop.IsCancellationRequested)
        {
            if (!_queues.TryDequeue(out var work))
            {
                if (!await _queues.WaitForWorkAsync(stop).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            var units = await ProcessSafelyAsync(work!, writer, batch, sendNow: true, stop).ConfigureAwait(false);
            _pending.Done(units);
            await MaybeReportAsync(writer, stop).ConfigureAwait(false);
        }
    }

    private async Task MaybeReportAsync(EnvelopeWriter writer, CancellationToken stop)
    {
        var now = _options.TimeProvider.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastReportTicks);
        if (now - last < ClientReportInterval.Ticks || Interlocked.CompareExchange(ref _lastReportTicks, now, last) != last)
        {
            return;
        }

        if (await _reportGate.WaitAsync(0, stop).ConfigureAwait(false))
        {
            try
            {
                await _delivery.SendClientReportAsync(writer, _context, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Shutting down; the counts stay pending for the final report.
            }
            finally
            {
                _reportGate.Release();
            }
        }
    }

    /// <returns>How many queued units this call settled (a metric batch settles several).</returns>
    private async Task<long> ProcessSafelyAsync(CaptureWork work, EnvelopeWriter writer, WorkerBatches batch, bool sendNow, CancellationToken stop)
    {
        IReadOnlyList<ItemCount> items = [new ItemCount(work.Category, 1)];
        long units = 1;
        try
        {
            OutgoingEnvelope? envelope;
            await _prepareGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                envelope = Prepare(work, writer, batch, ref items, ref units);
            }
            finally
            {
                _prepareGate.Release();
            }

            if (envelope is null)
            {
                return units;
            }

            if (!sendNow)
            {
                await _delivery.HoldAsync(envelope, SentryDiscardReason.QueueOverflow, "ShutDown").ConfigureAwait(false);
            }
            else if (_drainer is null)
            {
                await _delivery.DeliverAsync(envelope, stop).ConfigureAwait(false);
            }
            else
            {
                await _drainer.DeliverOrSpoolAsync(envelope, work.Category, _queues.IsUnderPressure(work.Category), stop).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Nothing a user's data does may kill a worker; the item is accounted as dropped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CaptureLog.ProcessingFailed(_logger, work.Category, ex);
            _delivery.Discard(items, "internal_sdk_error");
        }

        return units;
    }

    /// <summary>
    /// Whether a capture whose queue is full can go to the spool from the calling thread: there is a spool, and this
    /// thread is not already preparing one (a <c>BeforeSend</c> that captures again is dropped rather than recursing).
    /// </summary>
    public bool CanSpoolOverflow => _drainer is not null && !CaptureFlow.IsPreparingOnCaller;

    /// <summary>
    /// Prepares work that found its queue full on the calling thread (filters, <c>BeforeSend</c>, serialization, gzip:
    /// the same path as a worker's) and writes it to the spool synchronously: backpressure on a caller who captures
    /// faster than the link sends. Metric values and log entries go one per envelope here.
    /// </summary>
    /// <returns><see langword="false"/> when the spool is full and the capture was discarded as <c>queue_overflow</c>.</returns>
    public bool SpoolOverflow(CaptureWork work)
    {
        IReadOnlyList<ItemCount> items = [new ItemCount(work.Category, 1)];
        long units = 1;
        CaptureFlow.PrepareOnCaller(true);
        try
        {
            var writer = t_writer ??= new EnvelopeWriter();
            var batch = t_batch ??= new WorkerBatches();
            var envelope = Prepare(work, writer, batch, ref items, ref units);
            return envelope is null || _delivery.Hold(envelope);
        }
#pragma warning disable CA1031 // The user's data must not make a capture call throw; the item is accounted as dropped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CaptureLog.ProcessingFailed(_logger, work.Category, ex);
            _delivery.Discard(items, "internal_sdk_error");
            return false;
        }
        finally
        {
            CaptureFlow.PrepareOnCaller(false);
        }
    }

    private OutgoingEnvelope? Prepare(CaptureWork work, EnvelopeWriter writer, WorkerBatches batch, ref IReadOnlyList<ItemCount> items, ref long units)
    {
        var onCaller = CaptureFlow.IsPreparingOnCaller;
        switch (work)
        {
            case EventWork e:
                return _preparer.PrepareEvent(e, writer);
            case TransactionWork t:
                items = EnvelopePreparer.TransactionItems(t.Transaction);
                return _preparer.PrepareTransaction(t, writer, items);
            case MetricWork m:
                _preparer.FillMetricBatch(m, batch.Metrics, alone: onCaller);

                units = batch.Metrics.Count; // Settled even if writing fails below: a flush must not wait for them.
                items = [new ItemCount(SentryDataCategory.TraceMetric, batch.Metrics.Count)];
                return _preparer.PrepareMetrics(writer, batch.Metrics, items);
            case LogWork l:
                _preparer.FillLogBatch(l, batch.Logs, alone: onCaller);

                units = batch.Logs.Count;
                items = [new ItemCount(SentryDataCategory.LogItem, batch.Logs.Count)];
                return _preparer.PrepareLogs(writer, batch.Logs, items);
            case SessionWork session:
                items = [new ItemCount(SentryDataCategory.Session, session.Quantity)];
                return _preparer.PrepareSession(session, writer, items);
            default:
                return null;
        }
    }
}
