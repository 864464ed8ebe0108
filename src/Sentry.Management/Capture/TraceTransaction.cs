using Sentry.Management.Capture.Tracing;

namespace Sentry.Management;

/// <summary>
/// A transaction: the root span of a trace, sent to Sentry with its child spans when it finishes.
/// </summary>
/// <remarks>Created by <see cref="SentryCaptureClient.StartTransaction"/>; whether it is sent was decided there by <c>TracesSampleRate</c>.</remarks>
public sealed class TraceTransaction : TraceSpan
{
    private readonly Lock _spansGate = new();
    private readonly List<TraceSpan> _spans = [];
    private readonly Action<TraceTransaction> _onFinish;
    private readonly TraceSpan? _previous;
    private DynamicSamplingContext? _samplingContext;

    internal TraceTransaction(string name, string operation, TraceSampling sampling, TimeProvider clock, Action<TraceTransaction> onFinish, IncomingTrace? parent = null, string nameSource = "custom")
        : base(null, sampling.TraceId, parent?.SpanId, operation, null, clock.GetUtcNow())
    {
        Name = name;
        IsSampled = sampling.IsSampled;
        SampleRandValue = sampling.SampleRand;
        UpstreamContext = sampling.Upstream;
        Clock = clock;
        _onFinish = onFinish;
        EventId = Guid.NewGuid();
        NameSource = nameSource;

        // The transaction becomes the current span of the caller's flow (and of everything it awaits), so outgoing
        // HTTP calls and logs find it without the caller passing it along; Finish puts the previous one back.
        _previous = ActiveSpan.Current;
        ActiveSpan.Current = this;
    }

    /// <summary>The transaction's name, such as the route <c>GET /orders/{id}</c>.</summary>
    public string Name { get; }

    /// <summary>Whether <c>TracesSampleRate</c> kept this transaction; unsampled ones are counted but never sent.</summary>
    public bool IsSampled { get; }

    /// <summary>The event id the transaction is sent under.</summary>
    public Guid EventId { get; }

    private protected override TimeProvider Clock { get; }

    /// <summary>Sentry's <c>transaction_info.source</c>: <c>custom</c> for names given in code, <c>route</c> for normalized URL paths.</summary>
    internal string NameSource { get; }

    /// <summary>The dynamic sampling context of the trace this transaction continues, from its upstream <c>sentry-*</c> baggage (the upstream service owns it).</summary>
    internal DynamicSamplingContext? UpstreamContext { get; }

    /// <summary>The trace's <c>sample_rand</c>: what the sampling decision compared with the rate, propagated to every service of the trace.</summary>
    internal double SampleRandValue { get; }

    /// <summary>The trace's dynamic sampling context, fixed the first time it is asked for: every envelope and outgoing call of the trace carries the same one.</summary>
    internal DynamicSamplingContext SamplingContext(SentryCaptureOptions options, string publicKey) =>
        Volatile.Read(ref _samplingContext)
        ?? Interlocked.CompareExchange(ref _samplingContext, DynamicSamplingContext.For(this, options, publicKey), null)
        ?? _samplingContext!;

    internal TraceSpan[] SpansSnapshot
    {
        get
        {
            lock (_spansGate)
            {
                return [.. _spans];
            }
        }
    }

    internal TraceSpan AddChild(string parentSpanId, string operation, string? description)
    {
        var span = new TraceSpan(this, TraceId, parentSpanId, operation, description, Clock.GetUtcNow());
        if (IsSampled)
        {
            lock (_spansGate)
            {
                _spans.Add(span);
            }
        }

        return span;
    }

    /// <summary>Ends the transaction and hands it to the sender; spans still running are ended as <c>deadline_exceeded</c>.</summary>
    /// <param name="status">The outcome, one of <see cref="TraceSpanStatus"/>; <c>ok</c> by default.</param>
    public override void Finish(string? status = null)
    {
        if (!TryFinish(status, null))
        {
            return;
        }

        foreach (var span in SpansSnapshot)
        {
            span.TryFinish(TraceSpanStatus.DeadlineExceeded, EndTimestamp);
        }

        if (ReferenceEquals(ActiveSpan.Current, this))
        {
            ActiveSpan.Current = _previous;
        }

        _onFinish(this);
    }
}
