using System.Collections.Concurrent;
using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Capture.Transport;

/// <summary>Discards not yet reported to Sentry; taken for a <c>client_report</c> and put back if that send fails.</summary>
internal sealed class ClientReportRecorder
{
    private readonly ConcurrentDictionary<(string Reason, string Category), long> _pending = new();

    // Read for every envelope prepared (reports ride along): a flag, because ConcurrentDictionary.IsEmpty takes every
    // lock when the dictionary is empty, the common case. Set after adding and cleared before taking, so it is never
    // false while a count waits (at worst true for nothing).
    private int _hasPending;

    public bool HasPending => Volatile.Read(ref _hasPending) != 0;

    public void Record(string reason, string category, long quantity)
    {
        if (quantity > 0)
        {
            _pending.AddOrUpdate((reason, category), quantity, (_, old) => old + quantity);
            Volatile.Write(ref _hasPending, 1);
        }
    }

    public List<DiscardCount> TakeAll()
    {
        var taken = new List<DiscardCount>();
        Interlocked.Exchange(ref _hasPending, 0);
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var quantity) && quantity > 0)
            {
                taken.Add(new DiscardCount(key.Reason, key.Category, quantity));
            }
        }

        return taken;
    }

    public void Restore(IEnumerable<DiscardCount> discards)
    {
        foreach (var discard in discards)
        {
            Record(discard.Reason, discard.Category, discard.Quantity);
        }
    }
}
