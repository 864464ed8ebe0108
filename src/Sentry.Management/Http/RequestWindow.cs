namespace Sentry.Management.Http;

/// <summary>
/// What is left of Sentry's per-second window, counted down locally as requests leave. Sentry's
/// <c>X-Sentry-Rate-Limit-Remaining</c> only describes the moment a response was admitted; with several requests in
/// flight, trusting the last response alone sends more than the window holds and earns 429s (measured against the
/// local Sentry's enforced limits: 2,000 concurrent issue fetches got 233 of them, 31 after the first window).
/// </summary>
internal sealed class RequestWindow
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _endsAt;
    private int _allowance;
    private int _inFlight;

    /// <summary>
    /// Takes one request from the window (<see cref="TimeSpan.Zero"/>), or returns how long to wait for its reset when
    /// it has none left. An unknown or ended window lets the request go: the server's next answer says where it stands;
    /// so does a reset further away than <paramref name="maxWait"/>, whose 429 then reaches the caller as before.
    /// </summary>
    internal TimeSpan Take(DateTimeOffset now, TimeSpan maxWait)
    {
        lock (_lock)
        {
            if (_endsAt is { } endsAt && now < endsAt)
            {
                if (_allowance <= 0 && endsAt - now <= maxWait)
                {
                    return endsAt - now;
                }

                _allowance--;
            }

            _inFlight++;
            return TimeSpan.Zero;
        }
    }

    /// <summary>A request taken from the window has its answer; <paramref name="state"/> is what the answer said, if anything.</summary>
    internal void Completed(SentryRateLimitState? state)
    {
        lock (_lock)
        {
            _inFlight--;
            if (state is not { Remaining: { } remaining, ResetsAt: { } resetsAt })
            {
                return;
            }

            // Requests still in flight may have been admitted after this one: count them as spent.
            var left = Math.Max(0, remaining - _inFlight);
            if (_endsAt is not { } endsAt || resetsAt > endsAt)
            {
                _endsAt = resetsAt;
                _allowance = left;
            }
            else if (resetsAt == endsAt)
            {
                _allowance = Math.Min(_allowance, left);
            }
        }
    }
}
