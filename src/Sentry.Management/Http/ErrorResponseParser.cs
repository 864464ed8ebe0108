using System.Net;
using System.Text.Json;

namespace Sentry.Management.Http;

/// <summary>Turns a failed response into the matching <see cref="SentryApiException"/>, whatever shape its body has.</summary>
internal static class ErrorResponseParser
{
    private const int MaxBodyChars = 8 * 1024;
    private const string Redacted = "[redacted]";

    internal static async Task<SentryApiException> CreateExceptionAsync(
        HttpRequestMessage request,
        HttpResponseMessage response,
        string? secretToRedact,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var body = response.Content is null
            ? string.Empty
            : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(secretToRedact) && body.Contains(secretToRedact, StringComparison.Ordinal))
        {
            body = body.Replace(secretToRedact, Redacted, StringComparison.Ordinal);
        }

        var contentType = response.Content?.Headers.ContentType?.MediaType;
        var (detail, code, fields, isJson) = Parse(body);
        var details = new SentryApiErrorDetails
        {
            StatusCode = response.StatusCode,
            Method = request.Method.Method,
            Path = request.RequestUri?.AbsolutePath ?? "(unknown)",
            Detail = detail,
            ErrorCode = code,
            FieldErrors = fields,
            ResponseBody = body.Length == 0 ? null : body.Length > MaxBodyChars ? body[..MaxBodyChars] + "…" : body,
            ContentType = contentType,
            BodyWasNotJson = body.Length > 0 && !isJson,
            RequestId = RequestId(response),
        };

        var retryAfter = RateLimitHeaders.RetryAfter(response, now);
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => new SentryNotFoundException(details),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new SentryAuthorizationException(details),
            HttpStatusCode.BadRequest => new SentryValidationException(details),
            HttpStatusCode.TooManyRequests => new SentryRateLimitedException(details, retryAfter, now + retryAfter),
            _ => new SentryApiException(details),
        };
    }

    private static string? RequestId(HttpResponseMessage response)
    {
        foreach (var name in (ReadOnlySpan<string>)["X-Sentry-Request-Id", "X-Request-Id", "Sentry-Trace"])
        {
            if (response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } id)
            {
                return id;
            }
        }

        return null;
    }

    private static (string? Detail, string? Code, IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, bool IsJson) Parse(string body)
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var trimmed = body.AsSpan().TrimStart();
        if (trimmed.IsEmpty || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return (null, null, fields, false);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            string? detail = null;
            string? code = null;
            if (root.ValueKind == JsonValueKind.Array)
            {
                detail = string.Join(" ", Strings(root));
            }
            else if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in root.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case "detail" when property.Value.ValueKind == JsonValueKind.Object:
                            detail = Text(property.Value, "message");
                            code = Text(property.Value, "code");
                            break;
                        case "detail" or "error" or "message" when detail is null:
                            detail = string.Join(" ", Strings(property.Value));
                            break;
                        case "detail" or "error" or "message":
                            break;
                        default:
                            var messages = Strings(property.Value).ToList();
                            if (messages.Count > 0)
                            {
                                fields[property.Name] = messages;
                            }

                            break;
                    }
                }
            }

            return (string.IsNullOrEmpty(detail) ? null : detail, code, fields, true);
        }
        catch (JsonException)
        {
            return (null, null, fields, false);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Flattens a string, an array of strings or a nested object of them (Sentry's field error shapes).</summary>
    private static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var text in Strings(item))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var text in Strings(property.Value))
                    {
                        yield return $"{property.Name}: {text}";
                    }
                }

                break;
        }
    }
}
