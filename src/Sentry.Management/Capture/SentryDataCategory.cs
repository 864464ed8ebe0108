namespace Sentry.Management;

/// <summary>Sentry's data categories: the unit of rate limits, queues and client reports.</summary>
public static class SentryDataCategory
{
    /// <summary>Error and message events.</summary>
    public const string Error = "error";

    /// <summary>Transactions (performance events).</summary>
    public const string Transaction = "transaction";

    /// <summary>Spans inside transactions; counted when a transaction is dropped.</summary>
    public const string Span = "span";

    /// <summary>Trace-connected metrics (<c>trace_metric</c> items).</summary>
    public const string TraceMetric = "trace_metric";

    /// <summary>Sentry Logs entries (<c>log</c> items); rate limits and client reports count each entry.</summary>
    public const string LogItem = "log_item";

    /// <summary>Release-health sessions (<c>session</c> and <c>sessions</c> items); aggregates count each request session.</summary>
    public const string Session = "session";

    /// <summary>The SDK's own data, such as client reports.</summary>
    public const string Internal = "internal";
}
