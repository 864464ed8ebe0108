namespace Sentry.Management.Capture;

/// <summary>
/// A transaction: the root span of a trace, sent to Sentry with its child spans when it finishes.
/// </summary>
/// <remarks>Created by <see cref="SentryCaptureClient.StartTransaction"/>; whether it is sent was decided there by <c>TracesSampleRate</c>.</remarks>
public sealed class SentryTransaction : SentrySpan
{
    private readonly Lock _spansGate = new();
    private readonly List<SentrySpan> _spans = [];
    private readonly Action<SentryTransaction> _onFinish;

    internal SentryTransaction(string name, string operation, bool isSampled, TimeProvider clock, Action<SentryTransaction> onFinish)
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

    internal SentrySpan[] SpansSnapshot
    {
        get
        {
            lock (_spansGate)
            {
                return [.. _spans];
            }
        }
    }

    internal SentrySpan AddChild(string parentSpanId, string operation, string? description)
    {
        var span = new SentrySpan(this, TraceId, parentSpanId, operation, description, Clock.GetUtcNow());
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
    /// <param name="status">The outcome, one of <see cref="SentrySpanStatus"/>; <c>ok</c> by default.</param>
    public override void Finish(string? status = null)
    {
        if (!TryFinish(status, null))
        {
            return;
        }

        foreach (var span in SpansSnapshot)
        {
            span.TryFinish(SentrySpanStatus.DeadlineExceeded, EndTimestamp);
        }

        _onFinish(this);
    }
}
