using System.Globalization;
using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>
/// Writes a batch of log entries as the payload of a <c>log</c> item, Sentry's logs protocol:
/// <c>{"items":[{timestamp, trace_id, span_id, level, severity_number, body, attributes}]}</c> with typed attributes
/// (<c>{"type":"string"|"integer"|"double"|"boolean","value":...}</c>), the message template and its parameters.
/// </summary>
internal static class LogPayloadWriter
{
    public const string ContentType = "application/vnd.sentry.items.log+json";

    public static void Write(Utf8JsonWriter writer, PayloadContext context, IReadOnlyList<LogEntry> entries)
    {
        var options = context.Options;
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        foreach (var entry in entries)
        {
            var (level, severity) = Level(entry);
            writer.WriteStartObject();
            writer.WriteNumber("timestamp", UnixTime.Seconds(entry.Timestamp));
            writer.WriteString("trace_id", entry.TraceId);
            if (entry.SpanId is not null)
            {
                writer.WriteString("span_id", entry.SpanId);
            }

            writer.WriteString("level", level);
            writer.WriteNumber("severity_number", severity);
            writer.WriteString("body", context.Clean(entry.Body));
            writer.WriteStartObject("attributes");
            String(writer, "sentry.sdk.name", PayloadContext.SdkName);
            String(writer, "sentry.sdk.version", PayloadContext.SdkVersion);
            String(writer, "sentry.origin", "auto.log.extensions_logging");
            String(writer, "category.name", entry.Category);
            if (!string.IsNullOrEmpty(options.Release))
            {
                String(writer, "sentry.release", options.Release);
            }

            if (!string.IsNullOrEmpty(options.Environment))
            {
                String(writer, "sentry.environment", options.Environment);
            }

            if (!string.IsNullOrEmpty(options.ServerName))
            {
                String(writer, "server.address", options.ServerName);
            }

            if (entry.Template is not null)
            {
                String(writer, "sentry.message.template", context.Clean(entry.Template));
            }

            if (entry.Parameters is not null)
            {
                foreach (var (name, value) in entry.Parameters)
                {
                    Typed(writer, context, "sentry.message.parameter." + name, name, value);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // Sentry's levels and OpenTelemetry severity numbers: trace 1, debug 5, info 9, warn 13, error 17, fatal 21.
    private static (string Level, int Severity) Level(LogEntry entry) => entry.Level switch
    {
        EventLevel.Debug when entry.IsTrace => ("trace", 1),
        EventLevel.Debug => ("debug", 5),
        EventLevel.Info => ("info", 9),
        EventLevel.Warning => ("warn", 13),
        EventLevel.Error => ("error", 17),
        _ => ("fatal", 21),
    };

    private static void Typed(Utf8JsonWriter writer, PayloadContext context, string key, string name, object? value)
    {
        writer.WriteStartObject(key);
        switch (value)
        {
            case bool b:
                writer.WriteString("type", "boolean");
                writer.WriteBoolean("value", b);
                break;
            case sbyte or byte or short or ushort or int or uint or long:
                writer.WriteString("type", "integer");
                writer.WriteNumber("value", Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case float or double or decimal when Convert.ToDouble(value, CultureInfo.InvariantCulture) is var d && double.IsFinite(d):
                writer.WriteString("type", "double");
                writer.WriteNumber("value", d);
                break;
            default:
                writer.WriteString("type", "string");
                writer.WriteString("value", context.CleanValue(name, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
                break;
        }

        writer.WriteEndObject();
    }

    private static void String(Utf8JsonWriter writer, string key, string value)
    {
        writer.WriteStartObject(key);
        writer.WriteString("type", "string");
        writer.WriteString("value", value);
        writer.WriteEndObject();
    }
}
