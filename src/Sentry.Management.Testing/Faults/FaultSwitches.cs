using System.Globalization;

namespace Sentry.Management.Testing;

/// <summary>
/// The faults of one surface (ingestion or management). Every switch stays on until cleared, or for the next
/// <c>times</c> requests when a count is given. Several can be on at once: requests are first limited (concurrency
/// and per-second window), then delayed while holding their slot, then dropped, rate limited or failed.
/// </summary>
public sealed class FaultSwitches
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private CountedFault<(TimeSpan RetryAfter, string[] Categories)>? _rateLimit;
    private CountedFault<int>? _serverError;
    private CountedFault<bool>? _drop;
    private TimeSpan _latency;
    private int? _concurrentLimit;
    private int? _perSecondLimit;
    private int _inFlight;
    private long _windowSecond = long.MinValue;
    private int _windowCount;

    internal FaultSwitches(FaultSurface surface, TimeProvider timeProvider)
    {
        Surface = surface;
        _timeProvider = timeProvider;
    }

    /// <summary>The surface these switches apply to.</summary>
    public FaultSurface Surface { get; }

    /// <summary>
    /// Answers 429 with <c>Retry-After</c> (and, on ingestion, <c>X-Sentry-Rate-Limits</c> naming the categories).
    /// </summary>
    /// <param name="retryAfter">What <c>Retry-After</c> says; at least one second is announced.</param>
    /// <param name="times">How many requests to refuse; <see langword="null"/> until cleared.</param>
    /// <param name="categories">The data categories limited (ingestion), such as <c>error</c> or <c>transaction</c>; none means all.</param>
    /// <returns>These switches, for chaining.</returns>
    public FaultSwitches RateLimit(TimeSpan retryAfter, int? times = null, params string[] categories)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        CheckTimes(times);
        ArgumentNullException.ThrowIfNull(categories);
        lock (_lock)
        {
            _rateLimit = new CountedFault<(TimeSpan, string[])>((retryAfter, [.. categories]), times);
        }

        return this;
    }

    /// <summary>Answers a server error (500 to 599) with Sentry's <c>{"detail": …}</c> body.</summary>
    /// <param name="statusCode">The status code, 500 to 599. Default 503.</param>
    /// <param name="times">How many requests to fail; <see langword="null"/> until cleared.</param>
    /// <returns>These switches, for chaining.</returns>
    public FaultSwitches ServerError(int statusCode = 503, int? times = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        CheckTimes(times);
        lock (_lock)
        {
            _serverError = new CountedFault<int>(statusCode, times);
        }

        return this;
    }

    /// <summary>Closes the connection without answering (the client sees a network error).</summary>
    /// <param name="times">How many requests to drop; <see langword="null"/> until cleared.</param>
    /// <returns>These switches, for chaining.</returns>
    public FaultSwitches DropConnections(int? times = null)
    {
        CheckTimes(times);
        lock (_lock)
        {
            _drop = new CountedFault<bool>(true, times);
        }

        return this;
    }

    /// <summary>Delays every response by <paramref name="latency"/> (slow responses; zero turns it off).</summary>
    /// <param name="latency">The delay added before each request is handled.</param>
    /// <returns>These switches, for chaining.</returns>
    public FaultSwitches Delay(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        lock (_lock)
        {
            _latency = latency;
        }

        return this;
    }

    /// <summary>
    /// Enforces limits as Sentry does: at most <paramref name="concurrent"/> requests in flight and at most
    /// <paramref name="perSecond"/> per one-second window; a request over either gets 429. The management API's
    /// <c>X-Sentry-Rate-Limit-*</c> headers announce the limits and what remains.
    /// </summary>
    /// <param name="concurrent">The most requests in flight; <see langword="null"/> for no limit.</param>
    /// <param name="perSecond">The most requests per second; <see langword="null"/> for no limit.</param>
    /// <returns>These switches, for chaining.</returns>
    public FaultSwitches Limit(int? concurrent = null, int? perSecond = null)
    {
        if (concurrent is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(concurrent), concurrent, "The concurrency limit must be at least 1.");
        }

        if (perSecond is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(perSecond), perSecond, "The per-second limit must be at least 1.");
        }

        lock (_lock)
        {
            _concurrentLimit = concurrent;
            _perSecondLimit = perSecond;
        }

        return this;
    }

    /// <summary>Turns every fault of this surface off.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _rateLimit = null;
            _serverError = null;
            _drop = null;
            _latency = TimeSpan.Zero;
            _concurrentLimit = null;
            _perSecondLimit = null;
        }
    }

    /// <summary>Describes the switches that are on, such as <c>rate-limit 60s x2; delay 50ms</c>.</summary>
    /// <returns>The description, or <c>none</c>.</returns>
    public override string ToString()
    {
        lock (_lock)
        {
            var parts = new List<string>();
            if (_latency > TimeSpan.Zero)
            {
                parts.Add(FormattableString.Invariant($"delay {_latency.TotalMilliseconds}ms"));
            }

            if (_concurrentLimit is not null || _perSecondLimit is not null)
            {
                parts.Add(FormattableString.Invariant($"limit concurrent={_concurrentLimit?.ToString(CultureInfo.InvariantCulture) ?? "-"} per-second={_perSecondLimit?.ToString(CultureInfo.InvariantCulture) ?? "-"}"));
            }

            if (_drop is not null)
            {
                parts.Add("drop" + Times(_drop.Remaining));
            }

            if (_rateLimit is not null)
            {
                var (retryAfter, categories) = _rateLimit.Value;
                parts.Add(FormattableString.Invariant($"rate-limit {retryAfter.TotalSeconds}s") + Times(_rateLimit.Remaining)
                    + (categories.Length > 0 ? " " + string.Join(';', categories) : ""));
            }

            if (_serverError is not null)
            {
                parts.Add(FormattableString.Invariant($"server-error {_serverError.Value}") + Times(_serverError.Remaining));
            }

            return parts.Count == 0 ? "none" : string.Join("; ", parts);
        }
    }

    internal TimeSpan Latency
    {
        get
        {
            lock (_lock)
            {
                return _latency;
            }
        }
    }

    /// <summary>Decides what happens to one request, consuming one use of a counted fault.</summary>
    internal FaultDecision Decide()
    {
        lock (_lock)
        {
            if (_drop is not null && _drop.TryUse(out _))
            {
                if (_drop.Remaining == 0)
                {
                    _drop = null;
                }

                return FaultDecision.Drop;
            }

            if (_rateLimit is not null && _rateLimit.TryUse(out var limit))
            {
                var decision = FaultDecision.RateLimited(limit.RetryAfter, limit.Categories);
                if (_rateLimit.Remaining == 0)
                {
                    _rateLimit = null;
                }

                return decision;
            }

            if (_serverError is not null && _serverError.TryUse(out var status))
            {
                if (_serverError.Remaining == 0)
                {
                    _serverError = null;
                }

                return FaultDecision.Fail(status);
            }

            return FaultDecision.None;
        }
    }

    /// <summary>Admits a request under the concurrency and per-second limits; a lease must be released when it ends.</summary>
    internal LimitLease Admit()
    {
        lock (_lock)
        {
            var second = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
            if (second != _windowSecond)
            {
                _windowSecond = second;
                _windowCount = 0;
            }

            var overConcurrency = _concurrentLimit is { } c && _inFlight >= c;
            var overWindow = _perSecondLimit is { } p && _windowCount >= p;
            var snapshot = new LimitSnapshot(_concurrentLimit, _perSecondLimit, _inFlight, _windowCount, _windowSecond + 1);
            if (overConcurrency || overWindow)
            {
                return new LimitLease(this, admitted: false, snapshot, overConcurrency);
            }

            _inFlight++;
            _windowCount++;
            return new LimitLease(this, admitted: true, snapshot with { InFlight = _inFlight, InWindow = _windowCount }, false);
        }
    }

    internal void Release()
    {
        lock (_lock)
        {
            _inFlight--;
        }
    }

    private static string Times(int? remaining) => remaining is { } r ? FormattableString.Invariant($" x{r}") : "";

    private static void CheckTimes(int? times)
    {
        if (times is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(times), times, "times must be at least 1, or null for until cleared.");
        }
    }

    private sealed class CountedFault<T>(T value, int? times)
    {
        public T Value { get; } = value;

        public int? Remaining { get; private set; } = times;

        public bool TryUse(out T value)
        {
            value = Value;
            if (Remaining is null)
            {
                return true;
            }

            if (Remaining <= 0)
            {
                return false;
            }

            Remaining--;
            return true;
        }
    }
}
