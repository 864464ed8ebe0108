using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>Source-generated JSON metadata for the project endpoints (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Project))]
[JsonSerializable(typeof(List<Project>))]
[JsonSerializable(typeof(List<Team>))]
[JsonSerializable(typeof(ProjectCreate))]
[JsonSerializable(typeof(ProjectUpdate))]
internal sealed partial class ProjectsJsonContext : JsonSerializerContext;
