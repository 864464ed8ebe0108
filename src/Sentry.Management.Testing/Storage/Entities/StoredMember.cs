namespace Sentry.Management.Testing.Storage;

/// <summary>
/// A member of an organization: a user who joined, or an invitation (no <see cref="UserId"/> yet). Its team
/// memberships live here, keyed by team id, with the team role (<c>contributor</c>, <c>admin</c> or none).
/// </summary>
internal sealed class StoredMember
{
    public required string Id { get; set; }

    public required string OrganizationId { get; set; }

    public required string Email { get; set; }

    /// <summary>The user's id; <see langword="null"/> while the invitation is pending.</summary>
    public string? UserId { get; set; }

    public string? Username { get; set; }

    public string? Name { get; set; }

    /// <summary><c>member</c>, <c>admin</c>, <c>manager</c>, <c>owner</c> or <c>billing</c>.</summary>
    public string OrgRole { get; set; } = "member";

    public string? InviterName { get; set; }

    public DateTimeOffset DateCreated { get; set; }

    /// <summary>Team id to team role (<see langword="null"/> when the member has the role its org role implies).</summary>
    public Dictionary<string, string?> Teams { get; set; } = new(StringComparer.Ordinal);
}
