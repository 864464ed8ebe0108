using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>Timestamps as Sentry's numeric form: seconds since the Unix epoch with millisecond precision.</summary>
internal static class UnixTime
{
    public static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>
    /// Writes <paramref name="name"/> with the same digits as <c>WriteNumber(name, Seconds(time))</c> (the shortest
    /// form of milliseconds / 1000 is its exact decimal with trailing zeros dropped), but as integer text: formatting
    /// a double finds its shortest round-trip digits, several times the work.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteSeconds(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset time)
    {
        var ms = time.ToUnixTimeMilliseconds();
        if (ms < 0)
        {
            writer.WriteNumber(name, ms / 1000.0);
            return;
        }

        Span<byte> text = stackalloc byte[24];
        Utf8Formatter.TryFormat(ms / 1000, text, out var length);
        var fraction = (int)(ms % 1000);
        if (fraction != 0)
        {
            text[length++] = (byte)'.';
            text[length++] = (byte)('0' + (fraction / 100));
            fraction %= 100;
            if (fraction != 0)
            {
                text[length++] = (byte)('0' + (fraction / 10));
                fraction %= 10;
                if (fraction != 0)
                {
                    text[length++] = (byte)('0' + fraction);
                }
            }
        }

        writer.WritePropertyName(name);
        writer.WriteRawValue(text[..length], skipInputValidation: true);
    }
}
