namespace Sentry.Management.Capture.Protocol;

/// <summary>One recorded metric value, waiting to be batched into a <c>trace_metric</c> item.</summary>
internal sealed record MetricValue(
    string Name,
    string Type,
    double Value,
    string? Unit,
    IReadOnlyDictionary<string, string>? Tags,
    DateTimeOffset Timestamp,
    string TraceId,
    string? SpanId = null);
