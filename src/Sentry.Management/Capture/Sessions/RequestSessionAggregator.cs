namespace Sentry.Management.Capture.Sessions;

/// <summary>
/// Request sessions of a server (Sentry's "request mode"), counted per minute: a finished minute is handed out
/// as one <c>sessions</c> item when the next request arrives in a later minute, and everything at a flush.
/// </summary>
internal sealed class RequestSessionAggregator(SentryCaptureOptions options)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<DateTimeOffset, long[]> _buckets = [];

    /// <summary>Counts one request; returns the finished minutes to send, if a new minute began.</summary>
    public SessionAggregates? Record(RequestSessionStatus status)
    {
        var now = options.TimeProvider.GetUtcNow();
        var minute = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        lock (_gate)
        {
            var finished = _buckets.Count > 0 && _buckets.Keys.First() < minute ? TakeBefore(minute) : null;
            if (!_buckets.TryGetValue(minute, out var counts))
            {
                counts = new long[4];
                _buckets[minute] = counts;
            }

            counts[(int)status]++;
            return finished;
        }
    }

    /// <summary>Takes every minute counted so far (flush and shutdown).</summary>
    public SessionAggregates? TakeAll()
    {
        lock (_gate)
        {
            return TakeBefore(DateTimeOffset.MaxValue);
        }
    }

    private SessionAggregates? TakeBefore(DateTimeOffset minute)
    {
        var taken = _buckets.Where(b => b.Key < minute).ToList();
        if (taken.Count == 0)
        {
            return null;
        }

        foreach (var bucket in taken)
        {
            _buckets.Remove(bucket.Key);
        }

        return new SessionAggregates(
            [.. taken.Select(b => new SessionBucket(b.Key, b.Value[0], b.Value[1], b.Value[2], b.Value[3]))],
            options.Release!,
            options.Environment);
    }
}
