using System.IO.Compression;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Sentry.Management.Capture.Processing;
using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Capture.Transport;

/// <summary>
/// Turns queued work into a request body: filter rules, <c>BeforeSend</c>, the early rate-limit check, then
/// serialization and gzip. Items dropped on the way are settled here with their reason.
/// </summary>
internal sealed class EnvelopePreparer
{
    private readonly SentryCaptureOptions _options;
    private readonly PayloadContext _context;
    private readonly CaptureQueues _queues;
    private readonly DeliveryPipeline _delivery;
    private readonly FilterRuleMatcher _filters;
    private readonly ILogger _logger;
    private readonly bool _gzip;

    public EnvelopePreparer(SentryCaptureOptions options, PayloadContext context, CaptureQueues queues, DeliveryPipeline delivery, ILogger logger)
    {
        _options = options;
        _context = context;
        _queues = queues;
        _delivery = delivery;
        _logger = logger;
        _filters = new FilterRuleMatcher(options.FilterRules);
        _gzip = options.Compression != CompressionLevel.NoCompression;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public OutgoingEnvelope? PrepareEvent(ErrorEvent captured, EnvelopeWriter writer)
    {
        var items = ItemCount.One(SentryDataCategory.Error);
        var evt = captured;
        var scope = captured.CapturedScope ?? ScopeState.Empty;
        var decision = _filters.IsEmpty ? FilterDecision.Keep : _filters.Evaluate(evt, scope);
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

        writer.Begin(evt.EventId, _options.TimeProvider.GetUtcNow(), TraceOf(evt.Span));
        EventPayloadWriter.Write(writer.BeginItem(), _context, evt, scope);
        writer.EndItem("event");
        return Finish(writer, items);
    }

    public OutgoingEnvelope? PrepareTransaction(TransactionWork work, EnvelopeWriter writer, IReadOnlyList<ItemCount> items)
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

        writer.Begin(work.Transaction.EventId, _options.TimeProvider.GetUtcNow(), TraceOf(work.Transaction));
        TransactionPayloadWriter.Write(writer.BeginItem(), _context, work.Transaction, work.Scope);
        writer.EndItem("transaction");
        return Finish(writer, items);
    }

    /// <summary>Starts a batch with <paramref name="first"/> and, unless <paramref name="alone"/> (the caller's overflow path), fills it from the queue.</summary>
    public void FillMetricBatch(MetricWork first, List<MetricValue> batch, bool alone)
    {
        batch.Clear();
        batch.Add(first.Metric);
        while (!alone && batch.Count < _options.MaxMetricsPerEnvelope && _queues.TryDequeueMetric(out var more))
        {
            batch.Add(((MetricWork)more!).Metric);
        }
    }

    public OutgoingEnvelope? PrepareMetrics(EnvelopeWriter writer, List<MetricValue> batch, IReadOnlyList<ItemCount> items)
    {
        if (_delivery.IsLimited(items) && !HasSpool)
        {
            _delivery.Discard(items, SentryDiscardReason.RateLimitBackoff);
            return null;
        }

        writer.Begin(null, _options.TimeProvider.GetUtcNow());
        MetricPayloadWriter.Write(writer.BeginItem(), _context, batch);
        writer.EndItem("trace_metric", batch.Count, MetricPayloadWriter.ContentType);
        return Finish(writer, items);
    }

    /// <summary>Starts a batch with <paramref name="first"/> and, unless <paramref name="alone"/> (the caller's overflow path), fills it from the queue.</summary>
    public void FillLogBatch(LogWork first, List<LogEntry> batch, bool alone)
    {
        batch.Clear();
        batch.Add(first.Entry);
        while (!alone && batch.Count < _options.MaxLogsPerEnvelope && _queues.TryDequeueLog(out var more))
        {
            batch.Add(((LogWork)more!).Entry);
        }
    }

    public OutgoingEnvelope? PrepareLogs(EnvelopeWriter writer, List<LogEntry> batch, IReadOnlyList<ItemCount> items)
    {
        if (_delivery.IsLimited(items) && !HasSpool)
        {
            _delivery.Discard(items, SentryDiscardReason.RateLimitBackoff);
            return null;
        }

        writer.Begin(null, _options.TimeProvider.GetUtcNow());
        LogPayloadWriter.Write(writer.BeginItem(), _context, batch);
        writer.EndItem("log", batch.Count, LogPayloadWriter.ContentType);
        return Finish(writer, items);
    }

    public OutgoingEnvelope? PrepareSession(SessionWork work, EnvelopeWriter writer, IReadOnlyList<ItemCount> items)
    {
        if (_delivery.IsLimited(items) && !HasSpool)
        {
            _delivery.Discard(items, SentryDiscardReason.RateLimitBackoff);
            return null;
        }

        writer.Begin(null, _options.TimeProvider.GetUtcNow());
        if (work.Update is { } update)
        {
            SessionPayloadWriter.Write(writer.BeginItem(), update);
            writer.EndItem("session");
        }
        else
        {
            SessionPayloadWriter.Write(writer.BeginItem(), work.Aggregates!);
            writer.EndItem("sessions");
        }

        return Finish(writer, items);
    }

    private bool HasSpool => _options.SpoolDirectory is not null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Tracing.DynamicSamplingContext? TraceOf(TraceSpan? span) =>
        (span as TraceTransaction ?? span?.Transaction)?.SamplingContext(_options, _context.Dsn.PublicKey);

    /// <summary>
    /// Ends the envelope as a request body. Discards not yet reported ride along as a <c>client_report</c> item, so
    /// Sentry hears about them with the next envelope rather than at the next flush or 30-second report.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private OutgoingEnvelope Finish(EnvelopeWriter writer, IReadOnlyList<ItemCount> items)
    {
        // On the caller's overflow path the envelope goes straight to the spool, which never keeps a report.
        if (CaptureFlow.IsPreparingOnCaller || _delivery.TakeReportsToCarry() is not { } reports)
        {
            return new OutgoingEnvelope(writer.ToBody(_options.Compression), _gzip, items);
        }

        // Rare path (discards pending, spool set): keep the report-less bytes in case the envelope ends up in the spool.
        var withoutReports = HasSpool ? writer.Written.ToArray() : null;
        ClientReportPayloadWriter.Write(writer.BeginItem(), _options.TimeProvider.GetUtcNow(), reports);
        writer.EndItem("client_report");
        return new OutgoingEnvelope(writer.ToBody(_options.Compression), _gzip, items) { Reports = reports, WithoutReports = withoutReports };
    }

    /// <summary>A transaction counts once as a transaction and once per span plus its root span.</summary>
    public static IReadOnlyList<ItemCount> TransactionItems(TraceTransaction transaction) =>
        [new ItemCount(SentryDataCategory.Transaction, 1), new ItemCount(SentryDataCategory.Span, transaction.SpansSnapshot.Length + 1)];
}
