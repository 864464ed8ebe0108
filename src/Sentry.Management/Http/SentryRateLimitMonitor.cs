namespace Sentry.Management;

/// <summary>
/// Holds the last rate-limit state Sentry reported, shared by every call of one client (one per DI container).
/// Read <see cref="Current"/> to pace bulk work before Sentry starts answering 429.
/// </summary>
public sealed class SentryRateLimitMonitor
{
    private SentryRateLimitState? _current;

    /// <summary>The state from the most recent response that carried rate-limit headers; <see langword="null"/> before any.</summary>
    public SentryRateLimitState? Current => Volatile.Read(ref _current);

    /// <summary>Raised after <see cref="Current"/> changes, on the thread that received the response.</summary>
    public event EventHandler<SentryRateLimitState>? Updated;

    internal void Update(SentryRateLimitState state)
    {
        Volatile.Write(ref _current, state);
        Updated?.Invoke(this, state);
    }
}
