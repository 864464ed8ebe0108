using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Sentry.Management.Http;

namespace Sentry.Management.Capture.Transport;

/// <summary>
/// Sentry's rate limits per data category, from <c>X-Sentry-Rate-Limits</c>
/// (<c>retry_after:categories:scope:reason</c>, comma-separated; empty categories mean all) or, on a 429
/// without it, <c>Retry-After</c>.
/// </summary>
internal sealed class RateLimiter
{
    private const string AllCategories = "";
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(60);
    private readonly TimeProvider _time;
    // The end of each limit boxed in a class: a dictionary with a struct value is generic code the framework does not
    // precompile, and this one is read for every envelope (docs/benchmarks.md, eighth round).
    private readonly ConcurrentDictionary<string, LimitEnd> _until = new(StringComparer.Ordinal);

    public RateLimiter(TimeProvider time) => _time = time;

    /// <summary>Whether sending this category now would go into a limit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsLimited(string category)
    {
        var now = _time.GetUtcNow();
        return (_until.TryGetValue(category, out var until) && until.At > now)
            || (_until.TryGetValue(AllCategories, out var all) && all.At > now);
    }

    /// <summary>Until when sending this category would go into a limit; <see langword="null"/> when it is free now.</summary>
    /// <remarks>Lets the spool drainer sleep exactly until a limit ends instead of polling.</remarks>
    public DateTimeOffset? LimitedUntil(string category)
    {
        var now = _time.GetUtcNow();
        var until = _until.TryGetValue(category, out var own) && own.At > now ? own.At : (DateTimeOffset?)null;
        if (_until.TryGetValue(AllCategories, out var all) && all.At > now && (until is null || all.At > until))
        {
            until = all.At;
        }

        return until;
    }

    /// <summary>Reads the limits a response announces; a 429 always limits something.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("X-Sentry-Rate-Limits", out var values))
        {
            foreach (var value in values)
            {
                Apply(value);
            }

            return;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // The same Retry-After reading (seconds, fractions, HTTP dates) as the management pipeline.
            Extend(AllCategories, RateLimitHeaders.RetryAfter(response, _time.GetUtcNow()) ?? DefaultRetryAfter);
        }
    }

    /// <summary>Applies one <c>X-Sentry-Rate-Limits</c> header value.</summary>
    public void Apply(string header)
    {
        foreach (var limit in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = limit.Split(':');
            if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
            {
                continue;
            }

            var retryAfter = TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(1).TotalSeconds));
            var categories = parts.Length > 1 ? parts[1] : string.Empty;
            if (categories.Length == 0)
            {
                Extend(AllCategories, retryAfter);
                continue;
            }

            foreach (var category in categories.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Extend(category, retryAfter);
            }
        }
    }

    private void Extend(string category, TimeSpan retryAfter)
    {
        var until = new LimitEnd(_time.GetUtcNow() + retryAfter);
        _until.AddOrUpdate(category, until, (_, old) => old.At > until.At ? old : until);
    }

    private sealed class LimitEnd(DateTimeOffset at)
    {
        public DateTimeOffset At { get; } = at;
    }
}
