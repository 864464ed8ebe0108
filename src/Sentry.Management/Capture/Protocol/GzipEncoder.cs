using System.Buffers.Binary;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sentry.Management.Capture.Protocol;

/// <summary>
/// Gzip (RFC 1952) of one envelope at <see cref="System.IO.Compression.CompressionLevel.Fastest"/>: a greedy LZ77 pass
/// over hash chains, then one deflate block (RFC 1951) with dynamic Huffman codes, or stored blocks when those are
/// smaller. The codes are built from this envelope's symbol counts and a fading history of the envelopes before it, and
/// kept for the next envelopes while they still fit (every symbol has a code, and they spend at most 4 % more bits than
/// the entropy of the envelope's counts, the least any code could; at most 32 envelopes in a row): an application's envelopes are much alike, and building the codes was a
/// third of encoding one. Each block still carries its codes, so every envelope decodes on its own. Encoders are pooled (<see cref="Gzip"/>) and reused for envelope after envelope: their match
/// tables are allocated once and never cleared (an entry carries the position it was made at, so another envelope's
/// entries are simply too old), where zlib allocates, clears and frees about 300 KB of state per stream, which was a
/// quarter of preparing an envelope (docs/benchmarks.md). One instance is not thread-safe.
/// </summary>
/// <remarks>
/// The hot methods are compiled optimized at once: a sender's first envelopes, and an application's rare errors,
/// would otherwise run them as unoptimized code, where zlib's native code has no warm-up to wait for. A match is only
/// ever taken after its bytes are compared in the input at hand, so a table entry can make compression worse, never
/// the output wrong.
/// </remarks>
internal sealed class GzipEncoder
{
    /// <summary>The longest input compressed here; longer bodies (large attachments) go to zlib.</summary>
    public const int MaxInput = 1 << 20;

    private const int WindowSize = 1 << 15;
    private const int WindowMask = WindowSize - 1;
    private const int HashBits = 14;
    private const int MinMatch = 4;
    private const int MaxMatch = 258;
    private const int MaxChain = 8;
    private const int NiceMatch = 32;
    private const int MaxInsert = 64;
    private const int LiteralLengthSymbols = 286;
    private const int DistanceSymbols = 30;
    private const int CodeLengthSymbols = 19;
    private const int EndOfBlock = 256;
    private const int MaxStoredBlock = 65535;
    private const uint MatchFlag = 0x8000_0000;
    private const double CodeReuseTolerance = 1.04; // Codes kept while they cost at most 4 % over the entropy of the counts.
    private const int MaxCodeReuses = 32; // Then the codes are built afresh, to follow the history as it moves.

    private static readonly byte[] CodeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
    private static readonly byte[] LengthIndex = new byte[256];
    private static readonly byte[] LengthExtraBits = new byte[29];
    private static readonly byte[] LengthBase = new byte[29];
    private static readonly byte[] SymbolExtraBits = new byte[LiteralLengthSymbols]; // Of each literal/length symbol.
    private static readonly byte[] DistanceSymbolExtraBits = new byte[DistanceSymbols];
    private static readonly double[] Log2Table = Enumerable.Range(0, 4096).Select(n => n == 0 ? 0 : Math.Log2(n)).ToArray();

    // Enough for every sender worker (half the cores, at least two) and the odd caller preparing a spooled envelope;
    // beyond it, encoders are made and dropped.
    private static readonly GzipEncoder?[] Pool = new GzipEncoder?[Math.Max(2, Environment.ProcessorCount / 2) + 2];

    private readonly int[] _head = new int[1 << HashBits];
    private readonly int[] _prev = new int[WindowSize];
    private readonly int[] _literalFrequencies = new int[LiteralLengthSymbols];
    private readonly int[] _distanceFrequencies = new int[DistanceSymbols];
    private readonly int[] _codeLengthFrequencies = new int[CodeLengthSymbols];
    private readonly HuffmanCode _literals = new(LiteralLengthSymbols);
    private readonly HuffmanCode _distances = new(DistanceSymbols);
    private readonly HuffmanCode _codeLengths = new(CodeLengthSymbols);
    private readonly byte[] _runSymbols = new byte[LiteralLengthSymbols + DistanceSymbols];
    private readonly byte[] _runExtra = new byte[LiteralLengthSymbols + DistanceSymbols];
    private readonly uint[] _symbols = new uint[16 * 1024];
    private readonly int[] _literalHistory = new int[LiteralLengthSymbols];
    private readonly int[] _distanceHistory = new int[DistanceSymbols];
    private readonly int[] _literalBlend = new int[LiteralLengthSymbols];
    private readonly int[] _distanceBlend = new int[DistanceSymbols];
    private int _base;

    // The codes last built and their block header's parts (the code-length runs are in _runSymbols and _runExtra).
    private int _runs;
    private int _literalCount;
    private int _distanceCount;
    private int _codeLengthCount;
    private long _headerBits;
    private int _reuses = MaxCodeReuses; // None built yet.

    static GzipEncoder()
    {
        for (var index = 0; index < 29; index++)
        {
            LengthExtraBits[index] = (byte)(index < 8 || index == 28 ? 0 : (index >> 2) - 1);
            LengthBase[index] = (byte)(index < 8 ? index : index == 28 ? 255 : (4 | (index & 3)) << ((index >> 2) - 1));
        }

        for (var symbol = 257; symbol < LiteralLengthSymbols; symbol++)
        {
            SymbolExtraBits[symbol] = LengthExtraBits[symbol - 257];
        }

        for (var code = 0; code < DistanceSymbols; code++)
        {
            DistanceSymbolExtraBits[code] = (byte)DistanceExtraBits(code);
        }

        for (var v = 0; v < 256; v++)
        {
            LengthIndex[v] = (byte)(v < 8 ? v : v == 255 ? 28 : (4 * (BitOperations.Log2((uint)v) - 1)) + ((v >> (BitOperations.Log2((uint)v) - 2)) & 3));
        }
    }

    /// <summary>Creates an encoder; <paramref name="firstPosition"/> lets tests start its position counter near the point where it wraps.</summary>
    public GzipEncoder(int firstPosition = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstPosition, 1);
        _base = firstPosition;
    }

    /// <summary>Gzips <paramref name="input"/> (at most <see cref="MaxInput"/> bytes) with a pooled encoder.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static byte[] Gzip(ReadOnlySpan<byte> input)
    {
        GzipEncoder? encoder = null;
        for (var i = 0; encoder is null && i < Pool.Length; i++)
        {
            encoder = Interlocked.Exchange(ref Pool[i], null);
        }

        encoder ??= new GzipEncoder();
        var body = encoder.Compress(input);
        for (var i = 0; i < Pool.Length; i++)
        {
            if (Interlocked.CompareExchange(ref Pool[i], encoder, null) is null)
            {
                break;
            }
        }

        return body;
    }

    /// <summary>The gzip member for <paramref name="input"/> (at most <see cref="MaxInput"/> bytes), as an array of its exact length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte[] Compress(ReadOnlySpan<byte> input)
    {
        if (input.Length > MaxInput)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Length, $"The input is longer than {MaxInput} bytes.");
        }

        // At most one symbol per input byte: most envelopes fit the encoder's own buffer, larger ones borrow one.
        var rented = input.Length > _symbols.Length ? ArrayPool<uint>.Shared.Rent(input.Length) : null;
        try
        {
            var symbols = rented ?? _symbols;
            var count = Tokenize(input, symbols);
            return Encode(input, symbols.AsSpan(0, count));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<uint>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Greedy LZ77: each symbol is a literal byte or a match (length 4 to 258, distance up to 32 KB); counts their codes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Tokenize(ReadOnlySpan<byte> input, uint[] symbols)
    {
        Array.Clear(_literalFrequencies);
        Array.Clear(_distanceFrequencies);
        if (_base > int.MaxValue - MaxInput - 2)
        {
            Array.Clear(_head);
            Array.Clear(_prev);
            _base = 1;
        }

        ref var data = ref MemoryMarshal.GetReference(input);
        ref var head = ref MemoryMarshal.GetArrayDataReference(_head);
        ref var prev = ref MemoryMarshal.GetArrayDataReference(_prev);
        ref var literals = ref MemoryMarshal.GetArrayDataReference(_literalFrequencies);
        ref var distances = ref MemoryMarshal.GetArrayDataReference(_distanceFrequencies);
        ref var lengthIndex = ref MemoryMarshal.GetArrayDataReference(LengthIndex);
        var first = _base;
        var length = input.Length;
        if (symbols.Length < length)
        {
            throw new ArgumentException("The symbol buffer is shorter than the input.", nameof(symbols));
        }

        // The pass reads and counts through references, without bounds checks (a third of its time); every index is in
        // range by the loop's bounds: a 4-byte hash read starts at most at `last`, a match never runs past `limit`, a
        // table index is masked or a hash, and there is at most one symbol per input byte.
        ref var output = ref MemoryMarshal.GetArrayDataReference(symbols);

        // Reserved before the pass: even a pass that failed leaves no entry a later envelope could take for its own.
        _base = first + length + 1;
        var last = length - MinMatch;
        var count = 0;
        var position = 0;
        while (position <= last)
        {
            var hash = HashAt(ref data, position);
            var candidate = Unsafe.Add(ref head, hash);
            Unsafe.Add(ref head, hash) = first + position;
            Unsafe.Add(ref prev, position & WindowMask) = candidate;
            var bestLength = 0;
            var bestDistance = 0;
            var limit = Math.Min(MaxMatch, length - position);
            for (var chain = MaxChain; candidate >= first && chain > 0; chain--)
            {
                var from = candidate - first;
                var distance = position - from;
                if ((uint)(distance - 1) >= WindowSize)
                {
                    // Out of the window (or, never expected, not behind this position).
                    break;
                }

                // The byte just past the best match so far must agree, or this candidate cannot be longer.
                if (Unsafe.Add(ref data, from + bestLength) == Unsafe.Add(ref data, position + bestLength))
                {
                    var match = MatchAt(ref data, from, position, limit);
                    if (match > bestLength)
                    {
                        bestLength = match;
                        bestDistance = distance;
                        if (match >= NiceMatch || match == limit)
                        {
                            break;
                        }
                    }
                }

                candidate = Unsafe.Add(ref prev, from & WindowMask);
            }

            if (bestLength >= MinMatch)
            {
                Unsafe.Add(ref output, count++) = MatchFlag | ((uint)(bestLength - 3) << 15) | (uint)(bestDistance - 1);
                Unsafe.Add(ref literals, 257 + Unsafe.Add(ref lengthIndex, bestLength - 3))++;
                Unsafe.Add(ref distances, DistanceCode(bestDistance - 1))++;
                var end = position + bestLength;
                if (bestLength <= MaxInsert)
                {
                    var stop = Math.Min(end, last + 1);
                    for (var p = position + 1; p < stop; p++)
                    {
                        var h = HashAt(ref data, p);
                        Unsafe.Add(ref prev, p & WindowMask) = Unsafe.Add(ref head, h);
                        Unsafe.Add(ref head, h) = first + p;
                    }
                }

                position = end;
            }
            else
            {
                var b = Unsafe.Add(ref data, position++);
                Unsafe.Add(ref literals, b)++;
                Unsafe.Add(ref output, count++) = b;
            }
        }

        for (; position < length; position++)
        {
            var b = Unsafe.Add(ref data, position);
            Unsafe.Add(ref literals, b)++;
            Unsafe.Add(ref output, count++) = b;
        }

        _literalFrequencies[EndOfBlock] = 1;
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HashAt(ref byte data, int position) =>
        (int)((Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref data, position)) * 2654435761u) >> (32 - HashBits));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int MatchAt(ref byte data, int from, int position, int limit)
    {
        var length = 0;
        while (length + 8 <= limit)
        {
            var difference = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, from + length)) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, position + length));
            if (difference != 0)
            {
                return length + (BitOperations.TrailingZeroCount(difference) >> 3);
            }

            length += 8;
        }

        while (length < limit && Unsafe.Add(ref data, from + length) == Unsafe.Add(ref data, position + length))
        {
            length++;
        }

        return length;
    }

    /// <summary>How many codes this encoder has built (tests read it: most envelopes reuse the last one).</summary>
    internal int CodesBuilt { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte[] Encode(ReadOnlySpan<byte> input, ReadOnlySpan<uint> symbols)
    {
        // The codes last built serve this envelope too when they have a code for every symbol it uses and spend at most
        // 4 % more bits on its counts than their entropy; each block still carries them.
        var codeBits = 0L;
        var entropyBits = 0.0;
        var bodyBits = _reuses < MaxCodeReuses ? BodyBits(out codeBits, out entropyBits) : -1;
        if (bodyBits < 0 || codeBits > entropyBits * CodeReuseTolerance)
        {
            BuildCodes();
            bodyBits = BodyBits(out _, out _);
            _reuses = 0;
        }
        else
        {
            _reuses++;
        }

        Remember();
        var bits = _headerBits + bodyBits;
        var compressed = (int)((bits + 7) >> 3);
        var stored = input.Length + (5 * Math.Max(1, (input.Length + MaxStoredBlock - 1) / MaxStoredBlock));
        var body = Math.Min(compressed, stored);
        var output = new byte[10 + body + 8];
        output[0] = 0x1f;
        output[1] = 0x8b;
        output[2] = 8; // deflate
        output[9] = 0xff; // operating system: unknown
        if (stored <= compressed)
        {
            WriteStored(input, output.AsSpan(10, body));
        }
        else
        {
            WriteCompressed(symbols, output.AsSpan(10, body));
        }

        BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(10 + body), GzipCrc.Compute(input));
        BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(14 + body), (uint)input.Length);
        return output;
    }

    /// <summary>Adds this envelope's counts to the history, in which older envelopes' counts fade by a quarter each time (a symbol once seen keeps a count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Remember()
    {
        for (var i = 0; i < LiteralLengthSymbols; i++)
        {
            var h = _literalHistory[i];
            _literalHistory[i] = h - (h >> 2) + _literalFrequencies[i];
        }

        for (var i = 0; i < DistanceSymbols; i++)
        {
            var h = _distanceHistory[i];
            _distanceHistory[i] = h - (h >> 2) + _distanceFrequencies[i];
        }
    }

    /// <summary>
    /// Builds the codes and the block header that describes them, from this envelope's counts weighted above the history's,
    /// so the codes also cover the symbols the envelopes before it used and the next envelopes can take them as they are.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildCodes()
    {
        CodesBuilt++;
        for (var i = 0; i < LiteralLengthSymbols; i++)
        {
            _literalBlend[i] = _literalHistory[i] + (_literalFrequencies[i] * 4);
        }

        for (var i = 0; i < DistanceSymbols; i++)
        {
            _distanceBlend[i] = _distanceHistory[i] + (_distanceFrequencies[i] * 4);
        }

        _literals.Build(_literalBlend, 15);
        _distances.Build(_distanceBlend, 15);
        _literalCount = _literals.UsedLength(257);
        _distanceCount = _distances.UsedLength(1);
        _runs = RunLengths(_literalCount, _distanceCount);
        _codeLengths.Build(_codeLengthFrequencies, 7);
        var codeLengthCount = CodeLengthSymbols;
        while (codeLengthCount > 4 && _codeLengths.Lengths[CodeLengthOrder[codeLengthCount - 1]] == 0)
        {
            codeLengthCount--;
        }

        _codeLengthCount = codeLengthCount;
        var bits = 3L + 5 + 5 + 4 + (3 * codeLengthCount);
        for (var i = 0; i < _runs; i++)
        {
            bits += _codeLengths.Lengths[_runSymbols[i]] + RunExtraBits(_runSymbols[i]);
        }

        _headerBits = bits;
    }

    /// <summary>
    /// The block's bits after its header with the current codes, or -1 when a symbol in use has no code; with the bits of
    /// the codes alone (without extra bits) and the least any code could spend on these counts (their entropy).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long BodyBits(out long codeBits, out double entropyBits)
    {
        codeBits = 0;
        entropyBits = 0;
        var extraBits = 0L;
        return AddCosts(_literalFrequencies, _literals.Lengths, SymbolExtraBits, ref codeBits, ref extraBits, ref entropyBits)
            && AddCosts(_distanceFrequencies, _distances.Lengths, DistanceSymbolExtraBits, ref codeBits, ref extraBits, ref entropyBits)
            ? codeBits + extraBits
            : -1;
    }

    /// <summary>Adds one alphabet's costs under its code; <see langword="false"/> when a symbol in use has no code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AddCosts(ReadOnlySpan<int> frequencies, ReadOnlySpan<byte> lengths, ReadOnlySpan<byte> extra, ref long codeBits, ref long extraBits, ref double entropyBits)
    {
        var total = 0L;
        var weighted = 0.0;
        for (var s = 0; s < frequencies.Length; s++)
        {
            var f = frequencies[s];
            if (f != 0)
            {
                var length = lengths[s];
                if (length == 0)
                {
                    return false;
                }

                codeBits += (long)f * length;
                extraBits += (long)f * extra[s];
                total += f;
                weighted += f * Log2Of(f);
            }
        }

        entropyBits += total == 0 ? 0 : (total * Log2Of(total)) - weighted;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Log2Of(long count) => count < Log2Table.Length ? Log2Table[count] : Math.Log2(count);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteCompressed(ReadOnlySpan<uint> symbols, Span<byte> output)
    {
        var writer = new BitWriter(output);
        writer.Put(1, 1); // the last block
        writer.Put(2, 2); // with dynamic Huffman codes
        writer.Put((uint)(_literalCount - 257), 5);
        writer.Put((uint)(_distanceCount - 1), 5);
        writer.Put((uint)(_codeLengthCount - 4), 4);
        for (var i = 0; i < _codeLengthCount; i++)
        {
            writer.Put(_codeLengths.Lengths[CodeLengthOrder[i]], 3);
        }

        for (var i = 0; i < _runs; i++)
        {
            var symbol = _runSymbols[i];
            writer.Put(_codeLengths.Codes[symbol], _codeLengths.Lengths[symbol]);
            if (symbol >= 16)
            {
                writer.Put(_runExtra[i], RunExtraBits(symbol));
            }
        }

        var literalCodes = _literals.Codes;
        var literalLengths = _literals.Lengths;
        var distanceCodes = _distances.Codes;
        var distanceLengths = _distances.Lengths;
        foreach (var symbol in symbols)
        {
            if ((symbol & MatchFlag) == 0)
            {
                writer.Put(literalCodes[symbol], literalLengths[symbol]);
                continue;
            }

            // Each code with its extra bits in one put: at most 15 + 5 bits for a length, 15 + 13 for a distance.
            var value = (int)((symbol >> 15) & 0xff);
            var index = LengthIndex[value];
            writer.Put(literalCodes[257 + index] | ((uint)(value - LengthBase[index]) << literalLengths[257 + index]), literalLengths[257 + index] + LengthExtraBits[index]);
            var distance = (int)(symbol & 0x7fff);
            var code = DistanceCode(distance);
            writer.Put(distanceCodes[code] | ((uint)(distance - DistanceBase(code)) << distanceLengths[code]), distanceLengths[code] + DistanceExtraBits(code));
        }

        writer.Put(literalCodes[EndOfBlock], literalLengths[EndOfBlock]);
        writer.Flush();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteStored(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var at = 0;
        var position = 0;
        do
        {
            var chunk = Math.Min(MaxStoredBlock, input.Length - position);
            output[at] = (byte)(position + chunk == input.Length ? 1 : 0);
            BinaryPrimitives.WriteUInt16LittleEndian(output[(at + 1)..], (ushort)chunk);
            BinaryPrimitives.WriteUInt16LittleEndian(output[(at + 3)..], (ushort)~chunk);
            input.Slice(position, chunk).CopyTo(output[(at + 5)..]);
            at += 5 + chunk;
            position += chunk;
        }
        while (position < input.Length);
    }

    /// <summary>The code lengths of both codes as one sequence, run-length coded with symbols 16 to 18 (RFC 1951 3.2.7); counts the symbols.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RunLengths(int literalCount, int distanceCount)
    {
        Array.Clear(_codeLengthFrequencies);
        var total = literalCount + distanceCount;
        var count = 0;
        var i = 0;
        while (i < total)
        {
            var value = LengthAt(i, literalCount);
            var run = 1;
            while (i + run < total && LengthAt(i + run, literalCount) == value)
            {
                run++;
            }

            i += run;
            if (value == 0)
            {
                for (; run >= 11; run -= Math.Min(run, 138))
                {
                    Run(ref count, 18, Math.Min(run, 138) - 11);
                }

                if (run >= 3)
                {
                    Run(ref count, 17, run - 3);
                    run = 0;
                }
            }
            else
            {
                Run(ref count, value, 0);
                run--;
                for (; run >= 3; run -= Math.Min(run, 6))
                {
                    Run(ref count, 16, Math.Min(run, 6) - 3);
                }
            }

            for (; run > 0; run--)
            {
                Run(ref count, value, 0);
            }
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte LengthAt(int i, int literalCount) => i < literalCount ? _literals.Lengths[i] : _distances.Lengths[i - literalCount];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Run(ref int count, int symbol, int extra)
    {
        _runSymbols[count] = (byte)symbol;
        _runExtra[count] = (byte)extra;
        _codeLengthFrequencies[symbol]++;
        count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RunExtraBits(int symbol) => symbol switch { 16 => 2, 17 => 3, 18 => 7, _ => 0 };

    /// <summary>The distance code (0 to 29) of a distance minus one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DistanceCode(int value)
    {
        if (value < 4)
        {
            return value;
        }

        var log = BitOperations.Log2((uint)value);
        return (2 * log) + ((value >> (log - 1)) & 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DistanceExtraBits(int code) => code < 4 ? 0 : (code >> 1) - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DistanceBase(int code) => code < 4 ? code : (2 | (code & 1)) << ((code >> 1) - 1);

    /// <summary>Bits packed from the least significant end, as deflate wants them, into an output of known length.</summary>
    private ref struct BitWriter(Span<byte> output)
    {
        private readonly Span<byte> _output = output;
        private ulong _bits;
        private int _count;
        private int _at;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Put(uint value, int count)
        {
            _bits |= (ulong)value << _count;
            _count += count;
            if (_count >= 32)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(_output[_at..], (uint)_bits);
                _at += 4;
                _bits >>= 32;
                _count -= 32;
            }
        }

        public void Flush()
        {
            for (; _count > 0; _count -= 8)
            {
                _output[_at++] = (byte)_bits;
                _bits >>= 8;
            }
        }
    }
}
