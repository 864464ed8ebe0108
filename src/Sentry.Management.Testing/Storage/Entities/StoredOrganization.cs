namespace Sentry.Management.Testing.Storage;

/// <summary>An organization.</summary>
internal sealed class StoredOrganization
{
    public required string Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset DateCreated { get; set; }
}
