namespace Sentry.Management.Capture.Sessions;

/// <summary>One <c>session</c> item as it was when taken: the state is copied so the sender never races the app.</summary>
internal sealed record SessionUpdate(
    Guid Sid,
    string? DistinctId,
    bool Init,
    DateTimeOffset Started,
    DateTimeOffset Timestamp,
    string Status,
    int Errors,
    double? Duration,
    string Release,
    string? Environment);

/// <summary>Request sessions of one minute, counted by how they ended.</summary>
internal sealed record SessionBucket(DateTimeOffset Started, long Exited, long Errored, long Crashed, long Abnormal)
{
    public long Total => Exited + Errored + Crashed + Abnormal;
}

/// <summary>One <c>sessions</c> item: the buckets of one release and environment.</summary>
internal sealed record SessionAggregates(IReadOnlyList<SessionBucket> Buckets, string Release, string? Environment)
{
    public long Total => Buckets.Sum(b => b.Total);
}
