using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>Source-generated JSON metadata for the integration endpoints (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(OrganizationIntegration))]
[JsonSerializable(typeof(List<OrganizationIntegration>))]
[JsonSerializable(typeof(IssueIntegrationConfig))]
[JsonSerializable(typeof(List<ReleaseRepository>))]
[JsonSerializable(typeof(List<ReleaseCommit>))]
[JsonSerializable(typeof(List<ExternalIssue>))]
[JsonSerializable(typeof(ExternalIssueLink))]
[JsonSerializable(typeof(ExternalIssueCreate))]
[JsonSerializable(typeof(ExternalIssueLinkRequest))]
internal sealed partial class IntegrationsJsonContext : JsonSerializerContext;
