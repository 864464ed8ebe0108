using System.Text.Json.Serialization;

namespace Sentry.Management.Testing.Storage;

/// <summary>Source-generated JSON for the entities a persistent store writes. Add new entity types here.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredOrganization))]
[JsonSerializable(typeof(StoredProject))]
[JsonSerializable(typeof(StoredKey))]
[JsonSerializable(typeof(StoredToken))]
[JsonSerializable(typeof(StoredIssue))]
[JsonSerializable(typeof(StoredEvent))]
[JsonSerializable(typeof(StoredOutcome))]
[JsonSerializable(typeof(StoredSession))]
[JsonSerializable(typeof(StoredNote))]
[JsonSerializable(typeof(StoredTeam))]
[JsonSerializable(typeof(StoredMember))]
[JsonSerializable(typeof(StoredRelease))]
[JsonSerializable(typeof(StoredCommit))]
[JsonSerializable(typeof(StoredRepository))]
[JsonSerializable(typeof(StoredDeploy))]
[JsonSerializable(typeof(StoredAlert))]
[JsonSerializable(typeof(StoredIntegration))]
[JsonSerializable(typeof(StoredExternalIssue))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
