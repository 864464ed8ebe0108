using System.Text.Json;
using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>
/// One group of a grouped time-series answer (stats_v2 and sessions): the values it is grouped by, the total of
/// each field over the whole period and the series of each field per interval. Values are nullable because
/// Sentry sends <see langword="null"/> where it has no data (a crash-free rate without sessions).
/// </summary>
public sealed class StatsGroup : SentryModel
{
    /// <summary>The group's values by dimension, such as <c>release</c> → <c>app@1.0.0</c> or <c>outcome</c> → <c>accepted</c>. Numbers (project ids) are given as text.</summary>
    [JsonConverter(typeof(StatsGroupByConverter))]
    public IReadOnlyDictionary<string, string?>? By { get; set; }

    /// <summary>The total of each requested field over the period, such as <c>sum(session)</c> → <c>1000</c>.</summary>
    public IReadOnlyDictionary<string, double?>? Totals { get; set; }

    /// <summary>The value of each requested field per interval (same order as the answer's intervals).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double?>>? Series { get; set; }

    /// <summary>The total of <paramref name="field"/>, or <see langword="null"/> when Sentry sent none.</summary>
    /// <param name="field">The field, such as <c>sum(session)</c>.</param>
    /// <returns>The total.</returns>
    public double? Total(string field) => Totals is not null && Totals.TryGetValue(field, out var value) ? value : null;

    /// <inheritdoc />
    public override string ToString() =>
        "StatsGroup " + (By is null ? string.Empty : string.Join(", ", By.Select(pair => $"{pair.Key}={pair.Value}")));
}

/// <summary>Reads a group's <c>by</c> object with any scalar value (strings, project ids as numbers) as text.</summary>
internal sealed class StatsGroupByConverter : JsonConverter<IReadOnlyDictionary<string, string?>>
{
    public override IReadOnlyDictionary<string, string?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A group's 'by' is an object, not {reader.TokenType}.");
        }

        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString() ?? string.Empty;
            reader.Read();
            result[key] = FlexibleStringConverter.ReadText(ref reader);
        }

        return result;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string?> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, text) in value)
        {
            writer.WriteString(key, text);
        }

        writer.WriteEndObject();
    }
}
