using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>The <c>user</c> object; email and IP address only with <c>SendDefaultPii</c>.</summary>
internal static class UserWriter
{

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(Utf8JsonWriter writer, PayloadContext context, CaptureUser? user)
    {
        if (user is null)
        {
            return;
        }

        writer.WriteStartObject(JsonNames.User);
        Optional(writer, context, JsonNames.Id, user.Id);
        Optional(writer, context, JsonNames.Username, user.Username);
        if (context.Options.SendDefaultPii)
        {
            Optional(writer, context, JsonNames.Email, user.Email);
            Optional(writer, context, JsonNames.IpAddress, user.IpAddress);
        }

        writer.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Optional(Utf8JsonWriter writer, PayloadContext context, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, context.Clean(value));
        }
    }
}
