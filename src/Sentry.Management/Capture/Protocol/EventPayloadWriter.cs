using System.Runtime.CompilerServices;
using System.Text.Json;
using Sentry.Management.Capture.Processing;

namespace Sentry.Management.Capture.Protocol;

/// <summary>Writes an error or message event as Sentry's event JSON, merging the scope snapshot taken at capture.</summary>
/// <remarks>
/// This path (these writers, the envelope writer, the stack trace and scrubbing helpers and the sender's preparation
/// steps) is compiled optimized at its first call (<see cref="MethodImplOptions.AggressiveOptimization"/>): a process
/// sees some 40,000 events before tiered compilation replaces its unoptimized first code, so an application's errors
/// would otherwise almost always run through it. Measured: 5 % to 6 % less CPU per event for the first 2,000 events of a
/// process, no measurable change once warm (docs/benchmarks.md, sixth round).
/// </remarks>
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(Utf8JsonWriter writer, PayloadContext context, ErrorEvent evt, ScopeState scope)
    {
        var options = context.Options;
        writer.WriteStartObject();
        EnvelopeWriter.WriteId(writer, JsonNames.EventId, evt.EventId);
        UnixTime.WriteSeconds(writer, JsonNames.Timestamp, evt.Timestamp);
        writer.WriteString(JsonNames.Platform, JsonNames.CSharp);
        writer.WriteString(JsonNames.Level, LevelNames.Of(evt.Level));
        WriteOptional(writer, context, JsonNames.Logger, evt.Logger);
        WriteOptional(writer, context, JsonNames.Transaction, evt.TransactionName);
        WriteOptional(writer, context, JsonNames.Release, options.Release);
        WriteOptional(writer, context, JsonNames.Environment, options.Environment);
        WriteOptional(writer, context, JsonNames.ServerName, options.ServerName);

        if (evt.Message is not null)
        {
            writer.WriteStartObject(JsonNames.Message);
            writer.WriteString(JsonNames.Formatted, context.Clean(evt.Message));
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
            writer.WriteStartArray(JsonNames.Fingerprint);
            foreach (var part in fingerprint)
            {
                writer.WriteStringValue(part);
            }

            writer.WriteEndArray();
        }

        SdkWriter.Write(writer);
        writer.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteExceptions(Utf8JsonWriter writer, PayloadContext context, string? unhandledMechanism, Exception root)
    {
        var chain = ExceptionChain.Flatten(root);
        writer.WriteStartObject(JsonNames.Exception);
        writer.WriteStartArray(JsonNames.Values);

        // Sentry lists the outermost exception last.
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var item = chain[i];
            var ex = item.Exception;
            writer.WriteStartObject();
            writer.WriteString(JsonNames.Type, ex.GetType().FullName);
            writer.WriteString(JsonNames.Value, context.Clean(ex.Message));
            if (ex.GetType().Namespace is { } ns)
            {
                writer.WriteString(JsonNames.Module, ns);
            }

            writer.WriteStartObject(JsonNames.Mechanism);
            if (item.ParentId is not null)
            {
                writer.WriteString(JsonNames.Type, JsonNames.Chained);
            }
            else if (unhandledMechanism is null)
            {
                writer.WriteString(JsonNames.Type, JsonNames.Generic);
            }
            else
            {
                writer.WriteString(JsonNames.Type, unhandledMechanism);
            }

            writer.WriteBoolean(JsonNames.Handled, unhandledMechanism is null);
            writer.WriteNumber(JsonNames.ExceptionId, item.Id);
            if (item.ParentId is { } parent)
            {
                writer.WriteNumber(JsonNames.ParentId, parent);
                writer.WriteString(JsonNames.Source, item.Source);
            }

            if (ex is AggregateException)
            {
                writer.WriteBoolean(JsonNames.IsExceptionGroup, true);
            }

            writer.WriteEndObject();
            StackTraceWriter.Write(writer, context, ex);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteTags(Utf8JsonWriter writer, PayloadContext context, ErrorEvent evt, ScopeState scope)
    {
        var own = evt.HasTags ? evt.FieldsOrNull : null;
        if (own is null && scope.Tags.Count == 0)
        {
            return;
        }

        writer.WriteStartObject(JsonNames.Tags);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteExtra(Utf8JsonWriter writer, PayloadContext context, ErrorEvent evt, ScopeState scope)
    {
        var own = evt.HasExtra ? evt.FieldsOrNull : null;
        if (own is null && scope.Extra.Count == 0)
        {
            return;
        }

        writer.WriteStartObject(JsonNames.Extra);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteContexts(Utf8JsonWriter writer, PayloadContext context, ErrorEvent evt, ScopeState scope)
    {
        writer.WriteStartObject(JsonNames.Contexts);
        writer.WritePropertyName(JsonNames.Runtime);
        JsonFragment.Write(writer, Runtime);
        if (evt.Span is { } span)
        {
            writer.WriteStartObject(JsonNames.Trace);
            writer.WriteString(JsonNames.TraceId, span.TraceId);
            writer.WriteString(JsonNames.SpanId, span.SpanId);
            if (span.ParentSpanId is not null)
            {
                writer.WriteString(JsonNames.ParentSpanId, span.ParentSpanId);
            }

            writer.WriteString(JsonNames.Op, span.Operation);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteOptional(Utf8JsonWriter writer, PayloadContext context, JsonEncodedText name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, context.Clean(value));
        }
    }
}
