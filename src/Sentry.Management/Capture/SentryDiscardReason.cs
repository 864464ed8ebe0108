namespace Sentry.Management;

/// <summary>Why an item was not delivered, as reported to Sentry in <c>client_report</c> items.</summary>
public static class SentryDiscardReason
{
    /// <summary>The category's queue was full.</summary>
    public const string QueueOverflow = "queue_overflow";

    /// <summary>Sentry had rate-limited the category.</summary>
    public const string RateLimitBackoff = "ratelimit_backoff";

    /// <summary>The network failed on every attempt.</summary>
    public const string NetworkError = "network_error";

    /// <summary>Dropped by <c>SampleRate</c>, <c>TracesSampleRate</c> or a sampling filter rule.</summary>
    public const string SampleRate = "sample_rate";

    /// <summary><c>BeforeSend</c> returned <see langword="null"/>.</summary>
    public const string BeforeSend = "before_send";

    /// <summary>An ignoring filter rule matched.</summary>
    public const string EventProcessor = "event_processor";

    /// <summary>Sentry refused the envelope (4xx) or kept answering 5xx.</summary>
    public const string SendError = "send_error";
}
