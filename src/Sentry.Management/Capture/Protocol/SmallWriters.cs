using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>Sentry's level names.</summary>
internal static class LevelNames
{
    public static string Of(SentryLevel level) => level switch
    {
        SentryLevel.Debug => "debug",
        SentryLevel.Info => "info",
        SentryLevel.Warning => "warning",
        SentryLevel.Fatal => "fatal",
        _ => "error",
    };
}

/// <summary>Timestamps as Sentry's numeric form: seconds since the Unix epoch with millisecond precision.</summary>
internal static class UnixTime
{
    public static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}

/// <summary>The <c>sdk</c> object that tells Sentry which client sent the data.</summary>
internal static class SdkWriter
{
    public static void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("sdk");
        writer.WriteString("name", PayloadContext.SdkName);
        writer.WriteString("version", PayloadContext.SdkVersion);
        writer.WriteEndObject();
    }
}

/// <summary>The <c>user</c> object; email and IP address only with <c>SendDefaultPii</c>.</summary>
internal static class UserWriter
{
    public static void Write(Utf8JsonWriter writer, PayloadContext context, SentryUser? user)
    {
        if (user is null)
        {
            return;
        }

        writer.WriteStartObject("user");
        Optional(writer, context, "id", user.Id);
        Optional(writer, context, "username", user.Username);
        if (context.Options.SendDefaultPii)
        {
            Optional(writer, context, "email", user.Email);
            Optional(writer, context, "ip_address", user.IpAddress);
        }

        writer.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter writer, PayloadContext context, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, context.Clean(value));
        }
    }
}

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

            writer.WriteString("level", LevelNames.Of(crumb.Level));
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
