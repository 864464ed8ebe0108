using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>Source-generated JSON metadata for the sessions endpoint (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SessionsResult))]
[JsonSerializable(typeof(List<SessionsResult>))]
internal sealed partial class SessionsJsonContext : JsonSerializerContext;
