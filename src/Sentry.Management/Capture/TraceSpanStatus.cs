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

    /// <summary>The permission was denied (HTTP 403).</summary>
    public const string PermissionDenied = "permission_denied";

    /// <summary>The caller is not authenticated (HTTP 401).</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>Too many requests (HTTP 429).</summary>
    public const string ResourceExhausted = "resource_exhausted";

    /// <summary>The span status Sentry maps an HTTP status code to, as its SDKs do.</summary>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <returns>One of the constants of this class.</returns>
    public static string FromHttpStatus(int statusCode) => statusCode switch
    {
        < 400 => Ok,
        400 => InvalidArgument,
        401 => Unauthenticated,
        403 => PermissionDenied,
        404 => NotFound,
        429 => ResourceExhausted,
        499 => Cancelled,
        < 500 => InvalidArgument,
        503 => Unavailable,
        504 => DeadlineExceeded,
        _ => InternalError,
    };
}
