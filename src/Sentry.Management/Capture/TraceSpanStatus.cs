namespace Sentry.Management;

/// <summary>The span statuses Sentry understands (a subset of the OpenTelemetry status codes).</summary>
public static class TraceSpanStatus
{
    /// <summary>The operation succeeded.</summary>
    public const string Ok = "ok";

    /// <summary>The operation failed for an unknown reason.</summary>
    public const string InternalError = "internal_error";

    /// <summary>The operation was cancelled.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The deadline passed before the operation finished.</summary>
    public const string DeadlineExceeded = "deadline_exceeded";

    /// <summary>The caller sent bad input.</summary>
    public const string InvalidArgument = "invalid_argument";

    /// <summary>The resource was not found.</summary>
    public const string NotFound = "not_found";

    /// <summary>The service is unavailable.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The status is not known.</summary>
    public const string Unknown = "unknown_error";
}
