namespace Sentry.Management.Testing.Storage;

/// <summary>A repository, created the first time a release's commits or refs name it.</summary>
internal sealed class StoredRepository
{
    public required string Id { get; set; }

    public required string OrganizationId { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset DateCreated { get; set; }
}
