using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sentry.Management.Capture;
using Sentry.Management.Capture.Protocol;
using Sentry.Management.Capture.Transport;

namespace Sentry.Management;

/// <summary>
/// Captures errors, messages, transactions and metrics and sends them to Sentry's envelope endpoint in the
/// background. Thread-safe; create one per DSN and dispose it at shutdown to drain what is queued.
/// </summary>
/// <remarks>
/// Capture methods never block and never throw: they take a snapshot of the scope, queue a reference and
/// return the event id. Stack traces, filters, <c>BeforeSend</c>, serialization, gzip and HTTP all run on
/// background workers. Items that cannot be delivered are counted in <see cref="Counters"/> and reported to
/// Sentry as client reports.
/// </remarks>
public sealed class SentryCaptureClient : IAsyncDisposable
{
    private readonly SentryCaptureOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CaptureQueues _queues;
    private readonly PendingTracker _pending = new();
    private readonly DeliveryPipeline _delivery;
    private readonly CaptureSender _sender;
    private readonly EnvelopeHttpSender _http;
    private readonly string _metricsTraceId = CaptureIds.NewTraceId();
    private int _disposed;
    private int _enqueuing;
    private volatile bool _shutDown;

    /// <summary>Creates a client and starts its background workers; envelopes left in the spool folder are queued for sending.</summary>
    /// <param name="options">The settings; validated here. Do not change them afterwards.</param>
    /// <param name="handler">The HTTP handler to send with (tests and proxies); a new <see cref="SocketsHttpHandler"/> when <see langword="null"/>. The client does not dispose a handler it was given.</param>
    /// <param name="logger">Where diagnostics go; never receives secrets or event data.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names each problem.</exception>
    public SentryCaptureClient(SentryCaptureOptions options, HttpMessageHandler? handler = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _time = options.TimeProvider;
        Dsn = SentryDsn.Parse(options.Dsn);
        Scope = new SentryScope(options);
        Counters = new SentryCaptureCounters();
        _queues = new CaptureQueues(options);
        var limits = new RateLimiter(_time);
        _http = new EnvelopeHttpSender(
            Dsn,
            handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = options.MaxConcurrentSends },
            disposeHandler: handler is null,
            options.SendTimeout,
            limits);
        var spool = options.SpoolDirectory is { } dir ? new EnvelopeSpool(dir, options.MaxSpoolFiles, _time) : null;
        _delivery = new DeliveryPipeline(options, _http, limits, spool, Counters, new ClientReportRecorder(), _logger);
        _sender = new CaptureSender(options, new PayloadContext(options, Dsn), _queues, _pending, _delivery, _logger);
        _sender.Start();
        if (spool is not null)
        {
            QueueSpooled(spool);
        }
    }

    /// <summary>The parsed DSN (its <c>ToString</c> has no secret).</summary>
    public SentryDsn Dsn { get; }

    /// <summary>User, tags, extras, contexts and breadcrumbs added to every later event.</summary>
    public SentryScope Scope { get; }

    /// <summary>What happened to everything captured: captured, delivered, spooled and discarded per reason.</summary>
    public SentryCaptureCounters Counters { get; }

    /// <summary>Captures an exception with its inner exceptions and stack traces.</summary>
    /// <param name="exception">The exception; <see langword="null"/> is logged and ignored.</param>
    /// <param name="configure">Adds tags, extras, user, fingerprint... to this event only; runs on the calling thread.</param>
    /// <returns>The event id, or <see cref="Guid.Empty"/> when the event was dropped right away (sampled out, queue full, client disposed).</returns>
    public Guid CaptureException(Exception? exception, Action<ErrorEvent>? configure = null)
    {
        if (exception is null)
        {
            CaptureLog.NullArgument(_logger, nameof(CaptureException), nameof(exception));
            return Guid.Empty;
        }

        return Capture(new ErrorEvent { Exception = exception, Level = EventLevel.Error }, configure);
    }

    /// <summary>Captures a message event.</summary>
    /// <param name="message">The message; <see langword="null"/> is logged and ignored.</param>
    /// <param name="level">The severity.</param>
    /// <param name="configure">Adds data to this event only; runs on the calling thread.</param>
    /// <returns>The event id, or <see cref="Guid.Empty"/> when the event was dropped right away.</returns>
    public Guid CaptureMessage(string? message, EventLevel level = EventLevel.Info, Action<ErrorEvent>? configure = null)
    {
        if (message is null)
        {
            CaptureLog.NullArgument(_logger, nameof(CaptureMessage), nameof(message));
            return Guid.Empty;
        }

        return Capture(new ErrorEvent { Message = message, Level = level }, configure);
    }

    /// <summary>Captures an event built by the caller; the client owns it from now on.</summary>
    /// <param name="sentryEvent">The event; <see langword="null"/> is logged and ignored.</param>
    /// <returns>The event id, or <see cref="Guid.Empty"/> when the event was dropped right away.</returns>
    public Guid CaptureEvent(ErrorEvent? sentryEvent)
    {
        if (sentryEvent is null)
        {
            CaptureLog.NullArgument(_logger, nameof(CaptureEvent), nameof(sentryEvent));
            return Guid.Empty;
        }

        return Capture(sentryEvent, null);
    }

    /// <summary>Starts a transaction; call <see cref="TraceSpan.Finish"/> on it to send it. <c>TracesSampleRate</c> decides here whether it will be sent.</summary>
    /// <param name="name">The transaction name, such as a route.</param>
    /// <param name="operation">The operation, such as <c>http.server</c>.</param>
    /// <returns>The running transaction.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="operation"/> is empty.</exception>
    public TraceTransaction StartTransaction(string name, string operation)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(operation);
        var rate = _options.TracesSampleRate;
        var sampled = rate >= 1 || (rate > 0 && Random.Shared.NextDouble() < rate);
        return new TraceTransaction(name, operation, sampled, _time, OnTransactionFinished);
    }

    /// <summary>Adds to a counter metric.</summary>
    /// <param name="name">The metric name, such as <c>orders.created</c>.</param>
    /// <param name="value">How much to add.</param>
    /// <param name="unit">The unit, such as <c>none</c>.</param>
    /// <param name="tags">Attributes to slice by; copied here.</param>
    public void IncrementCounter(string name, double value = 1, string? unit = null, IReadOnlyDictionary<string, string>? tags = null) =>
        RecordMetric("counter", name, value, unit, tags);

    /// <summary>Records the current value of a gauge metric.</summary>
    /// <param name="name">The metric name, such as <c>queue.depth</c>.</param>
    /// <param name="value">The value.</param>
    /// <param name="unit">The unit, such as <c>byte</c>.</param>
    /// <param name="tags">Attributes to slice by; copied here.</param>
    public void SetGauge(string name, double value, string? unit = null, IReadOnlyDictionary<string, string>? tags = null) =>
        RecordMetric("gauge", name, value, unit, tags);

    /// <summary>Records one value of a distribution metric (percentiles are computed by Sentry).</summary>
    /// <param name="name">The metric name, such as <c>http.latency</c>.</param>
    /// <param name="value">The value.</param>
    /// <param name="unit">The unit, such as <c>millisecond</c>.</param>
    /// <param name="tags">Attributes to slice by; copied here.</param>
    public void RecordDistribution(string name, double value, string? unit = null, IReadOnlyDictionary<string, string>? tags = null) =>
        RecordMetric("distribution", name, value, unit, tags);

    /// <summary>Waits until everything queued so far is delivered, spooled or discarded, then sends the client report.</summary>
    /// <param name="timeout">How long to wait at most.</param>
    /// <param name="cancellationToken">Stops waiting (the sending goes on).</param>
    /// <returns><see langword="true"/> when everything was settled in time.</returns>
    public async Task<bool> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (_shutDown)
        {
            return _pending.Count == 0; // Disposed: nothing is sent any more.
        }

        var start = _time.GetTimestamp();
        try
        {
            await _pending.WhenDrainedAsync().WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return false;
        }

        var left = timeout - _time.GetElapsedTime(start);
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(left);
        try
        {
            return await _sender.ReportDiscardsAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Stops accepting captures, drains the queues for up to <c>ShutdownTimeout</c>, spools (or counts as dropped) what is left, and releases the connection.</summary>
    /// <returns>A task that completes when the client is shut down.</returns>
    public async ValueTask DisposeAsync()
    {
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

        await FlushAsync(_options.ShutdownTimeout).ConfigureAwait(false);
        await _sender.StopAsync().ConfigureAwait(false);
        await _sender.DrainLeftoversAsync().ConfigureAwait(false);
        _shutDown = true;
        _sender.Dispose();
        _queues.Dispose();
        _http.Dispose();
    }

    private bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    private Guid Capture(ErrorEvent evt, Action<ErrorEvent>? configure)
    {
        if (IsDisposed)
        {
            CaptureLog.CaptureIgnored(_logger, "the client is disposed");
            return Guid.Empty;
        }

        if (configure is not null)
        {
            try
            {
                configure(evt);
            }
#pragma warning disable CA1031 // Capture never throws into the caller.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                CaptureLog.ConfigureThrew(_logger, ex);
            }
        }

        Counters.AddCaptured(SentryDataCategory.Error, 1);
        var rate = _options.SampleRate;
        if (rate < 1 && Random.Shared.NextDouble() >= rate)
        {
            _delivery.Discard([new ItemCount(SentryDataCategory.Error, 1)], SentryDiscardReason.SampleRate);
            return Guid.Empty;
        }

        evt.EventId = Guid.NewGuid();
        evt.Timestamp = _time.GetUtcNow();
        return Enqueue(new EventWork(evt, Scope.Snapshot), null) ? evt.EventId : Guid.Empty;
    }

    private void OnTransactionFinished(TraceTransaction transaction)
    {
        var items = EnvelopePreparer.TransactionItems(transaction);
        foreach (var item in items)
        {
            Counters.AddCaptured(item.Category, item.Quantity);
        }

        if (!transaction.IsSampled)
        {
            _delivery.Discard(items, SentryDiscardReason.SampleRate);
            return;
        }

        if (IsDisposed)
        {
            _delivery.Discard(items, SentryDiscardReason.QueueOverflow);
            return;
        }

        Enqueue(new TransactionWork(transaction, Scope.Snapshot), items);
    }

    private void RecordMetric(string type, string name, double value, string? unit, IReadOnlyDictionary<string, string>? tags)
    {
        if (string.IsNullOrEmpty(name) || !double.IsFinite(value))
        {
            CaptureLog.CaptureIgnored(_logger, $"a {type} metric needs a name and a finite value");
            return;
        }

        if (IsDisposed)
        {
            return;
        }

        Counters.AddCaptured(SentryDataCategory.TraceMetric, 1);
        var copy = tags is { Count: > 0 } ? new Dictionary<string, string>(tags, StringComparer.Ordinal) : null;
        Enqueue(new MetricWork(new MetricValue(name, type, value, unit, copy, _time.GetUtcNow(), _metricsTraceId)), null);
    }

    private bool Enqueue(CaptureWork work, IReadOnlyList<ItemCount>? items)
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

                _pending.Done(1);
                CaptureLog.QueueOverflow(_logger, work.Category);
            }

            _delivery.Discard(items ?? [new ItemCount(work.Category, 1)], SentryDiscardReason.QueueOverflow);
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref _enqueuing);
        }
    }

    private void QueueSpooled(EnvelopeSpool spool)
    {
        List<SpooledEnvelope> files;
        try
        {
            files = spool.Load();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CaptureLog.SpoolFailed(_logger, ex);
            return;
        }

        if (files.Count > 0)
        {
            CaptureLog.SpoolLoaded(_logger, files.Count);
        }

        foreach (var file in files)
        {
            _pending.Add(1);
            _queues.TryEnqueue(new SpoolWork(file));
        }
    }
}
