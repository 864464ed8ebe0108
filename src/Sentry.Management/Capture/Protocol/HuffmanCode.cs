using System.Runtime.CompilerServices;

namespace Sentry.Management.Capture.Protocol;

/// <summary>
/// A length-limited canonical Huffman code for one deflate alphabet (RFC 1951 3.2.2), rebuilt from symbol counts for
/// every block into arrays it owns. Codes are stored bit-reversed, as deflate sends them from the least significant end.
/// </summary>
internal sealed class HuffmanCode
{
    private const int MaxBits = 15;
    private readonly long[] _sorted;
    private readonly int[] _weights;
    private readonly int[] _parents;
    private readonly int[] _lengthCounts = new int[MaxBits + 2];
    private readonly ushort[] _next = new ushort[MaxBits + 2];

    public HuffmanCode(int symbols)
    {
        Lengths = new byte[symbols];
        Codes = new ushort[symbols];
        _sorted = new long[symbols];
        _weights = new int[2 * symbols];
        _parents = new int[2 * symbols];
    }

    /// <summary>Each symbol's code length in bits; 0 for a symbol the block does not use.</summary>
    public byte[] Lengths { get; }

    /// <summary>Each symbol's code, bit-reversed.</summary>
    public ushort[] Codes { get; }

    /// <summary>How many symbols the header must list: up to the last with a code, and at least <paramref name="minimum"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int UsedLength(int minimum)
    {
        var used = Lengths.Length;
        while (used > minimum && Lengths[used - 1] == 0)
        {
            used--;
        }

        return used;
    }

    /// <summary>
    /// Builds the code for <paramref name="frequencies"/> with no code longer than <paramref name="maxBits"/>. Fewer than
    /// two used symbols still get two one-bit codes, so the code is complete, as every inflater accepts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Build(ReadOnlySpan<int> frequencies, int maxBits)
    {
        Array.Clear(Lengths);
        var used = 0;
        for (var symbol = 0; symbol < frequencies.Length; symbol++)
        {
            if (frequencies[symbol] > 0)
            {
                // Frequency first, then symbol: a stable order, so the same counts always give the same code.
                _sorted[used++] = ((long)frequencies[symbol] << 16) | (uint)symbol;
            }
        }

        if (used < 2)
        {
            var only = used == 1 ? (int)(_sorted[0] & 0xffff) : 0;
            Lengths[only] = 1;
            Lengths[only == 0 ? 1 : 0] = 1;
            AssignCodes();
            return;
        }

        var sorted = _sorted.AsSpan(0, used);
        ShellSort(sorted);
        Depths(sorted, maxBits);
        AssignCodes();
    }

    /// <summary>Huffman's construction over the sorted leaves (two queues: leaves, then merged nodes in order), then lengths limited to <paramref name="maxBits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Depths(ReadOnlySpan<long> sorted, int maxBits)
    {
        var leaves = sorted.Length;
        var weights = _weights;
        var parents = _parents;
        for (var i = 0; i < leaves; i++)
        {
            weights[i] = (int)(sorted[i] >> 16);
        }

        var nextLeaf = 0;
        var nextNode = leaves;
        var created = leaves;
        for (var merges = 0; merges < leaves - 1; merges++)
        {
            var a = nextLeaf < leaves && (nextNode >= created || weights[nextLeaf] <= weights[nextNode]) ? nextLeaf++ : nextNode++;
            var b = nextLeaf < leaves && (nextNode >= created || weights[nextLeaf] <= weights[nextNode]) ? nextLeaf++ : nextNode++;
            weights[created] = weights[a] + weights[b];
            parents[a] = created;
            parents[b] = created;
            created++;
        }

        // Depths from the root down: a node's parent was made after it, so it has a larger index. The weights array
        // is reused for depths.
        var root = created - 1;
        weights[root] = 0;
        for (var node = root - 1; node >= 0; node--)
        {
            weights[node] = weights[parents[node]] + 1;
        }

        // Count the leaves per length, the too long ones at the limit, then make the code complete again (Kraft sum
        // exactly one): take a leaf off the limit and split the deepest shorter one, each step lowering the sum by one.
        var counts = _lengthCounts;
        Array.Clear(counts);
        for (var i = 0; i < leaves; i++)
        {
            counts[Math.Min(weights[i], maxBits)]++;
        }

        var total = 0L;
        for (var length = 1; length <= maxBits; length++)
        {
            total += (long)counts[length] << (maxBits - length);
        }

        for (; total > 1L << maxBits; total--)
        {
            counts[maxBits]--;
            for (var length = maxBits - 1; length > 0; length--)
            {
                if (counts[length] != 0)
                {
                    counts[length]--;
                    counts[length + 1] += 2;
                    break;
                }
            }
        }

        // The least frequent symbols take the longest codes.
        var leaf = 0;
        for (var length = maxBits; length > 0; length--)
        {
            for (var n = counts[length]; n > 0; n--)
            {
                Lengths[(int)(sorted[leaf++] & 0xffff)] = (byte)length;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AssignCodes()
    {
        var counts = _lengthCounts;
        Array.Clear(counts);
        foreach (var length in Lengths)
        {
            counts[length]++;
        }

        counts[0] = 0;
        var code = 0;
        for (var bits = 1; bits <= MaxBits; bits++)
        {
            code = (code + counts[bits - 1]) << 1;
            _next[bits] = (ushort)code;
        }

        for (var symbol = 0; symbol < Lengths.Length; symbol++)
        {
            var length = Lengths[symbol];
            if (length != 0)
            {
                Codes[symbol] = Reverse(_next[length]++, length);
            }
        }
    }

    // Not Span.Sort: its code for long is generic and would run unoptimized in a sender's first envelopes. Shell
    // sort with Ciura's gaps: an alphabet has at most 286 symbols, where it beats a heap sort by half.
    private static readonly int[] Gaps = [132, 57, 23, 10, 4, 1];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ShellSort(Span<long> items)
    {
        foreach (var gap in Gaps)
        {
            for (var i = gap; i < items.Length; i++)
            {
                var value = items[i];
                var j = i;
                for (; j >= gap && items[j - gap] > value; j -= gap)
                {
                    items[j] = items[j - gap];
                }

                items[j] = value;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort Reverse(int code, int length)
    {
        // Swap halves, then bytes, nibbles, pairs and bits of the 16-bit value; the code is in its top bits then.
        var v = (uint)code;
        v = ((v >> 8) & 0x00ff) | ((v & 0x00ff) << 8);
        v = ((v >> 4) & 0x0f0f) | ((v & 0x0f0f) << 4);
        v = ((v >> 2) & 0x3333) | ((v & 0x3333) << 2);
        v = ((v >> 1) & 0x5555) | ((v & 0x5555) << 1);
        return (ushort)(v >> (16 - length));
    }
}
