using System.Collections.Concurrent;
using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Capture.Transport;

/// <summary>Discards not yet reported to Sentry; taken for a <c>client_report</c> and put back if that send fails.</summary>
internal sealed class ClientReportRecorder
{
    private readonly ConcurrentDictionary<(string Reason, string Category), long> _pending = new();

    public bool HasPending => !_pending.IsEmpty;

    public void Record(string reason, string category, long quantity)
    {
        if (quantity > 0)
        {
            _pending.AddOrUpdate((reason, category), quantity, (_, old) => old + quantity);
        }
    }

    public List<DiscardCount> TakeAll()
    {
        var taken = new List<DiscardCount>();
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
