using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>The <c>user</c> object; email and IP address only with <c>SendDefaultPii</c>.</summary>
internal static class UserWriter
{
    private static readonly JsonEncodedText UserName = JsonEncodedText.Encode("user");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText UsernameName = JsonEncodedText.Encode("username");
    private static readonly JsonEncodedText EmailName = JsonEncodedText.Encode("email");
    private static readonly JsonEncodedText IpAddressName = JsonEncodedText.Encode("ip_address");

    public static void Write(Utf8JsonWriter writer, PayloadContext context, CaptureUser? user)
    {
        if (user is null)
        {
            return;
        }

        writer.WriteStartObject(UserName);
        Optional(writer, context, IdName, user.Id);
        Optional(writer, context, UsernameName, user.Username);
        if (context.Options.SendDefaultPii)
        {
            Optional(writer, context, EmailName, user.Email);
            Optional(writer, context, IpAddressName, user.IpAddress);
        }

        writer.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter writer, PayloadContext context, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, context.Clean(value));
        }
    }
}
