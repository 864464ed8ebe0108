using Microsoft.AspNetCore.Http;

namespace Sentry.Management.Testing.Ingestion;

/// <summary>
/// Lets browser SDKs post to ingestion from any origin, as Relay does: answers the CORS preflight and marks every
/// ingestion response (faults included) as readable, with the rate-limit headers exposed.
/// </summary>
internal sealed class IngestionCorsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!IsIngestion(path))
        {
            return next(context);
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlExposeHeaders = "X-Sentry-Error, X-Sentry-Rate-Limits, Retry-After";
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            headers.AccessControlAllowMethods = "POST, OPTIONS";
            headers.AccessControlAllowHeaders = "Content-Type, Content-Encoding, X-Sentry-Auth, Authorization";
            headers.AccessControlMaxAge = "3600";
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static bool IsIngestion(string path) =>
        path.StartsWith("/api/", StringComparison.Ordinal) && !path.StartsWith("/api/0/", StringComparison.Ordinal)
        && (path.EndsWith("/envelope/", StringComparison.Ordinal) || path.EndsWith("/store/", StringComparison.Ordinal)
            || path.EndsWith("/envelope", StringComparison.Ordinal) || path.EndsWith("/store", StringComparison.Ordinal));
}
