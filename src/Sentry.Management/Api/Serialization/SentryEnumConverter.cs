using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>Reads and writes an <see cref="ISentryEnum{TSelf}"/> as its JSON string; numbers and booleans are read as their text.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>
/// A listing repeats a handful of values (a page of 100 issues holds 300 levels, statuses and substatuses, mostly
/// the same three), so the values read so far are kept, up to <see cref="MaxRemembered"/> per type, and a value
/// seen before is matched on its UTF-8 bytes instead of being decoded into a new string each time.
/// </remarks>
public sealed class SentryEnumConverter<T> : JsonConverter<T>
    where T : struct, ISentryEnum<T>
{
    /// <summary>Distinct values kept per type: more than any of Sentry's sets, few enough to scan.</summary>
    internal const int MaxRemembered = 32;

    /// <summary>Longer values are not kept (no value of Sentry's sets comes near).</summary>
    internal const int MaxRememberedLength = 64;

    // Copy-on-write: readers scan whatever array they read; a new value replaces the array, never changes it.
    private static Remembered[] s_remembered = [];

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return T.From(FlexibleStringConverter.ReadText(ref reader) ?? string.Empty);
        }

        var utf8 = reader.ValueSpan;
        foreach (var known in Volatile.Read(ref s_remembered))
        {
            if (utf8.SequenceEqual(known.Utf8))
            {
                return known.Value;
            }
        }

        var value = T.From(reader.GetString()!);
        if (utf8.Length <= MaxRememberedLength)
        {
            Remember(utf8.ToArray(), value);
        }

        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }

    private static void Remember(byte[] utf8, T value)
    {
        while (true)
        {
            var current = Volatile.Read(ref s_remembered);
            if (current.Length >= MaxRemembered || Array.Exists(current, r => r.Utf8.AsSpan().SequenceEqual(utf8)))
            {
                return;
            }

            Remembered[] next = [.. current, new Remembered(utf8, value)];
            if (Interlocked.CompareExchange(ref s_remembered, next, current) == current)
            {
                return;
            }
        }
    }

    private sealed record Remembered(byte[] Utf8, T Value);
}
