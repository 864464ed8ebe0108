using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Capture.Transport;

/// <summary>What an envelope carries, for accounting: items per data category.</summary>
internal readonly record struct ItemCount(string Category, long Quantity);

/// <summary>A serialized request body and what it accounts for.</summary>
internal sealed record OutgoingEnvelope(byte[] Body, bool Gzipped, IReadOnlyList<ItemCount> Items)
{
    private List<DiscardCount>? _reports;

    /// <summary>The discards a <c>client_report</c> item of this envelope carries; taken from the recorder.</summary>
    public List<DiscardCount>? Reports
    {
        get => Volatile.Read(ref _reports);
        init => _reports = value;
    }

    /// <summary>
    /// The envelope before its <c>client_report</c> item, uncompressed: what the spool keeps if the envelope is not
    /// delivered, so the report is never sent twice. Only kept when the envelope carries a report and a spool is set.
    /// </summary>
    public byte[]? WithoutReports { get; init; }

    /// <summary>Takes the carried discards back once (the envelope was not delivered); later calls get none.</summary>
    public List<DiscardCount>? TakeReports() => Interlocked.Exchange(ref _reports, null);
}
