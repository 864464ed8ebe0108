namespace Sentry.Management.Testing.Storage;

/// <summary>A team of an organization; projects name it by slug (<see cref="StoredProject.Teams"/>).</summary>
internal sealed class StoredTeam
{
    public required string Id { get; set; }

    public required string OrganizationId { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset DateCreated { get; set; }
}
