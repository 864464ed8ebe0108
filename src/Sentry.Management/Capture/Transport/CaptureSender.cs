using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Capture.Transport;

/// <summary>
/// The background side of capture: a few workers take queued work (errors first), have the
/// <see cref="EnvelopePreparer"/> turn it into envelopes on their own thread, start each envelope's send through the
/// <see cref="DeliveryPipeline"/> and go on with the next without waiting for the answer; up to
/// <see cref="SentryCaptureOptions.MaxConcurrentSends"/> sends are in flight at once. Also sends the client reports.
/// </summary>
/// <remarks>
/// Preparation (stack traces, JSON, gzip) is CPU work and sending is waiting, so they are not given the same threads:
/// the workers are as many as preparation may use (half the cores, at least two, never more than the send slots), and
/// a send holds a slot, not a worker. An envelope thus goes from the queue to the socket on one thread, with no
/// hand-off to a second gate or a send worker; only the answer comes back on an I/O thread, which settles it. A worker
/// prepares a run of queued work (up to <see cref="PreparedRun.Capacity"/>, while send slots are free) before it starts
/// the run's sends, so a burst alternates between serializing and writing requests once per run, not once per event.
/// </remarks>
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

    // Send slots when there is no spool; with one, the drainer owns them and its backlog shares them.
    private readonly SemaphoreSlim? _slots;

    // Direct sends started and not yet settled, so a stop can wait for them.
    private readonly PendingTracker _inFlight = new();
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
        _slots = drainer is null ? new SemaphoreSlim(options.MaxConcurrentSends, options.MaxConcurrentSends) : null;
    }

    /// <summary>
    /// How many workers prepare envelopes: at most half the cores, so a burst never starves the application's own
    /// threads; but at least two, because with one on a small machine every envelope's gzip waits behind the one
    /// before it (measured on 2 cores: 10-20 % less delivery with one, docs/benchmarks.md); and never more than the
    /// send slots, so <c>MaxConcurrentSends = 1</c> still sends in capture order.
    /// </summary>
    internal static int WorkerCount(SentryCaptureOptions options) =>
        Math.Min(options.MaxConcurrentSends, Math.Max(2, Environment.ProcessorCount / 2));

    public void Start()
    {
        _workers = [.. Enumerable.Range(0, WorkerCount(_options)).Select(_ => Task.Run(RunWorkerAsync))];
    }

    /// <summary>
    /// Stops the workers after their current item and waits for the sends they started (cancelled: kept in the spool
    /// or counted); items still queued stay in the queues.
    /// </summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_workers).ConfigureAwait(false);
        await _inFlight.WhenDrainedAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _reportGate.Dispose();
        _slots?.Dispose();
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
        _queues.MetricBatches.OpenForGood();
        using var writer = new EnvelopeWriter();
        var batch = new WorkerBatches();
        while (_queues.TryDequeue(out var work))
        {
            var (envelope, units, items) = PrepareSafely(work!, writer, batch);
            try
            {
                if (envelope is not null)
                {
                    await _delivery.HoldAsync(envelope, SentryDiscardReason.QueueOverflow, "ShutDown").ConfigureAwait(false);
                }
            }
#pragma warning disable CA1031 // Nothing may stop the drain at shutdown; the item is accounted as dropped.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                CaptureLog.ProcessingFailed(_logger, work!.Category, ex);
                _delivery.Discard(items, "internal_sdk_error");
            }

            _pending.Done(units);
        }
    }

    private async Task RunWorkerAsync()
    {
        CaptureFlow.EnterWorker();
        var stop = _stop.Token;
        using var writer = new EnvelopeWriter();
        var batch = new WorkerBatches();
        var run = new PreparedRun();

        // Without a spool a worker takes a send slot before it takes work: while every slot is busy, work waits in its
        // queue, where the queue's bound and the categories' order apply, not prepared on a worker.
        var holdsSlot = false;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (_slots is not null && !holdsSlot)
                {
                    if (!_slots.Wait(0, CancellationToken.None) && !await _slots.TryWaitAsync(stop).ConfigureAwait(false))
                    {
                        return;
                    }

                    holdsSlot = true;
                }

                if (!_queues.TryDequeue(out var work))
                {
                    if (!await _queues.WaitForWorkAsync(stop).ConfigureAwait(false))
                    {
                        return;
                    }

                    continue;
                }

                // Without a spool nothing here awaits: the synchronous path keeps the state machine's own work (which
                // runs unoptimized until tiered compilation reaches it) to the loop.
                if (_drainer is null)
                {
                    holdsSlot = PrepareRunAndStartSends(work!, writer, batch, run, stop);
                }
                else
                {
                    await PrepareRunAndSendOrSpoolAsync(work!, writer, batch, run, stop).ConfigureAwait(false);
                }

                if (ReportDue())
                {
                    await ReportAsync(writer, stop).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (holdsSlot)
            {
                _slots!.Release();
            }
        }
    }

    /// <summary>Whether this worker is the one to send the periodic client report now (claims the interval).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReportDue()
    {
        var now = _options.TimeProvider.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastReportTicks);
        return now - last >= ClientReportInterval.Ticks && Interlocked.CompareExchange(ref _lastReportTicks, now, last) == last;
    }

    private async Task ReportAsync(EnvelopeWriter writer, CancellationToken stop)
    {
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

    /// <summary>
    /// With a spool: prepares <paramref name="first"/> and, while more work is queued and more send slots are free than
    /// envelopes are prepared, up to <see cref="PreparedRun.Capacity"/> in all; then, in order, each envelope takes a
    /// slot and its send starts, unless it goes to the spool behind a backlog or under pressure. The queued units are
    /// settled when the send has settled, so a flush still waits for the answer.
    /// </summary>
    private async Task PrepareRunAndSendOrSpoolAsync(ICaptureWork first, EnvelopeWriter writer, WorkerBatches batch, PreparedRun run, CancellationToken stop)
    {
        try
        {
            PrepareSpoolRun(first, writer, batch, run, stop);
        }
        finally
        {
            // Whatever happened above, every envelope prepared is sent or spooled, so none is left unsettled.
            for (var i = 0; i < run.Count; i++)
            {
                await SendOrSpoolAsync(run[i], stop).ConfigureAwait(false);
            }

            run.Clear();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PrepareSpoolRun(ICaptureWork first, EnvelopeWriter writer, WorkerBatches batch, PreparedRun run, CancellationToken stop)
    {
        var work = first;
        while (true)
        {
            if (PrepareOrSettle(work, writer, batch, out var units, out var items) is { } envelope)
            {
                run.Add(envelope, work.Category, items, units);
            }

            // Only as many as could be sent at once now: the rest stay in their queue, under its bound and order.
            if (run.Count == PreparedRun.Capacity || stop.IsCancellationRequested || run.Count >= _drainer!.FreeSlots
                || !_queues.TryDequeue(out var next))
            {
                return;
            }

            work = next;
        }
    }

    private async Task SendOrSpoolAsync(PreparedRun.Entry prepared, CancellationToken stop)
    {
        var send = false;
        try
        {
            send = await _drainer!.TakeSlotOrSpoolAsync(prepared.Envelope, prepared.Category, _queues.IsUnderPressure(prepared.Category), stop).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Nothing a user's data does may kill a worker; the item is accounted as dropped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CaptureLog.ProcessingFailed(_logger, prepared.Category, ex);
            _delivery.Discard(prepared.Items, "internal_sdk_error");
        }

        if (!send)
        {
            _pending.Done(prepared.Units);
            return;
        }

        StartSend(prepared.Envelope, prepared.Category, prepared.Items, prepared.Units, stop);
    }

    /// <summary>
    /// Without a spool: prepares <paramref name="first"/> and, while more work is queued and send slots are free, up
    /// to <see cref="PreparedRun.Capacity"/> envelopes in all, then starts their sends one after another. A burst's
    /// envelopes are serialized and gzipped back to back, and their requests written back to back, so each stage's code
    /// and tables stay in the core's caches instead of being evicted by the other stage for every event.
    /// </summary>
    /// <returns>Whether the worker still holds a send slot (the last piece of work had nothing to send).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool PrepareRunAndStartSends(ICaptureWork first, EnvelopeWriter writer, WorkerBatches batch, PreparedRun run, CancellationToken stop)
    {
        var work = first;
        var holdsSlot = true;
        try
        {
            while (true)
            {
                if (PrepareOrSettle(work, writer, batch, out var units, out var items) is { } envelope)
                {
                    run.Add(envelope, work.Category, items, units); // The slot goes with this envelope's send.
                    holdsSlot = false;
                }

                if (run.Count == PreparedRun.Capacity || stop.IsCancellationRequested)
                {
                    break;
                }

                if (!holdsSlot)
                {
                    if (!_slots!.Wait(0, CancellationToken.None))
                    {
                        break;
                    }

                    holdsSlot = true;
                }

                if (!_queues.TryDequeue(out var next))
                {
                    break;
                }

                work = next;
            }
        }
        finally
        {
            // Whatever happened above, every envelope prepared goes out in the slot it took, so none is left unsettled.
            for (var i = 0; i < run.Count; i++)
            {
                ref readonly var prepared = ref run[i];
                StartSend(prepared.Envelope, prepared.Category, prepared.Items, prepared.Units, stop);
            }

            run.Clear();
        }

        return holdsSlot;
    }

    /// <summary>Prepares work; when there is nothing to send (filtered, sampled, failed) its units are settled here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private OutgoingEnvelope? PrepareOrSettle(ICaptureWork work, EnvelopeWriter writer, WorkerBatches batch, out long units, out IReadOnlyList<ItemCount> items)
    {
        (var envelope, units, items) = PrepareSafely(work, writer, batch);
        if (envelope is null)
        {
            _pending.Done(units);
        }

        return envelope;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StartSend(OutgoingEnvelope envelope, string category, IReadOnlyList<ItemCount> items, long units, CancellationToken stop)
    {
        // Called, not queued: the request is written on this thread up to its first real wait.
        _inFlight.Add(1);
        _ = SendInSlotAsync(envelope, category, items, units, stop);
    }

    /// <summary>Sends an envelope in the slot its worker took, then gives the slot back and settles its units.</summary>
    private async Task SendInSlotAsync(OutgoingEnvelope envelope, string category, IReadOnlyList<ItemCount> items, long units, CancellationToken stop)
    {
        try
        {
            await _delivery.DeliverAsync(envelope, stop).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A fault here (spool, counters) must not go unobserved; the item is accounted as dropped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CaptureLog.ProcessingFailed(_logger, category, ex);
            _delivery.Discard(items, "internal_sdk_error");
        }
        finally
        {
            SendSettled(units);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SendSettled(long units)
    {
        if (_drainer is null)
        {
            _slots!.Release();
        }
        else
        {
            _drainer.ReleaseSlot();
        }

        _pending.Done(units);
        _inFlight.Done(1);
    }

    /// <summary>Prepares work, settling it as dropped when preparing throws.</summary>
    /// <returns>The envelope (none when filtered, sampled or failed), how many queued units it settles (a metric batch settles several) and what it carries.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (OutgoingEnvelope? Envelope, long Units, IReadOnlyList<ItemCount> Items) PrepareSafely(ICaptureWork work, EnvelopeWriter writer, WorkerBatches batch)
    {
        var items = ItemCount.One(work.Category);
        long units = 1;
        try
        {
            return (Prepare(work, writer, batch, ref items, ref units), units, items);
        }
#pragma warning disable CA1031 // Nothing a user's data does may kill a worker; the item is accounted as dropped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CaptureLog.ProcessingFailed(_logger, work.Category, ex);
            _delivery.Discard(items, "internal_sdk_error");
            return (null, units, items);
        }
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
    public bool SpoolOverflow(ICaptureWork work)
    {
        var items = ItemCount.One(work.Category);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private OutgoingEnvelope? Prepare(ICaptureWork work, EnvelopeWriter writer, WorkerBatches batch, ref IReadOnlyList<ItemCount> items, ref long units)
    {
        var onCaller = CaptureFlow.IsPreparingOnCaller;
        switch (work)
        {
            case ErrorEvent e:
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

/// <summary>A worker's envelopes prepared and not yet sent (<see cref="CaptureSender"/>); reused from run to run.</summary>
internal sealed class PreparedRun
{
    /// <summary>How many envelopes a worker prepares before it starts their sends.</summary>
    public const int Capacity = 8;

    private readonly Entry[] _entries = new Entry[Capacity];

    public int Count { get; private set; }

    public ref readonly Entry this[int index] => ref _entries[index];

    public void Add(OutgoingEnvelope envelope, string category, IReadOnlyList<ItemCount> items, long units) =>
        _entries[Count++] = new Entry(envelope, category, items, units);

    public void Clear()
    {
        Array.Clear(_entries, 0, Count);
        Count = 0;
    }

    /// <summary>One prepared envelope with what its settlement needs.</summary>
    internal readonly record struct Entry(OutgoingEnvelope Envelope, string Category, IReadOnlyList<ItemCount> Items, long Units);
}
