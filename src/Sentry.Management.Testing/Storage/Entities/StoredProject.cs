namespace Sentry.Management.Testing.Storage;

/// <summary>A project of an organization.</summary>
internal sealed class StoredProject
{
    public required string Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public required string OrganizationId { get; set; }

    public string? Platform { get; set; }

    public DateTimeOffset DateCreated { get; set; }

    /// <summary>The slugs of the teams that own the project.</summary>
    public List<string> Teams { get; set; } = [];
}
