using System.Text.Json.Serialization;

namespace Sentry.Management.Benchmarks.Management;

// What a user writing the call by hand would deserialize into: plain DTOs of the same fields, strings for enums.
#pragma warning disable CA1812 // instantiated by System.Text.Json

internal sealed class HandProject
{
    public string? Id { get; set; }
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string? Platform { get; set; }
    public DateTimeOffset? DateCreated { get; set; }
    public DateTimeOffset? FirstEvent { get; set; }
    public bool? IsBookmarked { get; set; }
    public bool? IsMember { get; set; }
    public bool? HasAccess { get; set; }
    public string? Status { get; set; }
    public List<string>? Features { get; set; }
    public List<string>? Environments { get; set; }
    public HandOrganization? Organization { get; set; }
}

internal sealed class HandOrganization
{
    public string? Id { get; set; }
    public string? Slug { get; set; }
    public string? Name { get; set; }
}

internal sealed class HandIssue
{
    public string? Id { get; set; }
    public string? ShortId { get; set; }
    public string? Title { get; set; }
    public string? Culprit { get; set; }
    public Uri? Permalink { get; set; }
    public string? Logger { get; set; }
    public string? Level { get; set; }
    public string? Status { get; set; }
    public string? Substatus { get; set; }
    public bool? IsPublic { get; set; }
    public string? Platform { get; set; }
    public HandIssueProject? Project { get; set; }
    public string? Type { get; set; }
    public HandIssueMetadata? Metadata { get; set; }
    public int? NumComments { get; set; }
    public bool? IsBookmarked { get; set; }
    public bool? IsSubscribed { get; set; }
    public bool? HasSeen { get; set; }
    public bool? IsUnhandled { get; set; }
    public string? Count { get; set; }
    public long? UserCount { get; set; }
    public DateTimeOffset? FirstSeen { get; set; }
    public DateTimeOffset? LastSeen { get; set; }
}

internal sealed class HandIssueProject
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Platform { get; set; }
}

internal sealed class HandIssueMetadata
{
    public string? Type { get; set; }
    public string? Value { get; set; }
    public string? Filename { get; set; }
    public string? Function { get; set; }
}

#pragma warning restore CA1812

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HandProject))]
[JsonSerializable(typeof(List<HandIssue>))]
internal sealed partial class HandJsonContext : JsonSerializerContext;
