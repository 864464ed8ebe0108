using System.Text.Json;

namespace Sentry.Management.Testing;

/// <summary>One item of an envelope as it arrived: its headers and its payload bytes.</summary>
public sealed class ReceivedItem
{
    internal ReceivedItem(string type, JsonElement headers, ReadOnlyMemory<byte> payload, JsonElement? json)
    {
        Type = type;
        Headers = headers;
        Payload = payload;
        Json = json;
    }

    /// <summary>The item type, such as <c>event</c>, <c>transaction</c>, <c>session</c> or <c>attachment</c>.</summary>
    public string Type { get; }

    /// <summary>The item header (a JSON object with <c>type</c>, <c>length</c>, <c>filename</c>…).</summary>
    public JsonElement Headers { get; }

    /// <summary>The payload bytes exactly as received (attachments are binary).</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The payload parsed as JSON, for JSON items; <see langword="null"/> for binary ones.</summary>
    public JsonElement? Json { get; }

    /// <summary>The attachment's file name (the item header's <c>filename</c>), if any.</summary>
    public string? Filename => HeaderString("filename");

    /// <summary>The payload's content type (the item header's <c>content_type</c>), if any.</summary>
    public string? ContentType => HeaderString("content_type");

    /// <inheritdoc />
    public override string ToString() => $"{Type} ({Payload.Length} bytes)";

    private string? HeaderString(string name) =>
        Headers.ValueKind == JsonValueKind.Object && Headers.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
