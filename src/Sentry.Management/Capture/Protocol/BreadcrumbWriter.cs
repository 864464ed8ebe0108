using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>The <c>breadcrumbs</c> object.</summary>
/// <remarks>
/// A breadcrumb on the scope goes out with every event until it falls off, unchanged (it is immutable once
/// recorded), so each one is encoded once per client and its bytes are kept on the breadcrumb.
/// </remarks>
internal static class BreadcrumbWriter
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(Utf8JsonWriter writer, PayloadContext context, SentryBreadcrumb[] breadcrumbs)
    {
        if (breadcrumbs.Length == 0)
        {
            return;
        }

        writer.WriteStartObject(JsonNames.Breadcrumbs);
        writer.WriteStartArray(JsonNames.Values);
        foreach (var crumb in breadcrumbs)
        {
            JsonFragment.Write(writer, Encoded(context, crumb));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // Scrubbing follows the client's options, so the kept bytes are only reused by the client that encoded them
    // (a breadcrumb object may be recorded on two clients' scopes).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] Encoded(PayloadContext context, SentryBreadcrumb crumb)
    {
        if (crumb.Encoded is { } kept && kept.ContextId == context.Id)
        {
            return kept.Json;
        }

        var json = JsonFragment.Encode((context, crumb), static (writer, state) => WriteOne(writer, state.context, state.crumb));
        crumb.Encoded = new EncodedBreadcrumb(context.Id, json);
        return json;
    }

    private static void WriteOne(Utf8JsonWriter writer, PayloadContext context, SentryBreadcrumb crumb)
    {
        writer.WriteStartObject();
        if (crumb.Timestamp is { } at)
        {
            UnixTime.WriteSeconds(writer, JsonNames.Timestamp, at);
        }

        if (crumb.Message is not null)
        {
            writer.WriteString(JsonNames.Message, context.Clean(crumb.Message));
        }

        if (crumb.Category is not null)
        {
            writer.WriteString(JsonNames.Category, crumb.Category);
        }

        if (crumb.Type is not null)
        {
            writer.WriteString(JsonNames.Type, crumb.Type);
        }

        // Info is Sentry's default breadcrumb level: ten breadcrumbs would repeat it ten times.
        if (crumb.Level != EventLevel.Info)
        {
            writer.WriteString(JsonNames.Level, LevelNames.Of(crumb.Level));
        }

        if (crumb.Data is { Count: > 0 } data)
        {
            writer.WriteStartObject(JsonNames.Data);
            foreach (var (key, value) in data)
            {
                writer.WriteString(key, context.CleanValue(key, value ?? string.Empty));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}

/// <summary>A breadcrumb as one client writes it: <paramref name="ContextId"/> is that client's <see cref="PayloadContext.Id"/>.</summary>
internal sealed record EncodedBreadcrumb(int ContextId, byte[] Json);
