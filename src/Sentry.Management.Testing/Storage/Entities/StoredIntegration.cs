namespace Sentry.Management.Testing.Storage;

/// <summary>An installed integration of an organization (Slack, GitHub, Jira…), seeded for alert actions and trackers.</summary>
internal sealed class StoredIntegration
{
    public required string Id { get; set; }

    public required string OrganizationId { get; set; }

    /// <summary>The provider key: <c>slack</c>, <c>github</c>, <c>jira</c>.</summary>
    public required string Provider { get; set; }

    public required string Name { get; set; }

    public required string ExternalId { get; set; }

    public string? DomainName { get; set; }
}
