using Sentry.Management.Capture;

namespace Sentry.Management;

/// <summary>A timed operation inside a transaction (a query, an HTTP call...).</summary>
/// <remarks>Thread-safe to finish from any thread; tags should be set before <see cref="Finish"/>.</remarks>
public class TraceSpan
{
    private readonly Lock _gate = new();
    private Dictionary<string, string>? _tags;

    internal TraceSpan(TraceTransaction? transaction, string traceId, string? parentSpanId, string operation, string? description, DateTimeOffset start)
    {
        Transaction = transaction;
        TraceId = traceId;
        ParentSpanId = parentSpanId;
        SpanId = CaptureIds.NewSpanId();
        Operation = operation;
        Description = description;
        StartTimestamp = start;
    }

    /// <summary>The 32-hex-digit trace id shared by the transaction and all its spans.</summary>
    public string TraceId { get; }

    /// <summary>This span's 16-hex-digit id.</summary>
    public string SpanId { get; }

    /// <summary>The parent span's id: for a transaction, the upstream service's span when it continues a trace, else <see langword="null"/>.</summary>
    public string? ParentSpanId { get; }

    /// <summary>The operation, such as <c>db.query</c> or <c>http.client</c>.</summary>
    public string Operation { get; }

    /// <summary>What exactly ran, such as the SQL statement or the URL.</summary>
    public string? Description { get; set; }

    /// <summary>When the span started.</summary>
    public DateTimeOffset StartTimestamp { get; }

    /// <summary>When the span finished, or <see langword="null"/> while it runs.</summary>
    public DateTimeOffset? EndTimestamp { get; private set; }

    /// <summary>The outcome, one of <see cref="TraceSpanStatus"/>; set by <see cref="Finish"/>.</summary>
    public string? Status { get; private set; }

    /// <summary>Whether <see cref="Finish"/> was called.</summary>
    public bool IsFinished => EndTimestamp is not null;

    internal TraceTransaction? Transaction { get; }

    internal IReadOnlyDictionary<string, string>? TagsSnapshot
    {
        get
        {
            lock (_gate)
            {
                return _tags is null ? null : new Dictionary<string, string>(_tags, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Sets a tag on this span.</summary>
    /// <param name="key">The tag name.</param>
    /// <param name="value">The tag value.</param>
    public void SetTag(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            (_tags ??= new Dictionary<string, string>(StringComparer.Ordinal))[key] = value;
        }
    }

    /// <summary>Starts a child span under this one.</summary>
    /// <param name="operation">The child's operation, such as <c>db.query</c>.</param>
    /// <param name="description">What the child does.</param>
    /// <returns>The running child span.</returns>
    public TraceSpan StartChild(string operation, string? description = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        var owner = Transaction ?? (TraceTransaction)this;
        return owner.AddChild(SpanId, operation, description);
    }

    /// <summary>Ends the span; later calls are ignored.</summary>
    /// <param name="status">The outcome, one of <see cref="TraceSpanStatus"/>; <c>ok</c> by default.</param>
    public virtual void Finish(string? status = null) => TryFinish(status, null);

    internal bool TryFinish(string? status, DateTimeOffset? at)
    {
        lock (_gate)
        {
            if (EndTimestamp is not null)
            {
                return false;
            }

            EndTimestamp = at ?? Clock.GetUtcNow();
            Status = status ?? TraceSpanStatus.Ok;
            return true;
        }
    }

    private protected virtual TimeProvider Clock => Transaction!.Clock;
}
