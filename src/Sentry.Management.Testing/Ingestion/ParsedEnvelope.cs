using System.Text.Json;

namespace Sentry.Management.Testing.Ingestion;

/// <summary>An envelope split into its header and items, before anything is stored.</summary>
internal sealed record ParsedEnvelope(JsonElement Headers, IReadOnlyList<ParsedItem> Items);

/// <summary>One item: its header, its type and its payload bytes.</summary>
internal sealed record ParsedItem(string Type, JsonElement Headers, ReadOnlyMemory<byte> Payload);
