using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>Source-generated JSON metadata for the member endpoints (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(OrganizationMember))]
[JsonSerializable(typeof(List<OrganizationMember>))]
[JsonSerializable(typeof(OrganizationMemberInvite))]
[JsonSerializable(typeof(OrganizationMemberUpdate))]
[JsonSerializable(typeof(MemberTeamRole))]
[JsonSerializable(typeof(MemberTeamRoleUpdate))]
[JsonSerializable(typeof(Team))]
internal sealed partial class MembersJsonContext : JsonSerializerContext;
