using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;

namespace Sentry.Management.Testing.Storage;

/// <summary>The default store: everything in memory, gone when the server stops.</summary>
internal sealed class MemoryStore : ILocalStore
{
    private readonly ConcurrentDictionary<string, long> _sequences = new(StringComparer.Ordinal);

    public IStoreCollection<T> Collection<T>(string kind, JsonTypeInfo<T> typeInfo, Func<T, string> key)
        where T : class => new MemoryCollection<T>(key);

    public long NextId(string sequence) => _sequences.AddOrUpdate(sequence, 1, (_, value) => value + 1);

    public void Dispose()
    {
    }
}
