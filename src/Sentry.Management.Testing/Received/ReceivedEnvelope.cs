using System.Text.Json;

namespace Sentry.Management.Testing;

/// <summary>An envelope (or a legacy <c>/store/</c> event) the server accepted.</summary>
public sealed class ReceivedEnvelope
{
    internal ReceivedEnvelope(string projectId, JsonElement headers, IReadOnlyList<ReceivedItem> items, DateTimeOffset receivedAt)
    {
        ProjectId = projectId;
        Headers = headers;
        Items = items;
        ReceivedAt = receivedAt;
    }

    /// <summary>The project id from the URL it was posted to.</summary>
    public string ProjectId { get; }

    /// <summary>The envelope header (a JSON object with <c>event_id</c>, <c>dsn</c>, <c>sent_at</c>, <c>sdk</c>…).</summary>
    public JsonElement Headers { get; }

    /// <summary>Its items, in order.</summary>
    public IReadOnlyList<ReceivedItem> Items { get; }

    /// <summary>When the server accepted it.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The SDK that sent it (the header's <c>sdk.name</c>), if named.</summary>
    public string? SdkName =>
        Headers.ValueKind == JsonValueKind.Object && Headers.TryGetProperty("sdk", out var sdk) && sdk.ValueKind == JsonValueKind.Object
        && sdk.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;

    /// <inheritdoc />
    public override string ToString() => $"Envelope with {Items.Count} item(s): {string.Join(", ", Items.Select(i => i.Type))}";
}
