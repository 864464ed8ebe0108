using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Sentry.Management.Capture.Protocol;
using Sentry.Management.Capture.Sessions;
using Sentry.Management.Capture.Tracing;
using Sentry.Management.Capture.Transport;
using Sentry.Management.Capture;
using Sentry.Management.Http;

namespace Sentry.Management;

/// <summary>
/// Captures errors, messages, transactions and metrics and sends them to Sentry's envelope endpoint in the
/// background. Thread-safe; create one per DSN and dispose it at shutdown to drain what is queued.
/// </summary>
/// <remarks>
/// <para>
/// Capture methods never block and never throw: they take a snapshot of the scope, queue a reference and
/// return the event id. Stack traces, filters, <c>BeforeSend</c>, serialization, gzip and HTTP all run on
/// background workers. Items that cannot be delivered are counted in <see cref="Counters"/> and reported to
/// Sentry as client reports.
/// </para>
/// <para>
/// To fake it in a unit test, derive from it (the protected constructor creates no workers) and override
/// <see cref="CaptureEvent"/>: <see cref="CaptureException"/>, <see cref="CaptureMessage"/> and the fluent
/// <see cref="Exception"/> / <see cref="Message"/> chains all end there.
/// </para>
/// </remarks>
public class SentryCaptureClient : IAsyncDisposable
{
    private readonly CaptureRuntime? _runtime;
    private readonly UnhandledExceptionHook? _unhandled;

    /// <summary>Creates a client and starts its background workers; envelopes left in the spool folder are queued for sending.</summary>
    /// <param name="options">The settings; validated here. Do not change them afterwards.</param>
    /// <param name="handler">The HTTP handler to send with (tests and proxies); when <see langword="null"/>, a socket handler set up like the management pipeline's. The client does not dispose a handler it was given.</param>
    /// <param name="logger">Where diagnostics go; never receives secrets or event data.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names each problem.</exception>
    public SentryCaptureClient(SentryCaptureOptions options, HttpMessageHandler? handler = null, ILogger? logger = null)
        : this(new CaptureRuntime(
            options,
            new HttpClient(handler ?? CreatePrimaryHandler(options), disposeHandler: handler is null),
            ownsHttp: true,
            logger))
    {
    }

    /// <summary>For mocking: creates a client without workers or options; every member not overridden throws <see cref="InvalidOperationException"/>, except the fluent entry points, which end in <see cref="CaptureEvent"/>.</summary>
    protected SentryCaptureClient()
    {
    }

    internal SentryCaptureClient(CaptureRuntime runtime)
    {
        _runtime = runtime;
        if (runtime.Options.CaptureUnhandledExceptions)
        {
            _unhandled = new UnhandledExceptionHook(this);
        }
    }

    /// <summary>The parsed DSN (its <c>ToString</c> has no secret).</summary>
    public virtual SentryDsn Dsn => Runtime.Dsn;

    /// <summary>User, tags, extras, contexts and breadcrumbs added to every later event.</summary>
    public virtual SentryScope Scope => Runtime.Scope;

    /// <summary>What happened to everything captured: captured, delivered, spooled and discarded per reason.</summary>
    public virtual SentryCaptureCounters Counters => Runtime.Counters;

    /// <summary>The options the client runs with (bound from configuration under DI).</summary>
    internal SentryCaptureOptions Options => Runtime.Options;

    private CaptureRuntime Runtime => _runtime
        ?? throw new InvalidOperationException($"This {nameof(SentryCaptureClient)} was created for mocking; override the member you call.");

    /// <summary>
    /// Starts a fluent exception event: <c>sentry.Exception(ex).User(id: "42").Tag("area", "payments").Capture()</c>.
    /// Nothing is sent until <see cref="ErrorEventBuilder.Capture"/>.
    /// </summary>
    /// <param name="exception">The exception; when <see langword="null"/>, the chain does nothing and <c>Capture()</c> logs and returns <see cref="Guid.Empty"/>.</param>
    /// <returns>The builder, a struct over the event (no allocation besides the event itself).</returns>
    public ErrorEventBuilder Exception(Exception? exception) =>
        new(this, exception is null ? null : new ErrorEvent { Exception = exception, Level = EventLevel.Error }, nameof(exception));

    /// <summary>Starts a fluent message event: <c>sentry.Message("cart abandoned", EventLevel.Warning).Tag("step", "payment").Capture()</c>.</summary>
    /// <param name="message">The message; when <see langword="null"/>, the chain does nothing and <c>Capture()</c> logs and returns <see cref="Guid.Empty"/>.</param>
    /// <param name="level">The severity.</param>
    /// <returns>The builder.</returns>
    public ErrorEventBuilder Message(string? message, EventLevel level = EventLevel.Info) =>
        new(this, message is null ? null : new ErrorEvent { Message = message, Level = level }, nameof(message));

    /// <summary>Captures an exception with its inner exceptions and stack traces.</summary>
    /// <param name="exception">The exception; <see langword="null"/> is logged and ignored.</param>
    /// <param name="configure">Adds tags, extras, user, fingerprint... to this event only; runs on the calling thread.</param>
    /// <returns>The event id, or <see cref="Guid.Empty"/> when the event was dropped right away (sampled out, queue full, client disposed).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public virtual Guid CaptureException(Exception? exception, Action<ErrorEvent>? configure = null)
    {
        if (exception is null)
        {
            return IgnoreNull(nameof(CaptureException), nameof(exception));
        }

        return CaptureConfigured(new ErrorEvent { Exception = exception, Level = EventLevel.Error }, configure);
    }

    /// <summary>Captures a message event.</summary>
    /// <param name="message">The message; <see langword="null"/> is logged and ignored.</param>
    /// <param name="level">The severity.</param>
    /// <param name="configure">Adds data to this event only; runs on the calling thread.</param>
    /// <returns>The event id, or <see cref="Guid.Empty"/> when the event was dropped right away.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public virtual Guid CaptureMessage(string? message, EventLevel level = EventLevel.Info, Action<ErrorEvent>? configure = null)
    {
        if (message is null)
        {
            return IgnoreNull(nameof(CaptureMessage), nameof(message));
        }

        return CaptureConfigured(new ErrorEvent { Message = message, Level = level }, configure);
    }

    /// <summary>Captures an event built by the caller (or by a fluent chain); the client owns it from now on. Applies <c>SampleRate</c>.</summary>
    /// <param name="errorEvent">The event; <see langword="null"/> is logged and ignored.</param>
    /// <returns>The event id, or <see cref="Guid.Empty"/> when the event was dropped right away.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public virtual Guid CaptureEvent(ErrorEvent? errorEvent)
    {
        if (errorEvent is null)
        {
            return IgnoreNull(nameof(CaptureEvent), nameof(errorEvent));
        }

        var runtime = Runtime;
        if (runtime.IsDisposed)
        {
            CaptureLog.CaptureIgnored(runtime.Logger, "the client is disposed");
            return Guid.Empty;
        }

        // Release health counts every error, sampled or not, as Sentry's SDKs do; an unhandled one settles the session itself.
        if (errorEvent.UnhandledMechanism is null && (errorEvent.Exception is not null || errorEvent.Level >= EventLevel.Error))
        {
            runtime.EnqueueSession(runtime.Sessions.MarkErrored());
        }

        runtime.Counters.AddCaptured(SentryDataCategory.Error, 1);
        var rate = runtime.Options.SampleRate;
        if (rate < 1 && Random.Shared.NextDouble() >= rate)
        {
            runtime.Discard(ItemCount.One(SentryDataCategory.Error), SentryDiscardReason.SampleRate);
            return Guid.Empty;
        }

        errorEvent.EventId = Guid.NewGuid();
        errorEvent.Timestamp = runtime.Time.GetUtcNow();

        // An error inside a transaction belongs to its trace, as in Sentry's SDKs, without the caller linking it.
        if (errorEvent.Span is null && ActiveSpan.Current is { } active)
        {
            errorEvent.Span = active;
        }

        errorEvent.CapturedScope = runtime.Scope.Snapshot;
        return runtime.Enqueue(errorEvent, null) ? errorEvent.EventId : Guid.Empty;
    }

    /// <summary>
    /// Starts a transaction and makes it the current span of the calling flow (see <see cref="CurrentSpan"/>) until it
    /// finishes; call <see cref="TraceSpan.Finish"/> on it to send it. <c>TracesSampleRate</c> decides here whether it will be sent.
    /// </summary>
    /// <param name="name">The transaction name, such as a route.</param>
    /// <param name="operation">The operation, such as <c>http.server</c>.</param>
    /// <returns>The running transaction.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="operation"/> is empty.</exception>
    public virtual TraceTransaction StartTransaction(string name, string operation)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(operation);
        return new TraceTransaction(name, operation, TraceSampling.Decide(null, Runtime.Options.TracesSampleRate), Runtime.Time, OnTransactionFinished);
    }

    /// <summary>
    /// Starts a transaction that continues the trace of an incoming request, read from its <c>sentry-trace</c> and
    /// <c>baggage</c> headers: same trace id, the caller's span as parent, the caller's sampling decision, and its
    /// baggage forwarded to the calls this one makes. Without a valid <paramref name="sentryTrace"/> a new trace starts.
    /// Becomes the current span like <see cref="StartTransaction"/>.
    /// </summary>
    /// <param name="sentryTrace">The <c>sentry-trace</c> header (<c>{trace_id}-{span_id}-{sampled}</c>), or <see langword="null"/>.</param>
    /// <param name="baggage">The <c>baggage</c> header, or <see langword="null"/>; only its <c>sentry-</c> members are kept.</param>
    /// <param name="name">The transaction name; see <see cref="TransactionNaming"/> for URL paths.</param>
    /// <param name="operation">The operation, such as <c>http.server</c>.</param>
    /// <returns>The running transaction.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="operation"/> is empty.</exception>
    public virtual TraceTransaction ContinueTrace(string? sentryTrace, string? baggage, string name, string operation)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(operation);
        var parent = IncomingTrace.FromSentryTrace(sentryTrace, baggage);
        return new TraceTransaction(name, operation, TraceSampling.Decide(parent, Runtime.Options.TracesSampleRate), Runtime.Time, OnTransactionFinished, parent);
    }

    /// <summary>
    /// Starts the <c>http.server</c> transaction of an incoming request in any web framework: named
    /// <c>{METHOD} {path}</c> with ids collapsed (<see cref="TransactionNaming.FromHttp"/>), continuing the trace of
    /// <c>sentry-trace</c> (or W3C <c>traceparent</c>) and <c>baggage</c>.
    /// </summary>
    /// <param name="method">The request method.</param>
    /// <param name="url">The request URL or path; the query is never part of the name.</param>
    /// <param name="header">Reads a request header by name (case-insensitive), <see langword="null"/> when absent.</param>
    /// <returns>The running transaction; finish it with <see cref="TraceSpanStatus.FromHttpStatus"/> of the response.</returns>
    /// <exception cref="ArgumentException"><paramref name="method"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> or <paramref name="header"/> is <see langword="null"/>.</exception>
    public virtual TraceTransaction ContinueHttpTrace(string method, string url, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var name = TransactionNaming.FromHttp(method, url);
        var baggage = header(TraceHeaders.Baggage);
        var parent = IncomingTrace.FromSentryTrace(header(TraceHeaders.SentryTrace), baggage)
            ?? IncomingTrace.FromTraceparent(header(TraceHeaders.Traceparent), baggage);
        return new TraceTransaction(name, "http.server", TraceSampling.Decide(parent, Runtime.Options.TracesSampleRate), Runtime.Time, OnTransactionFinished, parent, "route");
    }

    /// <summary>
    /// The span the calling flow runs in: the last transaction started (or continued) here or in a caller that awaits
    /// this code, until it finishes. Outgoing HTTP calls become its children; <see langword="null"/> outside a transaction.
    /// </summary>
    public virtual TraceSpan? CurrentSpan => ActiveSpan.Current;

    /// <summary>Adds to a counter metric.</summary>
    /// <param name="name">The metric name, such as <c>orders.created</c>.</param>
    /// <param name="value">How much to add.</param>
    /// <param name="unit">The unit, such as <c>none</c>.</param>
    /// <param name="tags">Attributes to slice by; copied here.</param>
    public virtual void IncrementCounter(string name, double value = 1, string? unit = null, IReadOnlyDictionary<string, string>? tags = null) =>
        RecordMetric("counter", name, value, unit, tags);

    /// <summary>Records the current value of a gauge metric.</summary>
    /// <param name="name">The metric name, such as <c>queue.depth</c>.</param>
    /// <param name="value">The value.</param>
    /// <param name="unit">The unit, such as <c>byte</c>.</param>
    /// <param name="tags">Attributes to slice by; copied here.</param>
    public virtual void SetGauge(string name, double value, string? unit = null, IReadOnlyDictionary<string, string>? tags = null) =>
        RecordMetric("gauge", name, value, unit, tags);

    /// <summary>Records one value of a distribution metric (percentiles are computed by Sentry).</summary>
    /// <param name="name">The metric name, such as <c>http.latency</c>.</param>
    /// <param name="value">The value.</param>
    /// <param name="unit">The unit, such as <c>millisecond</c>.</param>
    /// <param name="tags">Attributes to slice by; copied here.</param>
    public virtual void RecordDistribution(string name, double value, string? unit = null, IReadOnlyDictionary<string, string>? tags = null) =>
        RecordMetric("distribution", name, value, unit, tags);

    /// <summary>
    /// Starts a release-health session for this app run (Sentry's application mode) and sends it (<c>init: true</c>);
    /// a session already running ends as <c>exited</c> first. Errors captured while it runs count in its <c>errors</c>,
    /// an unhandled exception ends it as <c>crashed</c>, and <see cref="EndSession"/> or disposing the client ends it as <c>exited</c>.
    /// </summary>
    /// <param name="distinctId">Identifies the user or device (<c>did</c>), for crash-free user rates; none when <see langword="null"/>.</param>
    /// <exception cref="InvalidOperationException">The options have no <c>Release</c>: Sentry drops sessions without one.</exception>
    public virtual void StartSession(string? distinctId = null)
    {
        var runtime = RequireRelease(nameof(StartSession));
        if (runtime.IsDisposed)
        {
            return;
        }

        runtime.EnqueueSession(runtime.Sessions.End("exited"));
        runtime.EnqueueSession(runtime.Sessions.Start(distinctId));
    }

    /// <summary>Ends the running session as <c>exited</c> and sends it; does nothing when none runs.</summary>
    public virtual void EndSession()
    {
        var runtime = Runtime;
        runtime.EnqueueSession(runtime.Sessions.End("exited"));
    }

    /// <summary>
    /// Counts one request of a server as a session (Sentry's request mode): requests are added up per minute and sent
    /// as one <c>sessions</c> item when a later minute begins, and at <see cref="FlushAsync"/> and dispose.
    /// </summary>
    /// <param name="status">How the request ended.</param>
    /// <exception cref="InvalidOperationException">The options have no <c>Release</c>: Sentry drops sessions without one.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public virtual void RecordRequestSession(RequestSessionStatus status)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown request session status.");
        }

        var runtime = RequireRelease(nameof(RecordRequestSession));
        if (!runtime.IsDisposed)
        {
            runtime.EnqueueAggregates(runtime.RequestSessions.Record(status));
        }
    }

    /// <summary>Waits until everything queued so far is delivered, spooled or discarded, then sends the client report.</summary>
    /// <param name="timeout">How long to wait at most.</param>
    /// <param name="cancellationToken">Stops waiting (the sending goes on).</param>
    /// <returns><see langword="true"/> when everything was settled in time.</returns>
    public virtual Task<bool> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Runtime.FlushAsync(timeout, cancellationToken);

    /// <summary>Stops accepting captures, drains the queues for up to <c>ShutdownTimeout</c>, spools (or counts as dropped) what is left, and releases the connection.</summary>
    /// <returns>A task that completes when the client is shut down.</returns>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Shuts the workers down; a derived fake overrides it to release its own resources.</summary>
    /// <returns>A task that completes when the client is shut down.</returns>
    protected virtual ValueTask DisposeAsyncCore()
    {
        _unhandled?.Dispose();
        return _runtime?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>
    /// Captures an exception nobody handled (<c>mechanism.handled = false</c>); when the process is ending, ends the
    /// session as <c>crashed</c> and waits up to <c>UnhandledFlushTimeout</c> for the queues to drain.
    /// </summary>
    internal void CaptureUnhandled(Exception exception, string mechanism, bool terminating)
    {
        if (_runtime is not { IsDisposed: false } runtime)
        {
            return;
        }

        CaptureEvent(new ErrorEvent { Exception = exception, Level = terminating ? EventLevel.Fatal : EventLevel.Error, UnhandledMechanism = mechanism });
        if (!terminating)
        {
            runtime.EnqueueSession(runtime.Sessions.MarkErrored());
            return;
        }

        runtime.EnqueueSession(runtime.Sessions.End("crashed", countError: true));
#pragma warning disable VSTHRD002 // The runtime kills the process when this handler returns: blocking is the only way to deliver.
        runtime.FlushAsync(runtime.Options.UnhandledFlushTimeout, CancellationToken.None).GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
    }

    private CaptureRuntime RequireRelease(string method)
    {
        var runtime = Runtime;
        if (string.IsNullOrWhiteSpace(runtime.Options.Release))
        {
            throw new InvalidOperationException($"{method} needs {nameof(SentryCaptureOptions)}.{nameof(SentryCaptureOptions.Release)}: Sentry drops sessions without a release.");
        }

        return runtime;
    }

    /// <summary>The socket handler of the management pipeline (connection recycling, no redirects), with one connection per send slot (<see cref="SentryCaptureOptions.MaxConcurrentSends"/>) and no response decompression.</summary>
    internal static SocketsHttpHandler CreatePrimaryHandler(SentryCaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = SentryHttpPipeline.CreatePrimaryHandler();
        handler.MaxConnectionsPerServer = Math.Max(1, options.MaxConcurrentSends);

        // No Accept-Encoding on envelope posts: the socket handler does not decompress (the management pipeline
        // decodes its own answers), and envelope answers are a few bytes that are never read.
        return handler;
    }

    /// <summary>Queues one Sentry Logs entry, linked to the current span's trace (or the client's own trace outside one).</summary>
    internal void CaptureLogEntry(EventLevel level, bool isTrace, string body, string? template, IReadOnlyList<KeyValuePair<string, object?>>? parameters, string category)
    {
        if (_runtime is not { IsDisposed: false } runtime)
        {
            return;
        }

        runtime.Counters.AddCaptured(SentryDataCategory.LogItem, 1);
        var span = ActiveSpan.Current;
        var entry = new LogEntry(runtime.Time.GetUtcNow(), span?.TraceId ?? runtime.MetricsTraceId, span?.SpanId, level, isTrace, body, template, parameters, category);
        runtime.Enqueue(new LogWork(entry), null);
    }

    /// <summary>The runtime, or <see langword="null"/> for a fake: integrations then pass everything through.</summary>
    internal CaptureRuntime? RuntimeOrNull => _runtime;

    internal Guid IgnoreNull(string method, string argument)
    {
        if (_runtime is { } runtime)
        {
            CaptureLog.NullArgument(runtime.Logger, method, argument);
        }

        return Guid.Empty;
    }

    private Guid CaptureConfigured(ErrorEvent errorEvent, Action<ErrorEvent>? configure)
    {
        if (configure is not null)
        {
            try
            {
                configure(errorEvent);
            }
#pragma warning disable CA1031 // Capture never throws into the caller.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (_runtime is { } runtime)
                {
                    CaptureLog.ConfigureThrew(runtime.Logger, ex);
                }
            }
        }

        return CaptureEvent(errorEvent);
    }

    private void OnTransactionFinished(TraceTransaction transaction)
    {
        var runtime = Runtime;
        var items = EnvelopePreparer.TransactionItems(transaction);
        foreach (var item in items)
        {
            runtime.Counters.AddCaptured(item.Category, item.Quantity);
        }

        if (!transaction.IsSampled)
        {
            runtime.Discard(items, SentryDiscardReason.SampleRate);
            return;
        }

        if (runtime.IsDisposed)
        {
            runtime.Discard(items, SentryDiscardReason.QueueOverflow);
            return;
        }

        runtime.Enqueue(new TransactionWork(transaction, runtime.Scope.Snapshot), items);
    }

    private void RecordMetric(string type, string name, double value, string? unit, IReadOnlyDictionary<string, string>? tags)
    {
        var runtime = Runtime;
        if (string.IsNullOrEmpty(name) || !double.IsFinite(value))
        {
            CaptureLog.CaptureIgnored(runtime.Logger, $"a {type} metric needs a name and a finite value");
            return;
        }

        if (runtime.IsDisposed)
        {
            return;
        }

        runtime.Counters.AddCaptured(SentryDataCategory.TraceMetric, 1);
        var copy = tags is { Count: > 0 } ? new Dictionary<string, string>(tags, StringComparer.Ordinal) : null;
        // Inside a transaction the value links to its trace and span; outside, to the client's own trace.
        var span = ActiveSpan.Current;
        runtime.Enqueue(new MetricWork(new MetricValue(name, type, value, unit, copy, runtime.Time.GetUtcNow(), span?.TraceId ?? runtime.MetricsTraceId, span?.SpanId)), null);
    }
}
