namespace Sentry.Management;

/// <summary>What <see cref="IdentityClient.CheckAsync"/> found.</summary>
/// <param name="User">The user the token belongs to; <see langword="null"/> for organization tokens.</param>
/// <param name="Scopes">The token's scopes.</param>
/// <param name="OrganizationSlug">The organization that was checked, if any.</param>
/// <param name="Organization">The organization, when the token can read it.</param>
/// <param name="OrganizationError">Why the organization could not be read, when it could not.</param>
public sealed record SentryIdentity(
    ApiUser? User,
    IReadOnlyList<string> Scopes,
    string? OrganizationSlug,
    Organization? Organization,
    string? OrganizationError)
{
    /// <summary>Whether the checked organization is reachable (<see langword="false"/> when none was checked).</summary>
    public bool CanReachOrganization => Organization is not null;
}
