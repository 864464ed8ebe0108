using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>
/// Reads a string that repeats through a listing (a platform, an event type, the project every issue of a project
/// listing embeds) as the instance read last for that text (<see cref="RememberedValues{T}"/>) instead of a new
/// string per item; numbers and booleans are read as their text, as <see cref="FlexibleStringConverter"/> reads them.
/// </summary>
internal sealed class RepeatedStringConverter : JsonConverter<string>
{
    private readonly RememberedValues<string> _remembered = new(static text => text);

    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? _remembered.Read(ref reader) : FlexibleStringConverter.ReadText(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
