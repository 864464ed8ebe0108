using System.IO.Compression;
using Microsoft.Extensions.Logging;
using Sentry.Management.Capture.Processing;
using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Capture.Transport;

/// <summary>
/// The background side of capture: several workers take queued work (errors first), run filters and
/// <c>BeforeSend</c>, read stack traces, serialize, gzip and hand envelopes to the <see cref="DeliveryPipeline"/>.
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
    private readonly FilterRuleMatcher _filters;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _reportGate = new(1, 1);

    // Preparing envelopes (stack traces, JSON, gzip) is CPU work: it may use at most half the cores, so a burst
    // never starves the application's own threads. Sending is I/O and runs on all workers at once.
    private readonly SemaphoreSlim _prepareGate = new(Math.Max(1, Environment.ProcessorCount / 2));
    private readonly bool _gzip;
    private Task[] _workers = [];
    private long _lastReportTicks;

    public CaptureSender(SentryCaptureOptions options, PayloadContext context, CaptureQueues queues, PendingTracker pending, DeliveryPipeline delivery, ILogger logger)
    {
        _options = options;
        _context = context;
        _queues = queues;
        _pending = pending;
        _delivery = delivery;
        _logger = logger;
        _filters = new FilterRuleMatcher(options.FilterRules);
        _gzip = options.Compression != CompressionLevel.NoCompression;
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
        using var writer = new EnvelopeWriter();
        var batch = new List<MetricValue>();
        while (_queues.TryDequeue(out var work))
        {
            var units = await ProcessSafelyAsync(work!, writer, batch, sendNow: false, CancellationToken.None).ConfigureAwait(false);
            _pending.Done(units);
        }
    }

    private async Task RunWorkerAsync()
    {
        var stop = _stop.Token;
        using var writer = new EnvelopeWriter();
        var batch = new List<MetricValue>();
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
    private async Task<long> ProcessSafelyAsync(CaptureWork work, EnvelopeWriter writer, List<MetricValue> batch, bool sendNow, CancellationToken stop)
    {
        IReadOnlyList<ItemCount> items = [new ItemCount(work.Category, 1)];
        long units = 1;
        try
        {
            OutgoingEnvelope? envelope;
            await _prepareGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                switch (work)
                {
                    case EventWork e:
                        envelope = PrepareEvent(e, writer);
                        break;
                    case TransactionWork t:
                        items = TransactionItems(t.Transaction);
                        envelope = PrepareTransaction(t, writer, items);
                        break;
                    case MetricWork m:
                        FillMetricBatch(m, batch);
                        units = batch.Count; // Settled even if writing fails below: a flush must not wait for them.
                        items = [new ItemCount(SentryDataCategory.TraceMetric, batch.Count)];
                        envelope = PrepareMetrics(writer, batch, items);
                        break;
                    case SpoolWork s:
                        items = []; // Counted by the run that captured them.
                        envelope = await EnvelopeSpool.ReadAsync(s.File, stop).ConfigureAwait(false);
                        break;
                    default:
                        return 1;
                }
            }
            finally
            {
                _prepareGate.Release();
            }

            if (envelope is not null)
            {
                await (sendNow ? _delivery.DeliverAsync(envelope, stop) : _delivery.HoldAsync(envelope, SentryDiscardReason.QueueOverflow, "ShutDown")).ConfigureAwait(false);
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

    private OutgoingEnvelope? PrepareEvent(EventWork work, EnvelopeWriter writer)
    {
        IReadOnlyList<ItemCount> items = [new ItemCount(SentryDataCategory.Error, 1)];
        var evt = work.Event;
        var decision = _filters.IsEmpty ? FilterDecision.Keep : _filters.Evaluate(evt, work.Scope);
        if (decision != FilterDecision.Keep)
        {
            _delivery.Discard(items, decision == FilterDecision.Ignore ? SentryDiscardReason.EventProcessor : SentryDiscardReason.SampleRate);
            return null;
        }

        if (_options.BeforeSend is { } beforeSend)
        {
            try
            {
                var changed = beforeSend(evt);
                if (changed is null)
                {
                    _delivery.Discard(items, SentryDiscardReason.BeforeSend);
                    return null;
                }

                if (!ReferenceEquals(changed, evt))
                {
                    changed.EventId = evt.EventId;
                    changed.Timestamp = evt.Timestamp;
                    evt = changed;
                }
            }
#pragma warning disable CA1031 // A throwing hook must not lose the event: it is sent as it was.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                CaptureLog.BeforeSendThrew(_logger, ex);
            }
        }

        if (_delivery.IsLimited(items) && !HasSpool)
        {
            _delivery.Discard(items, SentryDiscardReason.RateLimitBackoff);
            return null;
        }

        writer.Begin(evt.EventId, _options.TimeProvider.GetUtcNow(), _context.Dsn);
        EventPayloadWriter.Write(writer.BeginItem(), _context, evt, work.Scope);
        writer.EndItem("event");
        return new OutgoingEnvelope(writer.ToBody(_options.Compression), _gzip, items);
    }

    private OutgoingEnvelope? PrepareTransaction(TransactionWork work, EnvelopeWriter writer, IReadOnlyList<ItemCount> items)
    {
        var decision = _filters.IsEmpty ? FilterDecision.Keep : _filters.Evaluate(work.Transaction);
        if (decision != FilterDecision.Keep)
        {
            _delivery.Discard(items, decision == FilterDecision.Ignore ? SentryDiscardReason.EventProcessor : SentryDiscardReason.SampleRate);
            return null;
        }

        if (_delivery.IsLimited(items) && !HasSpool)
        {
            _delivery.Discard(items, SentryDiscardReason.RateLimitBackoff);
            return null;
        }

        writer.Begin(work.Transaction.EventId, _options.TimeProvider.GetUtcNow(), _context.Dsn);
        TransactionPayloadWriter.Write(writer.BeginItem(), _context, work.Transaction, work.Scope);
        writer.EndItem("transaction");
        return new OutgoingEnvelope(writer.ToBody(_options.Compression), _gzip, items);
    }

    private void FillMetricBatch(MetricWork first, List<MetricValue> batch)
    {
        batch.Clear();
        batch.Add(first.Metric);
        while (batch.Count < _options.MaxMetricsPerEnvelope && _queues.TryDequeueMetric(out var more))
        {
            batch.Add(((MetricWork)more!).Metric);
        }
    }

    private OutgoingEnvelope? PrepareMetrics(EnvelopeWriter writer, List<MetricValue> batch, IReadOnlyList<ItemCount> items)
    {
        if (_delivery.IsLimited(items) && !HasSpool)
        {
            _delivery.Discard(items, SentryDiscardReason.RateLimitBackoff);
            return null;
        }

        writer.Begin(null, _options.TimeProvider.GetUtcNow(), _context.Dsn);
        MetricPayloadWriter.Write(writer.BeginItem(), _context, batch);
        writer.EndItem("trace_metric", batch.Count, MetricPayloadWriter.ContentType);
        return new OutgoingEnvelope(writer.ToBody(_options.Compression), _gzip, items);
    }

    private bool HasSpool => _options.SpoolDirectory is not null;

    /// <summary>A transaction counts once as a transaction and once per span plus its root span.</summary>
    public static IReadOnlyList<ItemCount> TransactionItems(SentryTransaction transaction) =>
        [new ItemCount(SentryDataCategory.Transaction, 1), new ItemCount(SentryDataCategory.Span, transaction.SpansSnapshot.Length + 1)];
}
