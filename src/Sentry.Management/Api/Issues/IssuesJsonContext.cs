using System.Text.Json.Serialization;

namespace Sentry.Management.Serialization;

/// <summary>Source-generated JSON metadata for the issue endpoints (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Issue))]
[JsonSerializable(typeof(List<Issue>))]
[JsonSerializable(typeof(IssueUpdate))]
[JsonSerializable(typeof(ProjectIssueBulkUpdate))]
[JsonSerializable(typeof(IssueBulkUpdateResult))]
[JsonSerializable(typeof(IssueShortIdLookup))]
[JsonSerializable(typeof(IssueTag))]
[JsonSerializable(typeof(List<IssueTag>))]
[JsonSerializable(typeof(IssueTagValue))]
[JsonSerializable(typeof(List<IssueTagValue>))]
[JsonSerializable(typeof(IssueActivity))]
[JsonSerializable(typeof(List<IssueActivity>))]
[JsonSerializable(typeof(IssueNoteCreate))]
internal sealed partial class IssuesJsonContext : JsonSerializerContext;
