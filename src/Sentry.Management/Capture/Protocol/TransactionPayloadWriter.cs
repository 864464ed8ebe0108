using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>Writes a finished transaction with its spans and trace context as Sentry's transaction event JSON.</summary>
internal static class TransactionPayloadWriter
{
    public static void Write(Utf8JsonWriter writer, PayloadContext context, TraceTransaction transaction, ScopeState scope)
    {
        var options = context.Options;
        writer.WriteStartObject();
        writer.WriteString("event_id", transaction.EventId.ToString("N"));
        writer.WriteString("type", "transaction");
        writer.WriteString("platform", "csharp");
        writer.WriteString("transaction", context.Clean(transaction.Name));
        writer.WriteStartObject("transaction_info");
        writer.WriteString("source", transaction.NameSource);
        writer.WriteEndObject();
        writer.WriteNumber("start_timestamp", UnixTime.Seconds(transaction.StartTimestamp));
        writer.WriteNumber("timestamp", UnixTime.Seconds(transaction.EndTimestamp ?? transaction.StartTimestamp));
        if (!string.IsNullOrEmpty(options.Release))
        {
            writer.WriteString("release", options.Release);
        }

        if (!string.IsNullOrEmpty(options.Environment))
        {
            writer.WriteString("environment", options.Environment);
        }

        if (!string.IsNullOrEmpty(options.ServerName))
        {
            writer.WriteString("server_name", options.ServerName);
        }

        writer.WriteStartObject("contexts");
        writer.WriteStartObject("trace");
        WriteSpanFields(writer, context, transaction);
        writer.WriteEndObject();
        writer.WriteEndObject();

        WriteTags(writer, context, MergeTags(scope.Tags, transaction.TagsSnapshot));
        UserWriter.Write(writer, context, scope.User);

        writer.WriteStartArray("spans");
        foreach (var span in transaction.SpansSnapshot)
        {
            writer.WriteStartObject();
            WriteSpanFields(writer, context, span);
            writer.WriteNumber("start_timestamp", UnixTime.Seconds(span.StartTimestamp));
            writer.WriteNumber("timestamp", UnixTime.Seconds(span.EndTimestamp ?? span.StartTimestamp));
            WriteTags(writer, context, span.TagsSnapshot);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        SdkWriter.Write(writer);
        writer.WriteEndObject();
    }

    private static void WriteSpanFields(Utf8JsonWriter writer, PayloadContext context, TraceSpan span)
    {
        writer.WriteString("trace_id", span.TraceId);
        writer.WriteString("span_id", span.SpanId);
        if (span.ParentSpanId is not null)
        {
            writer.WriteString("parent_span_id", span.ParentSpanId);
        }

        writer.WriteString("op", span.Operation);
        if (span.Description is not null)
        {
            writer.WriteString("description", context.Clean(span.Description));
        }

        writer.WriteString("status", span.Status ?? TraceSpanStatus.Ok);
    }

    private static IReadOnlyDictionary<string, string>? MergeTags(System.Collections.Frozen.FrozenDictionary<string, string> scope, IReadOnlyDictionary<string, string>? own)
    {
        if (scope.Count == 0)
        {
            return own;
        }

        var merged = new Dictionary<string, string>(scope, StringComparer.Ordinal);
        if (own is not null)
        {
            foreach (var (key, value) in own)
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    private static void WriteTags(Utf8JsonWriter writer, PayloadContext context, IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is not { Count: > 0 })
        {
            return;
        }

        writer.WriteStartObject("tags");
        foreach (var (key, value) in tags)
        {
            writer.WriteString(key, context.CleanValue(key, value, PayloadContext.MaxTagValueLength));
        }

        writer.WriteEndObject();
    }
}
