using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>Reads and writes an <see cref="ISentryEnum{TSelf}"/> as its JSON string; numbers and booleans are read as their text.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class SentryEnumConverter<T> : JsonConverter<T>
    where T : struct, ISentryEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.From(FlexibleStringConverter.ReadText(ref reader) ?? string.Empty);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
