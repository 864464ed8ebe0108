namespace Sentry.Management.Testing.Storage;

/// <summary>A client key (DSN) of a project; ingestion accepts envelopes signed with an active one.</summary>
internal sealed class StoredKey
{
    /// <summary>The public key, 32 hex characters; also the key's id in Sentry's API.</summary>
    public required string Public { get; set; }

    public required string Secret { get; set; }

    public required string ProjectId { get; set; }

    public string Name { get; set; } = "Default";

    public bool IsActive { get; set; } = true;

    public DateTimeOffset DateCreated { get; set; }

    /// <summary>The rate limit's window in seconds; with <see cref="RateLimitCount"/>, or neither.</summary>
    public int? RateLimitWindow { get; set; }

    public int? RateLimitCount { get; set; }
}
