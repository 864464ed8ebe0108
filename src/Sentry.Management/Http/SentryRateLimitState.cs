namespace Sentry.Management;

/// <summary>
/// What Sentry last said about the caller's rate limits, from the <c>X-Sentry-Rate-Limit-*</c> headers of a response.
/// Each value is <see langword="null"/> when the response did not carry that header.
/// </summary>
/// <param name="Limit">Requests allowed in the current window (<c>X-Sentry-Rate-Limit-Limit</c>).</param>
/// <param name="Remaining">Requests left in the current window (<c>X-Sentry-Rate-Limit-Remaining</c>).</param>
/// <param name="ResetsAt">When the window resets (<c>X-Sentry-Rate-Limit-Reset</c>).</param>
/// <param name="ConcurrentLimit">Requests allowed in flight at once (<c>X-Sentry-Rate-Limit-ConcurrentLimit</c>).</param>
/// <param name="ConcurrentRemaining">Concurrent requests left (<c>X-Sentry-Rate-Limit-ConcurrentRemaining</c>).</param>
/// <param name="ObservedAt">When the response carrying these values arrived.</param>
public sealed record SentryRateLimitState(
    int? Limit,
    int? Remaining,
    DateTimeOffset? ResetsAt,
    int? ConcurrentLimit,
    int? ConcurrentRemaining,
    DateTimeOffset ObservedAt);
