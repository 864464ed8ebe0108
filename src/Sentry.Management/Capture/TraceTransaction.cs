using Sentry.Management.Capture;

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

    internal TraceTransaction(string name, string operation, bool isSampled, TimeProvider clock, Action<TraceTransaction> onFinish)
        : base(null, CaptureIds.NewTraceId(), null, operation, null, clock.GetUtcNow())
    {
        Name = name;
        IsSampled = isSampled;
        Clock = clock;
        _onFinish = onFinish;
        EventId = Guid.NewGuid();
    }

    /// <summary>The transaction's name, such as the route <c>GET /orders/{id}</c>.</summary>
    public string Name { get; }

    /// <summary>Whether <c>TracesSampleRate</c> kept this transaction; unsampled ones are counted but never sent.</summary>
    public bool IsSampled { get; }

    /// <summary>The event id the transaction is sent under.</summary>
    public Guid EventId { get; }

    private protected override TimeProvider Clock { get; }

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

        _onFinish(this);
    }
}
