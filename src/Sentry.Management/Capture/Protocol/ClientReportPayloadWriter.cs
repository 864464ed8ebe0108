using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>One line of a client report: how many items of a category were dropped for one reason.</summary>
internal readonly record struct DiscardCount(string Reason, string Category, long Quantity);

/// <summary>Writes a <c>client_report</c> item payload.</summary>
internal static class ClientReportPayloadWriter
{
    public static void Write(Utf8JsonWriter writer, DateTimeOffset now, IReadOnlyList<DiscardCount> discards)
    {
        writer.WriteStartObject();
        writer.WriteNumber("timestamp", UnixTime.Seconds(now));
        writer.WriteStartArray("discarded_events");
        foreach (var discard in discards)
        {
            writer.WriteStartObject();
            writer.WriteString("reason", discard.Reason);
            writer.WriteString("category", discard.Category);
            writer.WriteNumber("quantity", discard.Quantity);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
