using System.Text.Json;
using Sentry.Management.Capture.Processing;

namespace Sentry.Management.Capture.Protocol;

/// <summary>Writes an error or message event as Sentry's event JSON, merging the scope snapshot taken at capture.</summary>
internal static class EventPayloadWriter
{
    private static readonly string RuntimeVersion = System.Environment.Version.ToString();

    public static void Write(Utf8JsonWriter writer, PayloadContext context, ErrorEvent evt, ScopeState scope)
    {
        var options = context.Options;
        writer.WriteStartObject();
        writer.WriteString("event_id", evt.EventId.ToString("N"));
        writer.WriteNumber("timestamp", UnixTime.Seconds(evt.Timestamp));
        writer.WriteString("platform", "csharp");
        writer.WriteString("level", LevelNames.Of(evt.Level));
        WriteOptional(writer, context, "logger", evt.Logger);
        WriteOptional(writer, context, "transaction", evt.TransactionName);
        WriteOptional(writer, context, "release", options.Release);
        WriteOptional(writer, context, "environment", options.Environment);
        WriteOptional(writer, context, "server_name", options.ServerName);

        if (evt.Message is not null)
        {
            writer.WriteStartObject("message");
            writer.WriteString("formatted", context.Clean(evt.Message));
            writer.WriteEndObject();
        }

        if (evt.Exception is not null)
        {
            WriteExceptions(writer, context, evt.UnhandledMechanism, evt.Exception);
        }

        WriteTags(writer, context, evt, scope);
        WriteExtra(writer, context, evt, scope);
        UserWriter.Write(writer, context, evt.User ?? scope.User);
        WriteContexts(writer, context, evt, scope);
        BreadcrumbWriter.Write(writer, context, scope.Breadcrumbs);

        if (evt.Fingerprint is { Count: > 0 } fingerprint)
        {
            writer.WriteStartArray("fingerprint");
            foreach (var part in fingerprint)
            {
                writer.WriteStringValue(part);
            }

            writer.WriteEndArray();
        }

        SdkWriter.Write(writer);
        writer.WriteEndObject();
    }

    private static void WriteExceptions(Utf8JsonWriter writer, PayloadContext context, string? unhandledMechanism, Exception root)
    {
        var chain = ExceptionChain.Flatten(root);
        writer.WriteStartObject("exception");
        writer.WriteStartArray("values");

        // Sentry lists the outermost exception last.
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var item = chain[i];
            var ex = item.Exception;
            writer.WriteStartObject();
            writer.WriteString("type", ex.GetType().FullName);
            writer.WriteString("value", context.Clean(ex.Message));
            if (ex.GetType().Namespace is { } ns)
            {
                writer.WriteString("module", ns);
            }

            writer.WriteStartObject("mechanism");
            writer.WriteString("type", item.ParentId is null ? unhandledMechanism ?? "generic" : "chained");
            writer.WriteBoolean("handled", unhandledMechanism is null);
            writer.WriteNumber("exception_id", item.Id);
            if (item.ParentId is { } parent)
            {
                writer.WriteNumber("parent_id", parent);
                writer.WriteString("source", item.Source);
            }

            if (ex is AggregateException)
            {
                writer.WriteBoolean("is_exception_group", true);
            }

            writer.WriteEndObject();
            StackTraceWriter.Write(writer, context, ex);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTags(Utf8JsonWriter writer, PayloadContext context, ErrorEvent evt, ScopeState scope)
    {
        var own = evt.HasTags ? evt.FieldsOrNull : null;
        if (own is null && scope.Tags.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("tags");
        foreach (var (key, value) in scope.Tags)
        {
            if (own is null || !own.HasTag(key))
            {
                writer.WriteString(key, context.CleanValue(key, value, PayloadContext.MaxTagValueLength));
            }
        }

        if (own is not null)
        {
            foreach (var (key, value) in own.Tags)
            {
                writer.WriteString(key, context.CleanValue(key, value ?? string.Empty, PayloadContext.MaxTagValueLength));
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteExtra(Utf8JsonWriter writer, PayloadContext context, ErrorEvent evt, ScopeState scope)
    {
        var own = evt.HasExtra ? evt.FieldsOrNull : null;
        if (own is null && scope.Extra.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("extra");
        foreach (var (key, value) in scope.Extra)
        {
            if (own is null || !own.HasExtra(key))
            {
                WriteKeyed(writer, context, key, value);
            }
        }

        if (own is not null)
        {
            foreach (var (key, value) in own.Extras)
            {
                WriteKeyed(writer, context, key, value);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteContexts(Utf8JsonWriter writer, PayloadContext context, ErrorEvent evt, ScopeState scope)
    {
        writer.WriteStartObject("contexts");
        writer.WriteStartObject("runtime");
        writer.WriteString("name", ".NET");
        writer.WriteString("version", RuntimeVersion);
        writer.WriteEndObject();
        if (evt.Span is { } span)
        {
            writer.WriteStartObject("trace");
            writer.WriteString("trace_id", span.TraceId);
            writer.WriteString("span_id", span.SpanId);
            if (span.ParentSpanId is not null)
            {
                writer.WriteString("parent_span_id", span.ParentSpanId);
            }

            writer.WriteString("op", span.Operation);
            writer.WriteEndObject();
        }

        foreach (var (key, value) in scope.Contexts)
        {
            if (key is not ("runtime" or "trace") && (!evt.HasContexts || !evt.Contexts.ContainsKey(key)))
            {
                WriteKeyed(writer, context, key, value);
            }
        }

        if (evt.HasContexts)
        {
            foreach (var (key, value) in evt.Contexts)
            {
                if (key is not ("runtime" or "trace"))
                {
                    WriteKeyed(writer, context, key, value);
                }
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteKeyed(Utf8JsonWriter writer, PayloadContext context, string key, object? value)
    {
        writer.WritePropertyName(key);
        if (context.Scrubber.IsSensitiveKey(key))
        {
            writer.WriteStringValue(PiiScrubber.Filtered);
        }
        else
        {
            JsonValueWriter.Write(writer, context, null, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, PayloadContext context, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, context.Clean(value));
        }
    }
}
