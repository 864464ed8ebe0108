using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Capture.Transport;

/// <summary>Something captured and waiting for the sender: only references, nothing processed yet.</summary>
internal abstract class CaptureWork
{
    public abstract string Category { get; }
}

/// <summary>An error or message event with the scope as it was when captured.</summary>
internal sealed class EventWork(ErrorEvent evt, ScopeState scope) : CaptureWork
{
    public ErrorEvent Event { get; } = evt;

    public ScopeState Scope { get; } = scope;

    public override string Category => SentryDataCategory.Error;
}

/// <summary>A finished, sampled transaction.</summary>
internal sealed class TransactionWork(TraceTransaction transaction, ScopeState scope) : CaptureWork
{
    public TraceTransaction Transaction { get; } = transaction;

    public ScopeState Scope { get; } = scope;

    public override string Category => SentryDataCategory.Transaction;
}

/// <summary>One metric value; the sender batches several into one <c>trace_metric</c> item.</summary>
internal sealed class MetricWork(MetricValue metric) : CaptureWork
{
    public MetricValue Metric { get; } = metric;

    public override string Category => SentryDataCategory.TraceMetric;
}

/// <summary>One log entry; the sender batches several into one <c>log</c> item.</summary>
internal sealed class LogWork(LogEntry entry) : CaptureWork
{
    public LogEntry Entry { get; } = entry;

    public override string Category => SentryDataCategory.LogItem;
}

/// <summary>A release-health update: one app-run session (<c>session</c>) or request-session minutes (<c>sessions</c>).</summary>
internal sealed class SessionWork : CaptureWork
{
    public SessionWork(Sessions.SessionUpdate update) => Update = update;

    public SessionWork(Sessions.SessionAggregates aggregates) => Aggregates = aggregates;

    public Sessions.SessionUpdate? Update { get; }

    public Sessions.SessionAggregates? Aggregates { get; }

    public long Quantity => Aggregates?.Total ?? 1;

    public override string Category => SentryDataCategory.Session;
}
