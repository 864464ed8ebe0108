using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>Source-generated JSON metadata for the usage-stats endpoints (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(StatsV2Result))]
[JsonSerializable(typeof(StatsSummary))]
[JsonSerializable(typeof(List<StatsSummary>))]
[JsonSerializable(typeof(StatsPoint))]
[JsonSerializable(typeof(List<StatsPoint>))]
internal sealed partial class StatsJsonContext : JsonSerializerContext;
