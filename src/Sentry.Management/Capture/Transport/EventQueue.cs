using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Sentry.Management.Capture.Transport;

/// <summary>
/// The bounded queue of error and message events: a ring under a lock whose array is made for the whole bound up
/// front (up to <see cref="PreallocatedLimit"/> entries), so a burst of captures never grows it on the caller's thread.
/// </summary>
/// <remarks>
/// A bounded channel did the same work with a deque that doubles as it fills, which cost the calling thread 16 bytes
/// per capture through the first burst (docs/benchmarks.md). A bound set higher than the limit makes the ring double
/// past it as the deque did; its array never shrinks, as the deque's did not.
/// </remarks>
internal sealed class EventQueue
{
    /// <summary>Entries made up front at most: 32 KB of references.</summary>
    public const int PreallocatedLimit = 4096;
    private readonly Lock _lock = new();
    private readonly int _capacity;
    private ErrorEvent?[] _items;
    private int _head;
    private int _count;

    public EventQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _items = new ErrorEvent?[Math.Min(capacity, PreallocatedLimit)];
    }

    /// <summary>How many events wait (read without the lock: a moment's view).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Queues an event; <see langword="false"/> when the bound is reached.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryEnqueue(ErrorEvent item)
    {
        lock (_lock)
        {
            var count = _count;
            if (count == _capacity)
            {
                return false;
            }

            if (count == _items.Length)
            {
                Grow();
            }

            var tail = _head + count;
            _items[tail >= _items.Length ? tail - _items.Length : tail] = item;
            Volatile.Write(ref _count, count + 1);
            return true;
        }
    }

    /// <summary>Takes the oldest event; <see langword="false"/> when none waits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryDequeue([NotNullWhen(true)] out ErrorEvent? item)
    {
        // An empty queue is the common case for a worker looking for errors first; it costs no lock.
        if (Volatile.Read(ref _count) == 0)
        {
            item = null;
            return false;
        }

        lock (_lock)
        {
            if (_count == 0)
            {
                item = null;
                return false;
            }

            item = _items[_head]!;
            _items[_head] = null;
            _head = _head + 1 == _items.Length ? 0 : _head + 1;
            Volatile.Write(ref _count, _count - 1);
            return true;
        }
    }

    private void Grow()
    {
        var bigger = new ErrorEvent?[(int)Math.Min(_capacity, (long)_items.Length * 2)];
        for (var i = 0; i < _count; i++)
        {
            bigger[i] = _items[(_head + i) % _items.Length];
        }

        _items = bigger;
        _head = 0;
    }
}
