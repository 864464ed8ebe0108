namespace Sentry.Management.Capture.Transport;

/// <summary>What an envelope carries, for accounting: items per data category.</summary>
internal readonly record struct ItemCount(string Category, long Quantity);

/// <summary>A serialized request body and what it accounts for.</summary>
internal sealed record OutgoingEnvelope(byte[] Body, bool Gzipped, IReadOnlyList<ItemCount> Items)
{
    /// <summary>The spool file this envelope came from, deleted once it is delivered.</summary>
    public string? SpoolPath { get; init; }
}
