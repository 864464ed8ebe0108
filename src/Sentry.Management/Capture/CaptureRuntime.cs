using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Sentry.Management.Capture.Protocol;
using Sentry.Management.Capture.Sessions;
using Sentry.Management.Capture.Tracing;
using Sentry.Management.Capture.Transport;

namespace Sentry.Management.Capture;

/// <summary>
/// The wiring behind a <see cref="SentryCaptureClient"/>: builds the queues, the sender workers, the spool and the
/// HTTP sender, queues work for them, and drains and releases them at shutdown. The public client keeps the
/// capture rules (arguments, sampling, stamping); this class keeps the machinery.
/// </summary>
internal sealed class CaptureRuntime : IAsyncDisposable
{
    private readonly SentryCaptureOptions _options;
    private readonly CaptureQueues _queues;
    private readonly PendingTracker _pending = new();
    private readonly DeliveryPipeline _delivery;
    private readonly CaptureSender _sender;
    private readonly SpoolDrainer? _drainer;
    private readonly EnvelopeHttpSender _http;
    private int _disposed;
    private int _enqueuing;
    private volatile bool _shutDown;

    /// <summary>Validates the options and starts the workers; envelopes left in the spool folder are indexed for the drainer.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="http">The HttpClient envelopes are posted with (from IHttpClientFactory, or over the caller's handler).</param>
    /// <param name="ownsHttp">Whether disposing the runtime disposes <paramref name="http"/>.</param>
    /// <param name="logger">Where diagnostics go.</param>
    public CaptureRuntime(SentryCaptureOptions options, HttpClient http, bool ownsHttp, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        Logger = logger ?? NullLogger.Instance;
        Time = options.TimeProvider;
        Dsn = SentryDsn.Parse(options.Dsn);
        Scope = new SentryScope(options);
        Propagation = new PropagationTargets(options.TracePropagationTargets);
        Counters = new SentryCaptureCounters();
        _queues = new CaptureQueues(options);
        var limits = new RateLimiter(Time);
        _http = new EnvelopeHttpSender(Dsn, http, ownsHttp, options.SendTimeout, limits, Time);
        var spool = options.SpoolDirectory is { } dir ? new EnvelopeSpool(dir, options.MaxSpoolFiles, options.MaxSpoolBytes, Time, _pending) : null;
        _delivery = new DeliveryPipeline(options, _http, limits, spool, Counters, new ClientReportRecorder(), Logger);
        _drainer = spool is null ? null : new SpoolDrainer(options, spool, _http, _delivery, Logger);
        _sender = new CaptureSender(options, new PayloadContext(options, Dsn), _queues, _pending, _delivery, _drainer, Logger);
        Sessions = new SessionTracker(options);
        RequestSessions = new RequestSessionAggregator(options);
        _sender.Start();
        _drainer?.Start();

        if (options.AutoSessionTracking)
        {
            EnqueueSession(Sessions.Start(null));
        }
    }

    public SentryCaptureOptions Options => _options;

    public ILogger Logger { get; }

    public TimeProvider Time { get; }

    public SentryDsn Dsn { get; }

    public SentryScope Scope { get; }

    public SentryCaptureCounters Counters { get; }

    /// <summary>The outgoing URLs that get trace headers, compiled once.</summary>
    public PropagationTargets Propagation { get; }

    /// <summary>One trace id for the metrics of this client's lifetime, so Sentry can group them.</summary>
    public string MetricsTraceId { get; } = CaptureIds.NewTraceId();

    /// <summary>The app-run session (application mode).</summary>
    public SessionTracker Sessions { get; }

    /// <summary>The per-minute request sessions (request mode).</summary>
    public RequestSessionAggregator RequestSessions { get; }

    /// <summary>Queues a session update, counted in the <c>session</c> category; <see langword="null"/> does nothing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EnqueueSession(SessionUpdate? update)
    {
        if (update is not null)
        {
            Counters.AddCaptured(SentryDataCategory.Session, 1);
            Enqueue(new SessionWork(update), ItemCount.One(SentryDataCategory.Session));
        }
    }

    /// <summary>Queues request-session minutes, counted per request session; <see langword="null"/> does nothing.</summary>
    public void EnqueueAggregates(SessionAggregates? aggregates)
    {
        if (aggregates is not null)
        {
            Counters.AddCaptured(SentryDataCategory.Session, aggregates.Total);
            Enqueue(new SessionWork(aggregates), [new ItemCount(SentryDataCategory.Session, aggregates.Total)]);
        }
    }

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Counts items dropped before they were queued (sampling, overflow) in the counters and the client report.</summary>
    public void Discard(IReadOnlyList<ItemCount> items, string reason) => _delivery.Discard(items, reason);

    /// <summary>
    /// Queues work for the sender. When its queue is full and there is a spool, the calling thread prepares it and
    /// writes it to the spool instead; it counts as <c>queue_overflow</c> when there is no room (no spool, or the spool
    /// is full) or the runtime is shutting down.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Enqueue(ICaptureWork work, IReadOnlyList<ItemCount>? items)
    {
        Interlocked.Increment(ref _enqueuing);
        try
        {
            if (!IsDisposed)
            {
                _pending.Add(1);
                if (_queues.TryEnqueue(work))
                {
                    return true;
                }

                if (_sender.CanSpoolOverflow)
                {
                    try
                    {
                        return _sender.SpoolOverflow(work);
                    }
                    finally
                    {
                        _pending.Done(1); // After the spool counted its file, so a flush never sees a gap.
                    }
                }

                _pending.Done(1);

                CaptureLog.QueueOverflow(Logger, work.Category);
            }

            _delivery.Discard(items ?? ItemCount.One(work.Category), SentryDiscardReason.QueueOverflow);
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref _enqueuing);
        }
    }

    /// <summary>
    /// Waits until everything captured in this process is delivered or settled, then sends the pending client report.
    /// With a spool that includes its backlog: the flush waits for the drainer (files of an earlier run too) until the
    /// timeout, and returns <see langword="false"/> if the link or a rate limit kept files on disk; they stay there and
    /// are sent as soon as possible, in this process or the next.
    /// </summary>
    public async Task<bool> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_shutDown)
        {
            return _pending.Count == 0; // Disposed: nothing is sent any more.
        }

        // Log entries and metric values waiting for a fuller batch go out now too.
        using var logBatches = _queues.LogBatches.Flushing();
        using var metricBatches = _queues.MetricBatches.Flushing();

        // Minutes still being counted go out now, so a flush leaves nothing behind.
        if (!IsDisposed)
        {
            EnqueueAggregates(RequestSessions.TakeAll());
        }

        var start = Time.GetTimestamp();
        try
        {
            await _pending.WhenDrainedAsync().WaitAsync(timeout, Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return false;
        }

        var left = timeout - Time.GetElapsedTime(start);
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        // What is left of the timeout, on the client's clock as the wait above.
        using var timeoutSource = new CancellationTokenSource(left, Time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            return await _sender.ReportDiscardsAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsDisposed)
        {
            // Queued before the doors close, so the drain below delivers them.
            EnqueueSession(Sessions.End("exited"));
            EnqueueAggregates(RequestSessions.TakeAll());
        }

        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // A capture that passed its disposed check before the flag was set finishes queueing first,
        // so nothing is queued after the leftovers are drained.
        while (Volatile.Read(ref _enqueuing) > 0)
        {
            await Task.Yield();
        }

        await FlushAsync(_options.ShutdownTimeout, CancellationToken.None).ConfigureAwait(false);
        await _sender.StopAsync().ConfigureAwait(false);
        if (_drainer is not null)
        {
            await _drainer.StopAsync().ConfigureAwait(false);
        }

        await _sender.DrainLeftoversAsync().ConfigureAwait(false);
        _shutDown = true;
        _sender.Dispose();
        _drainer?.Dispose();
        _queues.Dispose();
        _http.Dispose();
    }
}
