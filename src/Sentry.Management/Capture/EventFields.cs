using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Sentry.Management.Capture;

/// <summary>
/// The tags and extras of one <see cref="ErrorEvent"/>: the object behind <see cref="ErrorEvent.Tags"/> (and, through a
/// small view, <see cref="ErrorEvent.Extra"/>), holding up to <see cref="InlineCapacity"/> entries of either kind in place.
/// </summary>
/// <remarks>
/// A capture runs on the caller's thread, and two dictionaries (with their bucket and entry arrays, resized on the
/// way to five entries) were most of what it allocated. Events carry a handful of fields, so a linear search over
/// eight slots is as fast as hashing; beyond that, every entry moves to two dictionaries, one per kind, which the first
/// slot then points to (so the object needs no field for them). Insertion order is kept, which is the order the
/// payload writer emits. Not thread-safe, like the dictionaries it replaces. The setters are compiled optimized at
/// once: errors are rare, so they may never be called often enough to tier up, and the dictionaries they replace come
/// precompiled with the framework.
/// </remarks>
internal sealed class EventFields : IDictionary<string, string>
{
    public const int InlineCapacity = 8; // One bit per slot in _tagMask, a byte.
    private const byte SpilledCount = byte.MaxValue; // _count when the entries live in the Spills of slot 0.
    private Slots _slots;
    private byte _count;
    private byte _tagMask; // Bit i set: slot i holds a tag (its value is a string); clear: an extra.
    private int _version;
    private ExtraView? _extraView;

    // Made only when the slots overflow, which most events never do.
    private Spills? SpillsOrNull => _count == SpilledCount ? (Spills)_slots[0].Value! : null;

    private Dictionary<string, string>? TagSpill => SpillsOrNull?.Tags;

    private Dictionary<string, object?>? ExtraSpill => SpillsOrNull?.Extras;

    public int TagCount => TagSpill?.Count ?? BitCount(_tagMask);

    public int ExtraCount => ExtraSpill?.Count ?? _count - BitCount(_tagMask);

    /// <summary>Whether a tag with this key is set (the writer asks for every scope tag).</summary>
    public bool HasTag(string key) => TagSpill?.ContainsKey(key) ?? IndexOf(key, tag: true) >= 0;

    public bool HasExtra(string key) => ExtraSpill?.ContainsKey(key) ?? IndexOf(key, tag: false) >= 0;

    /// <summary>The extras as a dictionary (<see cref="ErrorEvent.Extra"/>); this object itself is <see cref="ErrorEvent.Tags"/>.</summary>
    public IDictionary<string, object?> ExtraDictionary => _extraView ??= new ExtraView(this);

    /// <summary>Sets an extra without the <see cref="ExtraDictionary"/> view (the fluent chain's path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetExtra(string key, object? value) => SetExtra(key, value, add: false);

    /// <summary>The tags in insertion order, without allocating.</summary>
    public Walk<string> Tags => new(this, tag: true);

    /// <summary>The extras in insertion order, without allocating.</summary>
    public Walk<object?> Extras => new(this, tag: false);

    // ---- IDictionary<string, string>: the tags ----

    string IDictionary<string, string>.this[string key]
    {
        get => TryGetTag(key, out var value) ? value : throw new KeyNotFoundException($"The tag '{key}' is not set.");
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        set => SetTag(key, value, add: false);
    }

    ICollection<string> IDictionary<string, string>.Keys => Snapshot<string>(tag: true, keys: true);

    ICollection<string> IDictionary<string, string>.Values => Snapshot<string>(tag: true, keys: false);

    int ICollection<KeyValuePair<string, string>>.Count => TagCount;

    bool ICollection<KeyValuePair<string, string>>.IsReadOnly => false;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void IDictionary<string, string>.Add(string key, string value) => SetTag(key, value, add: true);

    void ICollection<KeyValuePair<string, string>>.Add(KeyValuePair<string, string> item) => SetTag(item.Key, item.Value, add: true);

    bool IDictionary<string, string>.ContainsKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return HasTag(key);
    }

    bool IDictionary<string, string>.TryGetValue(string key, [MaybeNullWhen(false)] out string value) => TryGetTag(key, out value);

    bool IDictionary<string, string>.Remove(string key) => Remove(key, tag: true);

    bool ICollection<KeyValuePair<string, string>>.Remove(KeyValuePair<string, string> item) =>
        TryGetTag(item.Key, out var value) && string.Equals(value, item.Value, StringComparison.Ordinal) && Remove(item.Key, tag: true);

    bool ICollection<KeyValuePair<string, string>>.Contains(KeyValuePair<string, string> item) =>
        TryGetTag(item.Key, out var value) && string.Equals(value, item.Value, StringComparison.Ordinal);

    void ICollection<KeyValuePair<string, string>>.Clear() => Clear(tag: true);

    void ICollection<KeyValuePair<string, string>>.CopyTo(KeyValuePair<string, string>[] array, int arrayIndex) => CopyTo(Tags, array, arrayIndex);

    IEnumerator<KeyValuePair<string, string>> IEnumerable<KeyValuePair<string, string>>.GetEnumerator() => Enumerate(Tags);

    IEnumerator IEnumerable.GetEnumerator() => Enumerate(Tags);

    // ---- storage ----

    private bool TryGetTag(string key, [MaybeNullWhen(false)] out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (TagSpill is not null)
        {
            return TagSpill.TryGetValue(key, out value);
        }

        var i = IndexOf(key, tag: true);
        value = i >= 0 ? (string)_slots[i].Value! : null;
        return i >= 0;
    }

    private bool TryGetExtra(string key, out object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (ExtraSpill is not null)
        {
            return ExtraSpill.TryGetValue(key, out value);
        }

        var i = IndexOf(key, tag: false);
        value = i >= 0 ? _slots[i].Value : null;
        return i >= 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SetTag(string key, string value, bool add)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _version++;
        if (TagSpill is not null)
        {
            SetSpilled(TagSpill, key, value, add);
            return;
        }

        if (!SetInline(key, value, tag: true, add))
        {
            SetSpilled(SpillAll().Tags, key, value, add);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SetExtra(string key, object? value, bool add)
    {
        ArgumentNullException.ThrowIfNull(key);
        _version++;
        if (ExtraSpill is not null)
        {
            SetSpilled(ExtraSpill, key, value, add);
            return;
        }

        if (!SetInline(key, value, tag: false, add))
        {
            SetSpilled(SpillAll().Extras, key, value, add);
        }
    }

    private static void SetSpilled<T>(Dictionary<string, T> spill, string key, T value, bool add)
    {
        if (add)
        {
            spill.Add(key, value);
        }
        else
        {
            spill[key] = value;
        }
    }

    /// <returns><see langword="false"/> when the slots are full and the key is new.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SetInline(string key, object? value, bool tag, bool add)
    {
        var i = IndexOf(key, tag);
        if (i >= 0)
        {
            if (add)
            {
                throw new ArgumentException($"An entry with the key '{key}' is already set.", nameof(key));
            }

            _slots[i] = new(key, value);
            return true;
        }

        if (_count == InlineCapacity)
        {
            return false;
        }

        _slots[_count] = new(key, value);
        if (tag)
        {
            _tagMask |= (byte)(1 << _count);
        }

        _count++;
        return true;
    }

    /// <summary>Moves every inline entry to the dictionary of its kind, keeping their order, and points slot 0 at them.</summary>
    private Spills SpillAll()
    {
        var spills = new Spills();
        for (var i = 0; i < _count; i++)
        {
            if (IsTag(i))
            {
                spills.Tags.Add(_slots[i].Key, (string)_slots[i].Value!);
            }
            else
            {
                spills.Extras.Add(_slots[i].Key, _slots[i].Value);
            }
        }

        _slots = default;
        _slots[0] = new(string.Empty, spills);
        _tagMask = 0;
        _count = SpilledCount;
        return spills;
    }

    private bool Remove(string key, bool tag)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (SpillsOrNull is { } spills)
        {
            var removed = tag ? spills.Tags.Remove(key) : spills.Extras.Remove(key);
            _version += removed ? 1 : 0;
            return removed;
        }

        var i = IndexOf(key, tag);
        if (i < 0)
        {
            return false;
        }

        _version++;
        RemoveAt(i);
        return true;
    }

    private void RemoveAt(int index)
    {
        for (var i = index; i < _count - 1; i++)
        {
            _slots[i] = _slots[i + 1];
        }

        _count--;
        _slots[_count] = default;
        var below = (1 << index) - 1;
        _tagMask = (byte)((_tagMask & below) | ((_tagMask >> 1) & ~below));
    }

    private void Clear(bool tag)
    {
        _version++;
        if (SpillsOrNull is { } spills)
        {
            if (tag)
            {
                spills.Tags.Clear();
            }
            else
            {
                spills.Extras.Clear();
            }

            return;
        }

        for (var i = _count - 1; i >= 0; i--)
        {
            if (IsTag(i) == tag)
            {
                RemoveAt(i);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int IndexOf(string key, bool tag)
    {
        for (var i = 0; i < _count; i++)
        {
            if (IsTag(i) == tag && string.Equals(_slots[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsTag(int index) => (_tagMask & (1 << index)) != 0;

    private static int BitCount(int mask) => System.Numerics.BitOperations.PopCount((uint)mask);

    private ReadOnlyCollectionOf<T> Snapshot<T>(bool tag, bool keys)
    {
        var result = new List<T>();
        if (tag)
        {
            foreach (var (key, value) in Tags)
            {
                result.Add((T)(object)(keys ? key : value));
            }
        }
        else
        {
            foreach (var (key, value) in Extras)
            {
                result.Add(keys ? (T)(object)key : (T)value!);
            }
        }

        return new ReadOnlyCollectionOf<T>(result);
    }

    private static void CopyTo<T>(Walk<T> walk, KeyValuePair<string, T>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(arrayIndex);
        foreach (var pair in walk)
        {
            array[arrayIndex++] = pair;
        }
    }

    private static IEnumerator<KeyValuePair<string, T>> Enumerate<T>(Walk<T> walk)
    {
        foreach (var pair in walk)
        {
            yield return pair;
        }
    }

    /// <summary>The entries of one kind, in insertion order; throws like a dictionary when the fields change meanwhile.</summary>
    internal readonly struct Walk<T>(EventFields fields, bool tag)
    {
        public Enumerator GetEnumerator() => new(fields, tag);

        public struct Enumerator
        {
            private readonly EventFields _fields;
            private readonly bool _tag;
            private readonly int _version;
            private Dictionary<string, T>.Enumerator _spill;
            private readonly bool _spilled;
            private int _index;

            internal Enumerator(EventFields fields, bool tag)
            {
                _fields = fields;
                _tag = tag;
                _version = fields._version;
                _index = -1;
                var spill = tag ? (Dictionary<string, T>?)(object?)fields.TagSpill : (Dictionary<string, T>?)(object?)fields.ExtraSpill;
                _spilled = spill is not null;
                _spill = spill?.GetEnumerator() ?? default;
                Current = default;
            }

            public KeyValuePair<string, T> Current { get; private set; }

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public bool MoveNext()
            {
                if (_fields._version != _version)
                {
                    throw new InvalidOperationException("The event's tags or extras changed while they were enumerated.");
                }

                if (_spilled)
                {
                    var more = _spill.MoveNext();
                    Current = more ? _spill.Current : default;
                    return more;
                }

                while (++_index < _fields._count)
                {
                    if (_fields.IsTag(_index) == _tag)
                    {
                        var slot = _fields._slots[_index];
                        Current = new(slot.Key, (T)slot.Value!);
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>The extras side of the fields (a dictionary view of its own, so each enumerates one kind).</summary>
    private sealed class ExtraView(EventFields fields) : IDictionary<string, object?>
    {
        private readonly EventFields _fields = fields;

        object? IDictionary<string, object?>.this[string key]
        {
            get => _fields.TryGetExtra(key, out var value) ? value : throw new KeyNotFoundException($"The extra '{key}' is not set.");
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            set => _fields.SetExtra(key, value, add: false);
        }

        ICollection<string> IDictionary<string, object?>.Keys => _fields.Snapshot<string>(tag: false, keys: true);

        ICollection<object?> IDictionary<string, object?>.Values => _fields.Snapshot<object?>(tag: false, keys: false);

        int ICollection<KeyValuePair<string, object?>>.Count => _fields.ExtraCount;

        bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void IDictionary<string, object?>.Add(string key, object? value) => _fields.SetExtra(key, value, add: true);

        void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => _fields.SetExtra(item.Key, item.Value, add: true);

        bool IDictionary<string, object?>.ContainsKey(string key)
        {
            ArgumentNullException.ThrowIfNull(key);
            return _fields.HasExtra(key);
        }

        bool IDictionary<string, object?>.TryGetValue(string key, out object? value) => _fields.TryGetExtra(key, out value);

        bool IDictionary<string, object?>.Remove(string key) => _fields.Remove(key, tag: false);

        bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
            _fields.TryGetExtra(item.Key, out var value) && Equals(value, item.Value) && _fields.Remove(item.Key, tag: false);

        bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
            _fields.TryGetExtra(item.Key, out var value) && Equals(value, item.Value);

        void ICollection<KeyValuePair<string, object?>>.Clear() => _fields.Clear(tag: false);

        void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) => CopyTo(_fields.Extras, array, arrayIndex);

        IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator() => Enumerate(_fields.Extras);

        IEnumerator IEnumerable.GetEnumerator() => Enumerate(_fields.Extras);
    }

    private sealed class Spills
    {
        public readonly Dictionary<string, string> Tags = new(InlineCapacity * 2, StringComparer.Ordinal);
        public readonly Dictionary<string, object?> Extras = new(InlineCapacity * 2, StringComparer.Ordinal);
    }

    [InlineArray(InlineCapacity)]
    private struct Slots
    {
        private KeyValuePair<string, object?> _first;
    }

    /// <summary>A read-only copy, as the <c>Keys</c> and <c>Values</c> of a dictionary are read-only.</summary>
    private sealed class ReadOnlyCollectionOf<T>(List<T> items) : System.Collections.ObjectModel.ReadOnlyCollection<T>(items);
}
