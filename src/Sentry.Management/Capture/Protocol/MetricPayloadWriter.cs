using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>
/// Writes a batch of metric values as the payload of a <c>trace_metric</c> item
/// (<c>{"items":[{timestamp, trace_id, span_id, name, type, value, unit, attributes}]}</c>), the format Sentry's current SDKs send.
/// </summary>
internal static class MetricPayloadWriter
{
    public const string ContentType = "application/vnd.sentry.items.trace-metric+json";

    public static void Write(Utf8JsonWriter writer, PayloadContext context, IReadOnlyList<MetricValue> metrics)
    {
        var options = context.Options;
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        foreach (var metric in metrics)
        {
            writer.WriteStartObject();
            writer.WriteNumber("timestamp", UnixTime.Seconds(metric.Timestamp));
            writer.WriteString("trace_id", metric.TraceId);
            if (metric.SpanId is not null)
            {
                writer.WriteString("span_id", metric.SpanId);
            }
            writer.WriteString("name", metric.Name);
            writer.WriteString("type", metric.Type);
            writer.WriteNumber("value", metric.Value);
            if (metric.Unit is not null)
            {
                writer.WriteString("unit", metric.Unit);
            }

            writer.WriteStartObject("attributes");
            WriteAttribute(writer, "sentry.sdk.name", PayloadContext.SdkName);
            WriteAttribute(writer, "sentry.sdk.version", PayloadContext.SdkVersion);
            if (!string.IsNullOrEmpty(options.Release))
            {
                WriteAttribute(writer, "sentry.release", options.Release);
            }

            if (!string.IsNullOrEmpty(options.Environment))
            {
                WriteAttribute(writer, "sentry.environment", options.Environment);
            }

            if (metric.Tags is not null)
            {
                foreach (var (key, value) in metric.Tags)
                {
                    WriteAttribute(writer, key, context.CleanValue(key, value ?? string.Empty, PayloadContext.MaxTagValueLength));
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteAttribute(Utf8JsonWriter writer, string key, string value)
    {
        writer.WriteStartObject(key);
        writer.WriteString("value", value);
        writer.WriteString("type", "string");
        writer.WriteEndObject();
    }
}
