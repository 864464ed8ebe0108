using Microsoft.AspNetCore.Http;

namespace Sentry.Management.Testing.Ingestion;

/// <summary>Finds the client key of an ingestion request: <c>X-Sentry-Auth</c> (or <c>Authorization: Sentry …</c>), else the <c>sentry_key</c> query parameter.</summary>
internal static class IngestionAuth
{
    public static string? PublicKey(HttpRequest request)
    {
        foreach (var header in new[] { request.Headers["X-Sentry-Auth"].ToString(), request.Headers.Authorization.ToString() })
        {
            if (FromHeader(header) is { } key)
            {
                return key;
            }
        }

        return request.Query["sentry_key"].ToString() is { Length: > 0 } query ? query : null;
    }

    private static string? FromHeader(string header)
    {
        if (!header.StartsWith("Sentry ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var part in header["Sentry ".Length..].Split(','))
        {
            var pair = part.Trim();
            if (pair.StartsWith("sentry_key=", StringComparison.Ordinal))
            {
                return pair["sentry_key=".Length..].Trim();
            }
        }

        return null;
    }
}
