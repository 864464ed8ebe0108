namespace Sentry.Management.Capture.Protocol;

/// <summary>One log entry, waiting to be batched into a <c>log</c> item; <c>Parameters</c> are the template's values by name, in template order.</summary>
internal sealed record LogEntry(
    DateTimeOffset Timestamp,
    string TraceId,
    string? SpanId,
    EventLevel Level,
    bool IsTrace,
    string Body,
    string? Template,
    IReadOnlyList<KeyValuePair<string, object?>>? Parameters,
    string Category);
