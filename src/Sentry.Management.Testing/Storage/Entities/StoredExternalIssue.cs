namespace Sentry.Management.Testing.Storage;

/// <summary>An issue in an external tracker linked to a Sentry issue through an integration.</summary>
internal sealed class StoredExternalIssue
{
    public required string Id { get; set; }

    public required string IssueId { get; set; }

    public required string IntegrationId { get; set; }

    /// <summary>The tracker's key, such as <c>LOCAL-1</c> or <c>owner/repo#1</c>.</summary>
    public required string ExternalKey { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset DateCreated { get; set; }
}
