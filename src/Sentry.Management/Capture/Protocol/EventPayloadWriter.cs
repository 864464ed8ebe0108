using System.Text.Json;
using Sentry.Management.Capture.Processing;

namespace Sentry.Management.Capture.Protocol;

/// <summary>Writes an error or message event as Sentry's event JSON, merging the scope snapshot taken at capture.</summary>
internal static class EventPayloadWriter
{
    // The runtime context is the same in every event: encoded once.
    private static readonly byte[] Runtime = JsonFragment.Encode(System.Environment.Version.ToString(), static (writer, version) =>
    {
        writer.WriteStartObject();
        writer.WriteString("name", ".NET");
        writer.WriteString("version", version);
        writer.WriteEndObject();
    });

    public static void Write(Utf8JsonWriter writer, PayloadContext context, ErrorEvent evt, ScopeState scope)
    {
        var options = context.Options;
        writer.WriteStartObject();
        EnvelopeWriter.WriteId(writer, Names.EventId, evt.EventId);
        UnixTime.WriteSeconds(writer, Names.Timestamp, evt.Timestamp);
        writer.WriteString(Names.Platform, Names.CSharp);
        writer.WriteString(Names.Level, LevelNames.Of(evt.Level));
        WriteOptional(writer, context, Names.Logger, evt.Logger);
        WriteOptional(writer, context, Names.Transaction, evt.TransactionName);
        WriteOptional(writer, context, Names.Release, options.Release);
        WriteOptional(writer, context, Names.Environment, options.Environment);
        WriteOptional(writer, context, Names.ServerName, options.ServerName);

        if (evt.Message is not null)
        {
            writer.WriteStartObject(Names.Message);
            writer.WriteString(Names.Formatted, context.Clean(evt.Message));
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
            writer.WriteStartArray(Names.Fingerprint);
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
        writer.WriteStartObject(Names.Exception);
        writer.WriteStartArray(Names.Values);

        // Sentry lists the outermost exception last.
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var item = chain[i];
            var ex = item.Exception;
            writer.WriteStartObject();
            writer.WriteString(Names.Type, ex.GetType().FullName);
            writer.WriteString(Names.Value, context.Clean(ex.Message));
            if (ex.GetType().Namespace is { } ns)
            {
                writer.WriteString(Names.Module, ns);
            }

            writer.WriteStartObject(Names.Mechanism);
            if (item.ParentId is not null)
            {
                writer.WriteString(Names.Type, Names.Chained);
            }
            else if (unhandledMechanism is null)
            {
                writer.WriteString(Names.Type, Names.Generic);
            }
            else
            {
                writer.WriteString(Names.Type, unhandledMechanism);
            }

            writer.WriteBoolean(Names.Handled, unhandledMechanism is null);
            writer.WriteNumber(Names.ExceptionId, item.Id);
            if (item.ParentId is { } parent)
            {
                writer.WriteNumber(Names.ParentId, parent);
                writer.WriteString(Names.Source, item.Source);
            }

            if (ex is AggregateException)
            {
                writer.WriteBoolean(Names.IsExceptionGroup, true);
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

        writer.WriteStartObject(Names.Tags);
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

        writer.WriteStartObject(Names.Extra);
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
        writer.WriteStartObject(Names.Contexts);
        writer.WritePropertyName(Names.Runtime);
        JsonFragment.Write(writer, Runtime);
        if (evt.Span is { } span)
        {
            writer.WriteStartObject(Names.Trace);
            writer.WriteString(Names.TraceId, span.TraceId);
            writer.WriteString(Names.SpanId, span.SpanId);
            if (span.ParentSpanId is not null)
            {
                writer.WriteString(Names.ParentSpanId, span.ParentSpanId);
            }

            writer.WriteString(Names.Op, span.Operation);
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

    private static void WriteOptional(Utf8JsonWriter writer, PayloadContext context, JsonEncodedText name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, context.Clean(value));
        }
    }

    // Property names encoded once: a name given as a string is transcoded and checked for escapes on every write.
    private static class Names
    {
        public static readonly JsonEncodedText EventId = JsonEncodedText.Encode("event_id");
        public static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
        public static readonly JsonEncodedText Platform = JsonEncodedText.Encode("platform");
        public static readonly JsonEncodedText CSharp = JsonEncodedText.Encode("csharp");
        public static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
        public static readonly JsonEncodedText Logger = JsonEncodedText.Encode("logger");
        public static readonly JsonEncodedText Transaction = JsonEncodedText.Encode("transaction");
        public static readonly JsonEncodedText Release = JsonEncodedText.Encode("release");
        public static readonly JsonEncodedText Environment = JsonEncodedText.Encode("environment");
        public static readonly JsonEncodedText ServerName = JsonEncodedText.Encode("server_name");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText Formatted = JsonEncodedText.Encode("formatted");
        public static readonly JsonEncodedText Fingerprint = JsonEncodedText.Encode("fingerprint");
        public static readonly JsonEncodedText Exception = JsonEncodedText.Encode("exception");
        public static readonly JsonEncodedText Values = JsonEncodedText.Encode("values");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Module = JsonEncodedText.Encode("module");
        public static readonly JsonEncodedText Mechanism = JsonEncodedText.Encode("mechanism");
        public static readonly JsonEncodedText Chained = JsonEncodedText.Encode("chained");
        public static readonly JsonEncodedText Generic = JsonEncodedText.Encode("generic");
        public static readonly JsonEncodedText Handled = JsonEncodedText.Encode("handled");
        public static readonly JsonEncodedText ExceptionId = JsonEncodedText.Encode("exception_id");
        public static readonly JsonEncodedText ParentId = JsonEncodedText.Encode("parent_id");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText IsExceptionGroup = JsonEncodedText.Encode("is_exception_group");
        public static readonly JsonEncodedText Tags = JsonEncodedText.Encode("tags");
        public static readonly JsonEncodedText Extra = JsonEncodedText.Encode("extra");
        public static readonly JsonEncodedText Contexts = JsonEncodedText.Encode("contexts");
        public static readonly JsonEncodedText Runtime = JsonEncodedText.Encode("runtime");
        public static readonly JsonEncodedText Trace = JsonEncodedText.Encode("trace");
        public static readonly JsonEncodedText TraceId = JsonEncodedText.Encode("trace_id");
        public static readonly JsonEncodedText SpanId = JsonEncodedText.Encode("span_id");
        public static readonly JsonEncodedText ParentSpanId = JsonEncodedText.Encode("parent_span_id");
        public static readonly JsonEncodedText Op = JsonEncodedText.Encode("op");
    }
}
