using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>Source-generated JSON metadata for the team endpoints (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Team))]
[JsonSerializable(typeof(List<Team>))]
[JsonSerializable(typeof(List<Project>))]
[JsonSerializable(typeof(TeamRequest))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;
