namespace Sentry.Management.Testing.Storage;

/// <summary>A collection kept in memory, in insertion order.</summary>
internal class MemoryCollection<T> : IStoreCollection<T>
    where T : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Func<T, string> _key;

    public MemoryCollection(Func<T, string> key) => _key = key;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public T? Find(string key)
    {
        lock (_lock)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    public IReadOnlyList<T> All()
    {
        lock (_lock)
        {
            var result = new List<T>(_items.Count);
            foreach (var key in _order)
            {
                result.Add(_items[key]);
            }

            return result;
        }
    }

    public virtual void Upsert(T item) => Put(item);

    public virtual bool Remove(string key)
    {
        lock (_lock)
        {
            if (!_items.Remove(key))
            {
                return false;
            }

            _order.Remove(key);
            return true;
        }
    }

    /// <summary>Stores the item in memory only; a persistent subclass calls it when loading.</summary>
    protected void Put(T item)
    {
        var key = _key(item);
        lock (_lock)
        {
            if (_items.TryAdd(key, item))
            {
                _order.Add(key);
            }
            else
            {
                _items[key] = item;
            }
        }
    }

    protected string KeyOf(T item) => _key(item);
}
