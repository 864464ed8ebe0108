using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>The <c>breadcrumbs</c> object.</summary>
internal static class BreadcrumbWriter
{
    public static void Write(Utf8JsonWriter writer, PayloadContext context, SentryBreadcrumb[] breadcrumbs)
    {
        if (breadcrumbs.Length == 0)
        {
            return;
        }

        writer.WriteStartObject("breadcrumbs");
        writer.WriteStartArray("values");
        foreach (var crumb in breadcrumbs)
        {
            writer.WriteStartObject();
            if (crumb.Timestamp is { } at)
            {
                writer.WriteNumber("timestamp", UnixTime.Seconds(at));
            }

            if (crumb.Message is not null)
            {
                writer.WriteString("message", context.Clean(crumb.Message));
            }

            if (crumb.Category is not null)
            {
                writer.WriteString("category", crumb.Category);
            }

            if (crumb.Type is not null)
            {
                writer.WriteString("type", crumb.Type);
            }

            // Info is Sentry's default breadcrumb level: ten breadcrumbs would repeat it ten times.
            if (crumb.Level != EventLevel.Info)
            {
                writer.WriteString("level", LevelNames.Of(crumb.Level));
            }
            if (crumb.Data is { Count: > 0 } data)
            {
                writer.WriteStartObject("data");
                foreach (var (key, value) in data)
                {
                    writer.WriteString(key, context.CleanValue(key, value ?? string.Empty));
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
