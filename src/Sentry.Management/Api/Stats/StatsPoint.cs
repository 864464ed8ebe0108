using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sentry.Management;

/// <summary>
/// One point of a Sentry time series, sent as a <c>[unixSeconds, value]</c> array (project stats, release
/// health stats).
/// </summary>
/// <param name="Timestamp">The start of the interval.</param>
/// <param name="Value">The value in the interval; <see langword="null"/> when Sentry sent none.</param>
[JsonConverter(typeof(StatsPointConverter))]
public readonly record struct StatsPoint(DateTimeOffset Timestamp, double? Value);

/// <summary>Reads and writes a <see cref="StatsPoint"/> as Sentry's <c>[unixSeconds, value]</c> array.</summary>
internal sealed class StatsPointConverter : JsonConverter<StatsPoint>
{
    /// <inheritdoc />
    public override StatsPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A stats point is a [timestamp, value] array, not {reader.TokenType}.");
        }

        double? timestamp = null;
        double? value = null;
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // Extra elements (a future third column) are skipped rather than failing the whole answer.
            var number = ReadNumber(ref reader);
            if (index == 0)
            {
                timestamp = number;
            }
            else if (index == 1)
            {
                value = number;
            }

            index++;
        }

        var seconds = (long)(timestamp ?? 0);
        return new StatsPoint(DateTimeOffset.FromUnixTimeSeconds(seconds), value);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, StatsPoint value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Timestamp.ToUnixTimeSeconds());
        if (value.Value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndArray();
    }

    private static double? ReadNumber(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.String when double.TryParse(reader.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                reader.Skip();
                return null;
        }
    }
}
