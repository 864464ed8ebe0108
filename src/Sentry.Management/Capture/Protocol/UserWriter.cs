using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>The <c>user</c> object; email and IP address only with <c>SendDefaultPii</c>.</summary>
internal static class UserWriter
{
    public static void Write(Utf8JsonWriter writer, PayloadContext context, CaptureUser? user)
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
