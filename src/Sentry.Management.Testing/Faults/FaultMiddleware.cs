using System.Globalization;
using Microsoft.AspNetCore.Http;
using Sentry.Management.Testing.Api;
using Sentry.Management.Testing.Hosting;

namespace Sentry.Management.Testing.Faults;

/// <summary>
/// Applies a surface's fault switches before the request reaches its endpoint: limits, then the delay (holding its slot), then a dropped
/// connection, a 429 or a 5xx. The management API always gets the <c>X-Sentry-Rate-Limit-*</c> headers.
/// </summary>
internal sealed class FaultMiddleware(RequestDelegate next, LocalServerState state)
{
    /// <summary>The key under which an ingestion rate limit for some categories only is handed to the ingestion handler.</summary>
    public const string CategoryLimitItem = "sentry-local.category-rate-limit";

    // Announced when no limit is set: generous, like Sentry's defaults for an organization token, and not enforced.
    private const int DefaultPerSecond = 1000;
    private const int DefaultConcurrent = 100;

    public async Task InvokeAsync(HttpContext context)
    {
        var surface = SurfaceOf(context.Request.Path);
        if (surface is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var switches = surface == FaultSurface.Management ? state.Faults.Management : state.Faults.Ingestion;
        using var lease = switches.Admit();

        // The slot is freed as the answer starts, as Sentry's middleware ends a request before its answer is sent: a
        // client that sends its next request the moment an answer arrives must find the slot free. (Freed only when
        // the request ends, it was still taken now and then: 0 to 8 late 429s in 2,000 paced calls.)
        context.Response.OnStarting(static l => { ((LimitLease)l).Dispose(); return Task.CompletedTask; }, lease);
        if (surface == FaultSurface.Management)
        {
            WriteRateLimitHeaders(context.Response, lease.Snapshot);
        }

        if (!lease.Admitted)
        {
            var retryAfter = lease.OverConcurrency ? 1 : Math.Max(1, lease.Snapshot.ResetUnixSeconds - state.Now.ToUnixTimeSeconds());
            await RefuseAsync(context, surface.Value, TimeSpan.FromSeconds(retryAfter), [],
                lease.OverConcurrency ? "Too many concurrent requests." : "You are attempting to use this endpoint too frequently. Limit is exceeded.").ConfigureAwait(false);
            return;
        }

        // The delay is spent holding a concurrency slot, as a slow server holds its workers.
        if (switches.Latency is { } latency && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, state.TimeProvider, context.RequestAborted).ConfigureAwait(false);
        }

        var decision = switches.Decide();
        switch (decision.Kind)
        {
            case FaultKind.Drop:
                context.Abort();
                return;
            case FaultKind.RateLimit when surface == FaultSurface.Ingestion && decision.Categories.Count > 0:
                // Relay limits per category: the handler drops only the limited items and says so in the header.
                context.Items[CategoryLimitItem] = decision;
                break;
            case FaultKind.RateLimit:
                await RefuseAsync(context, surface.Value, decision.RetryAfter, decision.Categories,
                    "You are attempting to use this endpoint too frequently. Limit is exceeded.").ConfigureAwait(false);
                return;
            case FaultKind.ServerError:
                await ApiJson.WriteDetailAsync(context, decision.StatusCode, "Internal Error").ConfigureAwait(false);
                return;
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>Relay's header for limited categories: <c>{seconds}:{cat;cat}:{scope}:{reason}</c>, empty categories meaning all.</summary>
    public static string RateLimitsHeader(TimeSpan retryAfter, IReadOnlyList<string> categories) =>
        string.Create(CultureInfo.InvariantCulture, $"{Seconds(retryAfter)}:{string.Join(';', categories)}:organization:local_fault");

    public static long Seconds(TimeSpan retryAfter) => Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));

    private static FaultSurface? SurfaceOf(PathString path)
    {
        if (path.StartsWithSegments(ApiRouteBuilder.Prefix, StringComparison.Ordinal))
        {
            return FaultSurface.Management;
        }

        var value = path.Value ?? "";
        return value.StartsWith("/api/", StringComparison.Ordinal) && (value.Contains("/envelope", StringComparison.Ordinal) || value.Contains("/store", StringComparison.Ordinal))
            ? FaultSurface.Ingestion
            : null;
    }

    private static async Task RefuseAsync(HttpContext context, FaultSurface surface, TimeSpan retryAfter, IReadOnlyList<string> categories, string detail)
    {
        context.Response.Headers.RetryAfter = Seconds(retryAfter).ToString(CultureInfo.InvariantCulture);
        if (surface == FaultSurface.Ingestion)
        {
            context.Response.Headers["X-Sentry-Rate-Limits"] = RateLimitsHeader(retryAfter, categories);
        }

        await ApiJson.WriteDetailAsync(context, StatusCodes.Status429TooManyRequests, detail).ConfigureAwait(false);
    }

    private static void WriteRateLimitHeaders(HttpResponse response, LimitSnapshot snapshot)
    {
        var perSecond = snapshot.PerSecondLimit ?? DefaultPerSecond;
        var concurrent = snapshot.ConcurrentLimit ?? DefaultConcurrent;
        var headers = response.Headers;
        headers["X-Sentry-Rate-Limit-Limit"] = perSecond.ToString(CultureInfo.InvariantCulture);
        headers["X-Sentry-Rate-Limit-Remaining"] = Math.Max(0, perSecond - snapshot.InWindow).ToString(CultureInfo.InvariantCulture);
        headers["X-Sentry-Rate-Limit-Reset"] = snapshot.ResetUnixSeconds.ToString(CultureInfo.InvariantCulture);
        headers["X-Sentry-Rate-Limit-ConcurrentLimit"] = concurrent.ToString(CultureInfo.InvariantCulture);
        headers["X-Sentry-Rate-Limit-ConcurrentRemaining"] = Math.Max(0, concurrent - snapshot.InFlight).ToString(CultureInfo.InvariantCulture);
    }
}
