using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Capture.Transport;

/// <summary>A worker's reusable lists for batching metric values and log entries, so a batch allocates no list.</summary>
internal sealed class WorkerBatches
{
    public List<MetricValue> Metrics { get; } = [];

    public List<LogEntry> Logs { get; } = [];
}
