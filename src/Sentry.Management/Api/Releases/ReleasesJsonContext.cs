using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>Source-generated JSON metadata for the release and deploy endpoints (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Release))]
[JsonSerializable(typeof(List<Release>))]
[JsonSerializable(typeof(ReleaseCommit))]
[JsonSerializable(typeof(List<ReleaseCommit>))]
[JsonSerializable(typeof(ReleaseCommitFile))]
[JsonSerializable(typeof(List<ReleaseCommitFile>))]
[JsonSerializable(typeof(Deploy))]
[JsonSerializable(typeof(List<Deploy>))]
[JsonSerializable(typeof(ReleaseCreate))]
[JsonSerializable(typeof(ReleaseUpdate))]
[JsonSerializable(typeof(DeployCreate))]
internal sealed partial class ReleasesJsonContext : JsonSerializerContext;
