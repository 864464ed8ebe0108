using System.Net;
using System.Text;

namespace Sentry.Management;

/// <summary>
/// Sentry answered a call with an error status. Carries what a caller needs to decide what to do:
/// the status, Sentry's <c>detail</c> or field errors, the request's method and path, the body and the request id.
/// Subtypes exist only where callers act differently: <see cref="SentryNotFoundException"/>,
/// <see cref="SentryAuthorizationException"/>, <see cref="SentryRateLimitedException"/> and
/// <see cref="SentryValidationException"/>.
/// </summary>
public class SentryApiException : Exception
{
    /// <summary>Creates the exception from the parts of a failed response.</summary>
    /// <param name="details">What the response said.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public SentryApiException(SentryApiErrorDetails details, Exception? innerException = null)
        : base(BuildMessage(details), innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        StatusCode = details.StatusCode;
        Method = details.Method;
        Path = details.Path;
        Detail = details.Detail;
        ErrorCode = details.ErrorCode;
        FieldErrors = details.FieldErrors;
        ResponseBody = details.ResponseBody;
        RequestId = details.RequestId;
    }

    /// <summary>The HTTP status Sentry answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The HTTP method of the failed request, such as <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The path of the failed request (no host, no query string), such as <c>/api/0/organizations/acme/</c>.</summary>
    public string Path { get; }

    /// <summary>Sentry's human-readable <c>detail</c> (or <c>error</c>) text, when the body had one.</summary>
    public string? Detail { get; }

    /// <summary>Sentry's machine-readable error code (the <c>detail.code</c> of newer endpoints), when present.</summary>
    public string? ErrorCode { get; }

    /// <summary>Errors per request field, as Sentry's validation answers name them (empty when there are none).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors { get; }

    /// <summary>The response body as text, cut to a few kilobytes; <see langword="null"/> when it was empty.</summary>
    public string? ResponseBody { get; }

    /// <summary>Sentry's request id (<c>X-Sentry-Request-Id</c> or similar), to quote in a support ticket.</summary>
    public string? RequestId { get; }

    private static string BuildMessage(SentryApiErrorDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var text = new StringBuilder();
        text.Append("Sentry API ").Append(details.Method).Append(' ').Append(details.Path)
            .Append(" failed with ").Append((int)details.StatusCode).Append(' ').Append(details.StatusCode);
        if (!string.IsNullOrEmpty(details.Detail))
        {
            text.Append(": ").Append(details.Detail);
        }
        else if (details.BodyWasNotJson && !string.IsNullOrEmpty(details.ResponseBody))
        {
            text.Append(": the response was not JSON (")
                .Append(details.ContentType ?? "no content type")
                .Append("), probably from a proxy or load balancer in front of Sentry");
        }

        foreach (var (field, errors) in details.FieldErrors)
        {
            text.Append(" [").Append(field).Append(": ").AppendJoin(" ", errors).Append(']');
        }

        if (!string.IsNullOrEmpty(details.RequestId))
        {
            text.Append(" (request id ").Append(details.RequestId).Append(')');
        }

        return text.Append('.').ToString();
    }
}

/// <summary>Sentry answered 404: the organization, project, team or resource does not exist or the token cannot see it.</summary>
public sealed class SentryNotFoundException : SentryApiException
{
    /// <summary>Creates the exception from the parts of a 404 response.</summary>
    /// <param name="details">What the response said.</param>
    public SentryNotFoundException(SentryApiErrorDetails details)
        : base(details)
    {
    }
}

/// <summary>
/// Sentry answered 401 (the token is missing, wrong or expired) or 403 (the token lacks a scope or the
/// user lacks access). <see cref="IsForbidden"/> tells which.
/// </summary>
public sealed class SentryAuthorizationException : SentryApiException
{
    /// <summary>Creates the exception from the parts of a 401 or 403 response.</summary>
    /// <param name="details">What the response said.</param>
    public SentryAuthorizationException(SentryApiErrorDetails details)
        : base(details)
    {
    }

    /// <summary><see langword="true"/> for 403 (authenticated, not allowed); <see langword="false"/> for 401 (not authenticated).</summary>
    public bool IsForbidden => StatusCode == HttpStatusCode.Forbidden;
}

/// <summary>Sentry answered 400 with a request the server refused as invalid; see <see cref="SentryApiException.FieldErrors"/>.</summary>
public sealed class SentryValidationException : SentryApiException
{
    /// <summary>Creates the exception from the parts of a 400 response.</summary>
    /// <param name="details">What the response said.</param>
    public SentryValidationException(SentryApiErrorDetails details)
        : base(details)
    {
    }
}

/// <summary>
/// Sentry answered 429 and the client would not wait longer (retries used up, or the reset is further away than
/// <see cref="SentryManagementOptions.MaxRateLimitWait"/>). <see cref="RetryAfter"/> says how long until it may be tried again.
/// </summary>
public sealed class SentryRateLimitedException : SentryApiException
{
    /// <summary>Creates the exception from the parts of a 429 response.</summary>
    /// <param name="details">What the response said.</param>
    /// <param name="retryAfter">How long until the limit resets, when Sentry said.</param>
    /// <param name="resetsAt">When the limit resets, when Sentry said.</param>
    public SentryRateLimitedException(SentryApiErrorDetails details, TimeSpan? retryAfter, DateTimeOffset? resetsAt)
        : base(details)
    {
        RetryAfter = retryAfter;
        ResetsAt = resetsAt;
    }

    /// <summary>The wait until the rate limit resets, from <c>Retry-After</c> or <c>X-Sentry-Rate-Limit-Reset</c>.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The moment the rate limit resets, when known.</summary>
    public DateTimeOffset? ResetsAt { get; }
}
