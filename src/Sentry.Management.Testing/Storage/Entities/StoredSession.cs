namespace Sentry.Management.Testing.Storage;

/// <summary>
/// A release-health session as it stands after its latest update, or one bucket of pre-aggregated sessions
/// (<see cref="Quantity"/> &gt; 1) as SDKs in server mode send them.
/// </summary>
internal sealed class StoredSession
{
    /// <summary>The session id, or a generated key for an aggregate bucket.</summary>
    public required string Key { get; set; }

    public required string ProjectId { get; set; }

    /// <summary>The distinct id of the user, if the SDK sent one.</summary>
    public string? DistinctId { get; set; }

    public DateTimeOffset Started { get; set; }

    public required string Release { get; set; }

    public string? Environment { get; set; }

    /// <summary><c>ok</c>, <c>exited</c>, <c>errored</c>, <c>crashed</c> or <c>abnormal</c>.</summary>
    public string Status { get; set; } = "ok";

    public long Errors { get; set; }

    public long Quantity { get; set; } = 1;
}
