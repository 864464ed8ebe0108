using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>The <c>sdk</c> object that tells Sentry which client sent the data.</summary>
internal static class SdkWriter
{

    // The same in every envelope header and payload: encoded once.
    private static readonly byte[] Sdk = JsonFragment.Encode(0, static (writer, _) =>
    {
        writer.WriteStartObject();
        writer.WriteString("name", PayloadContext.SdkName);
        writer.WriteString("version", PayloadContext.SdkVersion);
        writer.WriteEndObject();
    });

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(Utf8JsonWriter writer)
    {
        writer.WritePropertyName(JsonNames.Sdk);
        JsonFragment.Write(writer, Sdk);
    }
}
