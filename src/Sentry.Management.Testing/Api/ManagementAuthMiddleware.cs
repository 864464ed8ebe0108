using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Sentry.Management.Testing.Hosting;

namespace Sentry.Management.Testing.Api;

/// <summary>Requires <c>Authorization: Bearer &lt;token&gt;</c> on the management API, answering 401 as Sentry does.</summary>
internal sealed class ManagementAuthMiddleware(RequestDelegate next, LocalServerState state)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(ApiRouteBuilder.Prefix, StringComparison.Ordinal))
        {
            return next(context);
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return ApiJson.WriteDetailAsync(context, StatusCodes.Status401Unauthorized, "Authentication credentials were not provided.");
        }

        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || !IsKnown(header[scheme.Length..].Trim()))
        {
            return ApiJson.WriteDetailAsync(context, StatusCodes.Status401Unauthorized, "Invalid token");
        }

        return next(context);
    }

    private bool IsKnown(string token)
    {
        var given = Encoding.UTF8.GetBytes(token);
        var found = false;
        foreach (var stored in state.Data.Tokens.All())
        {
            found |= CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(stored.Token));
        }

        return found;
    }
}
