using System.Text.Json.Serialization;
using Sentry.Management.Api.Teams;

namespace Sentry.Management.Api.Projects;

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
