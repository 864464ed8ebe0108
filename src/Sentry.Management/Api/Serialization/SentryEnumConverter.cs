using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>Reads and writes an <see cref="ISentryEnum{TSelf}"/> as its JSON string; numbers and booleans are read as their text.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>
/// A listing repeats a handful of values (a page of 100 issues holds 300 levels, statuses and substatuses, mostly
/// the same three), so each converter remembers the values it read last and matches a token against them in place
/// instead of decoding a new string each time (<see cref="RememberedValues{T}"/>).
/// </remarks>
public sealed class SentryEnumConverter<T> : JsonConverter<T>
    where T : struct, ISentryEnum<T>
{
    private readonly RememberedValues<T> _remembered = new(static text => T.From(text));

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? _remembered.Read(ref reader)
            : T.From(FlexibleStringConverter.ReadText(ref reader) ?? string.Empty);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
