using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sentry.Management.Capture.Protocol;

/// <summary>
/// CRC-32 as gzip's trailer needs it (the reflected polynomial 0xEDB88320, RFC 1952 8): on x64 by carry-less
/// multiplication, folding 64 bytes per step (Intel's "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ",
/// with the constants of the Linux kernel's crc32-pclmul), elsewhere and for the last bytes eight bytes per step from
/// eight tables. Compiled optimized at once, like the encoder it serves: a library's IL-only CRC would run unoptimized
/// through a process's first envelopes.
/// </summary>
internal static class GzipCrc
{
    private static readonly uint[] Tables = Build();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var state = 0xffff_ffffu;
        if (Pclmulqdq.IsSupported && Sse2.IsSupported && data.Length >= 64)
        {
            var folded = data.Length & ~15;
            state = Fold(data[..folded], state);
            data = data[folded..];
        }

        return ~Update(data, state);
    }

    /// <summary>The table-only CRC-32 of <paramref name="data"/>, for comparing the two paths.</summary>
    internal static uint ComputeScalar(ReadOnlySpan<byte> data) => ~Update(data, 0xffff_ffffu);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint Update(ReadOnlySpan<byte> data, uint state)
    {
        var tables = Tables.AsSpan();
        var crc = state;
        while (data.Length >= 8)
        {
            var low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = tables[(7 * 256) + (int)(low & 0xff)] ^ tables[(6 * 256) + (int)((low >> 8) & 0xff)]
                ^ tables[(5 * 256) + (int)((low >> 16) & 0xff)] ^ tables[(4 * 256) + (int)(low >> 24)]
                ^ tables[(3 * 256) + (int)(high & 0xff)] ^ tables[(2 * 256) + (int)((high >> 8) & 0xff)]
                ^ tables[256 + (int)((high >> 16) & 0xff)] ^ tables[(int)(high >> 24)];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = tables[(int)((crc ^ b) & 0xff)] ^ (crc >> 8);
        }

        return crc;
    }

    /// <summary>The CRC state after <paramref name="data"/> (a multiple of 16 bytes, at least 64) by folding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint Fold(ReadOnlySpan<byte> data, uint state)
    {
        ref var start = ref MemoryMarshal.GetReference(data);
        var k1k2 = Vector128.Create(0x0154442bd4UL, 0x01c6e41596UL);
        var k3k4 = Vector128.Create(0x01751997d0UL, 0x00ccaa009eUL);
        var x1 = Vector128.LoadUnsafe(ref start, 0).AsUInt64() ^ Vector128.Create((ulong)state, 0UL);
        var x2 = Vector128.LoadUnsafe(ref start, 16).AsUInt64();
        var x3 = Vector128.LoadUnsafe(ref start, 32).AsUInt64();
        var x4 = Vector128.LoadUnsafe(ref start, 48).AsUInt64();
        nuint offset = 64;
        var length = (nuint)data.Length;
        for (; offset + 64 <= length; offset += 64)
        {
            x1 = FoldStep(x1, k1k2, Vector128.LoadUnsafe(ref start, offset).AsUInt64());
            x2 = FoldStep(x2, k1k2, Vector128.LoadUnsafe(ref start, offset + 16).AsUInt64());
            x3 = FoldStep(x3, k1k2, Vector128.LoadUnsafe(ref start, offset + 32).AsUInt64());
            x4 = FoldStep(x4, k1k2, Vector128.LoadUnsafe(ref start, offset + 48).AsUInt64());
        }

        x1 = FoldStep(x1, k3k4, x2);
        x1 = FoldStep(x1, k3k4, x3);
        x1 = FoldStep(x1, k3k4, x4);
        for (; offset + 16 <= length; offset += 16)
        {
            x1 = FoldStep(x1, k3k4, Vector128.LoadUnsafe(ref start, offset).AsUInt64());
        }

        // 128 bits to 64, then Barrett's reduction to 32.
        var mask = Vector128.Create(0xffff_ffffUL, 0xffff_ffffUL);
        x1 = Sse2.ShiftRightLogical128BitLane(x1, 8) ^ Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x10);
        var k5 = Vector128.Create(0x0163cd6124UL, 0UL);
        x1 = Pclmulqdq.CarrylessMultiply(x1 & mask, k5, 0x00) ^ Sse2.ShiftRightLogical128BitLane(x1, 4);
        var poly = Vector128.Create(0x01db710641UL, 0x01f7011641UL);
        var t = Pclmulqdq.CarrylessMultiply(x1 & mask, poly, 0x10) & mask;
        x1 ^= Pclmulqdq.CarrylessMultiply(t, poly, 0x00);
        return x1.AsUInt32().GetElement(1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> FoldStep(Vector128<ulong> x, Vector128<ulong> k, Vector128<ulong> next) =>
        Pclmulqdq.CarrylessMultiply(x, k, 0x00) ^ Pclmulqdq.CarrylessMultiply(x, k, 0x11) ^ next;

    private static uint[] Build()
    {
        var tables = new uint[8 * 256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB8_8320u ^ (c >> 1) : c >> 1;
            }

            tables[n] = c;
        }

        for (var n = 0; n < 256; n++)
        {
            for (var t = 1; t < 8; t++)
            {
                tables[(t * 256) + n] = tables[tables[((t - 1) * 256) + n] & 0xff] ^ (tables[((t - 1) * 256) + n] >> 8);
            }
        }

        return tables;
    }
}
