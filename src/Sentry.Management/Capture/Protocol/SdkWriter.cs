using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

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
