using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Capture.Transport;

/// <summary>
/// Something captured and waiting for the sender: only references, nothing processed yet. An error or message event
/// is its own queue entry (<see cref="ErrorEvent"/>, which carries the scope it was captured with), because it is
/// built on the caller's thread for every capture; the other kinds are wrapped in a <see cref="CaptureWork"/>.
/// </summary>
internal interface ICaptureWork
{
    string Category { get; }
}

/// <summary>A captured item other than an error event.</summary>
internal abstract class CaptureWork : ICaptureWork
{
    public abstract string Category { get; }
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
