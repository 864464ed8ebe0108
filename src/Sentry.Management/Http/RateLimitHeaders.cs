using System.Globalization;
using System.Net.Http.Headers;

namespace Sentry.Management.Http;

/// <summary>Reads Sentry's rate-limit headers; tolerant of missing or malformed values (they count as absent).</summary>
internal static class RateLimitHeaders
{
    internal const string Limit = "X-Sentry-Rate-Limit-Limit";
    internal const string Remaining = "X-Sentry-Rate-Limit-Remaining";
    internal const string Reset = "X-Sentry-Rate-Limit-Reset";
    internal const string ConcurrentLimit = "X-Sentry-Rate-Limit-ConcurrentLimit";
    internal const string ConcurrentRemaining = "X-Sentry-Rate-Limit-ConcurrentRemaining";

    /// <summary>Returns the state the response announces, or <see langword="null"/> when it has no rate-limit header.</summary>
    internal static SentryRateLimitState? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var headers = response.Headers;
        var limit = ReadInt(headers, Limit);
        var remaining = ReadInt(headers, Remaining);
        var reset = ReadReset(headers);
        var concurrentLimit = ReadInt(headers, ConcurrentLimit);
        var concurrentRemaining = ReadInt(headers, ConcurrentRemaining);
        if (limit is null && remaining is null && reset is null && concurrentLimit is null && concurrentRemaining is null)
        {
            return null;
        }

        return new SentryRateLimitState(limit, remaining, reset, concurrentLimit, concurrentRemaining, now);
    }

    /// <summary>
    /// How long to wait before trying again after a 429: <c>Retry-After</c> (seconds or an HTTP date) first,
    /// then <c>X-Sentry-Rate-Limit-Reset</c>; <see langword="null"/> when neither says.
    /// </summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            return Clamp(date - now);
        }

        // Sentry sometimes sends fractional seconds, which HttpResponseHeaders will not parse as Retry-After.
        if (response.Headers.TryGetValues("Retry-After", out var raw)
            && double.TryParse(raw.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds))
        {
            return Clamp(TimeSpan.FromSeconds(seconds));
        }

        return ReadReset(response.Headers) is { } reset ? Clamp(reset - now) : null;
    }

    private static TimeSpan Clamp(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;

    private static DateTimeOffset? ReadReset(HttpResponseHeaders headers)
    {
        if (First(headers, Reset) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epochSeconds)
            && double.IsFinite(epochSeconds) && epochSeconds > 0 && epochSeconds < 253_402_300_799)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(epochSeconds * 1000));
        }

        return null;
    }

    private static int? ReadInt(HttpResponseHeaders headers, string name) =>
        First(headers, name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>The first value of a header, read without validation so that a lookup allocates nothing but the value it returns.</summary>
    private static string? First(HttpResponseHeaders headers, string name)
    {
        if (!headers.NonValidated.TryGetValues(name, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            return value;
        }

        return null;
    }
}
