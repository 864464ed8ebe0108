using System.Net;

namespace Sentry.Management;

/// <summary>The parts of a failed Sentry response, from which <see cref="SentryApiException"/> and its subtypes are built.</summary>
public sealed class SentryApiErrorDetails
{
    /// <summary>The HTTP status Sentry answered with.</summary>
    public required HttpStatusCode StatusCode { get; init; }

    /// <summary>The HTTP method of the request.</summary>
    public required string Method { get; init; }

    /// <summary>The path of the request, without host and query string.</summary>
    public required string Path { get; init; }

    /// <summary>Sentry's <c>detail</c> text, if any.</summary>
    public string? Detail { get; init; }

    /// <summary>Sentry's error code, if any.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Errors per field, if any.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The body as text (cut short), if any.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>The response's content type, if any.</summary>
    public string? ContentType { get; init; }

    /// <summary>Whether the body was present but not JSON (an HTML page from a proxy, for instance).</summary>
    public bool BodyWasNotJson { get; init; }

    /// <summary>Sentry's request id, if any.</summary>
    public string? RequestId { get; init; }
}
