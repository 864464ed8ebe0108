using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Sentry.Management;

/// <summary>
/// What happened to everything captured, per data category: at any quiet moment
/// captured = delivered + discarded + spooled, and once a flush succeeded spooled is 0, so captured = delivered + discarded.
/// </summary>
/// <remarks>
/// Spooled is a transient state, not an outcome: it counts what waits in the spool folder now (including files an
/// earlier run left there), and goes down again as the background drainer delivers or settles each file. Delivered
/// and discarded only ever grow; discarded is what the client reports announce to Sentry.
/// </remarks>
public sealed class SentryCaptureCounters
{
    // Boxes are created once per key, then bumped with Interlocked: counting allocates nothing on the calling thread.
    private readonly ConcurrentDictionary<string, StrongBox<long>> _captured = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> _delivered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> _spooled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Reason, string Category), StrongBox<long>> _discarded = new();

    internal SentryCaptureCounters()
    {
    }

    /// <summary>Items of a category handed to the client (including those sampled out).</summary>
    /// <param name="category">One of <see cref="SentryDataCategory"/>.</param>
    /// <returns>The count.</returns>
    public long Captured(string category) => Read(_captured, category);

    /// <summary>Items of a category Sentry accepted (2xx), including ones sent from the spool.</summary>
    /// <param name="category">One of <see cref="SentryDataCategory"/>.</param>
    /// <returns>The count.</returns>
    public long Delivered(string category) => Read(_delivered, category);

    /// <summary>Items of a category waiting in the spool folder now, to be sent by the background drainer (or a later start).</summary>
    /// <param name="category">One of <see cref="SentryDataCategory"/>.</param>
    /// <returns>The count.</returns>
    public long Spooled(string category) => Read(_spooled, category);

    /// <summary>Items of a category dropped for one reason.</summary>
    /// <param name="reason">One of <see cref="SentryDiscardReason"/>.</param>
    /// <param name="category">One of <see cref="SentryDataCategory"/>.</param>
    /// <returns>The count.</returns>
    public long Discarded(string reason, string category) => Read(_discarded, (reason, category));

    /// <summary>Items of a category dropped for any reason.</summary>
    /// <param name="category">One of <see cref="SentryDataCategory"/>.</param>
    /// <returns>The count.</returns>
    public long DiscardedTotal(string category) => _discarded.Where(p => p.Key.Category == category).Sum(p => Volatile.Read(ref p.Value.Value));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AddCaptured(string category, long quantity) => Add(_captured, category, quantity);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AddDelivered(string category, long quantity) => Add(_delivered, category, quantity);

    internal void AddSpooled(string category, long quantity) => Add(_spooled, category, quantity);

    internal void RemoveSpooled(string category, long quantity) => Add(_spooled, category, -quantity);

    internal void AddDiscarded(string reason, string category, long quantity)
    {
        Add(_discarded, (reason, category), quantity);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Add<TKey>(ConcurrentDictionary<TKey, StrongBox<long>> map, TKey key, long quantity)
        where TKey : notnull
    {
        if (quantity != 0)
        {
            Interlocked.Add(ref map.GetOrAdd(key, static _ => new StrongBox<long>()).Value, quantity);
        }
    }

    private static long Read<TKey>(ConcurrentDictionary<TKey, StrongBox<long>> map, TKey key)
        where TKey : notnull =>
        map.TryGetValue(key, out var box) ? Volatile.Read(ref box.Value) : 0;
}
