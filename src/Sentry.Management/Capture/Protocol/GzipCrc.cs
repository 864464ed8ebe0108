using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Sentry.Management.Capture.Protocol;

/// <summary>
/// CRC-32 as gzip's trailer needs it (the reflected polynomial 0xEDB88320, RFC 1952 8), eight bytes per step from
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
        var tables = Tables.AsSpan();
        var crc = 0xffff_ffffu;
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

        return ~crc;
    }

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
