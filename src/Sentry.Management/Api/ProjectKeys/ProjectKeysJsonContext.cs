using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>Source-generated JSON metadata for the client key endpoints (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ProjectKey))]
[JsonSerializable(typeof(List<ProjectKey>))]
[JsonSerializable(typeof(ProjectKeyCreate))]
[JsonSerializable(typeof(ProjectKeyUpdate))]
internal sealed partial class ProjectKeysJsonContext : JsonSerializerContext;
