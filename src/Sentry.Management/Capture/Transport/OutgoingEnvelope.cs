using System.Runtime.CompilerServices;
using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Capture.Transport;

/// <summary>What an envelope carries, for accounting: items per data category.</summary>
/// <remarks>
/// A class, not a struct: lists of it are read for every envelope, and generic collection code over a struct is not
/// precompiled by the framework, so it ran unoptimized until tiered compilation caught up (docs/benchmarks.md, eighth
/// round). The one-item lists most envelopes carry are shared.
/// </remarks>
internal sealed record ItemCount(string Category, long Quantity)
{
    private static readonly ItemCount[] OneError = [new(SentryDataCategory.Error, 1)];
    private static readonly ItemCount[] OneTransaction = [new(SentryDataCategory.Transaction, 1)];
    private static readonly ItemCount[] OneSession = [new(SentryDataCategory.Session, 1)];
    private static readonly ItemCount[] OneMetric = [new(SentryDataCategory.TraceMetric, 1)];
    private static readonly ItemCount[] OneLog = [new(SentryDataCategory.LogItem, 1)];

    /// <summary>One item of a category, as a list no one changes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<ItemCount> One(string category) => category switch
    {
        SentryDataCategory.Error => OneError,
        SentryDataCategory.Transaction => OneTransaction,
        SentryDataCategory.Session => OneSession,
        SentryDataCategory.TraceMetric => OneMetric,
        SentryDataCategory.LogItem => OneLog,
        _ => [new ItemCount(category, 1)],
    };
}

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
