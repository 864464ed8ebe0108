namespace Sentry.Management.Testing;

/// <summary>The state of a surface's limits when a request was admitted (or refused), for the rate-limit headers.</summary>
/// <param name="ConcurrentLimit">The concurrency limit, if one is set.</param>
/// <param name="PerSecondLimit">The per-second limit, if one is set.</param>
/// <param name="InFlight">Requests in flight, this one included when admitted.</param>
/// <param name="InWindow">Requests in the current one-second window, this one included when admitted.</param>
/// <param name="ResetUnixSeconds">When the current window ends, in Unix seconds.</param>
internal sealed record LimitSnapshot(int? ConcurrentLimit, int? PerSecondLimit, int InFlight, int InWindow, long ResetUnixSeconds);

/// <summary>A request's admission under the limits; disposing it frees its concurrency slot.</summary>
internal sealed class LimitLease(FaultSwitches owner, bool admitted, LimitSnapshot snapshot, bool overConcurrency) : IDisposable
{
    private int _released;

    public bool Admitted { get; } = admitted;

    /// <summary>Whether a refusal was for concurrency (rather than the per-second window).</summary>
    public bool OverConcurrency { get; } = overConcurrency;

    public LimitSnapshot Snapshot { get; } = snapshot;

    public void Dispose()
    {
        if (Admitted && Interlocked.Exchange(ref _released, 1) == 0)
        {
            owner.Release();
        }
    }
}
