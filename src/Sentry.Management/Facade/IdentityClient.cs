using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>"Who am I, and can this token reach this organization?", the first thing to check when a call fails.</summary>
public class IdentityClient
{
    private readonly IIdentityApi _identity = null!;
    private readonly IOrganizationsApi _organizations = null!;
    private readonly ClientContext _context = null!;

    /// <summary>Creates the client over the Refit implementations it needs.</summary>
    /// <param name="identity">The API root.</param>
    /// <param name="organizations">The organization endpoints, to check access to one.</param>
    /// <param name="options">The options (default organization).</param>
    public IdentityClient(IIdentityApi identity, IOrganizationsApi organizations, SentryManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(organizations);
        _identity = identity;
        _organizations = organizations;
        _context = new ClientContext(options);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected IdentityClient()
    {
    }

    /// <summary>
    /// Asks Sentry who the token belongs to and, when an organization is given or configured, whether the token can
    /// read it. Authentication failures throw; a missing or inaccessible organization is reported in the result.
    /// </summary>
    /// <param name="organizationSlug">The organization to check; <see langword="null"/> for the configured default (if any).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The identity and, if checked, the organization's reachability.</returns>
    /// <exception cref="SentryAuthorizationException">The token is missing, invalid or expired.</exception>
    public virtual async Task<SentryIdentity> CheckAsync(string? organizationSlug = null, CancellationToken cancellationToken = default)
    {
        var root = await _identity.GetRootAsync(cancellationToken).ConfigureAwait(false);
        var slug = organizationSlug ?? _context.Options.Organization;
        if (string.IsNullOrWhiteSpace(slug))
        {
            return new SentryIdentity(root.User, root.Auth?.Scopes ?? [], null, null, null);
        }

        slug = _context.Organization(slug);
        try
        {
            var organization = await _organizations.GetAsync(slug, "0", cancellationToken).ConfigureAwait(false);
            return new SentryIdentity(root.User, root.Auth?.Scopes ?? [], slug, organization, null);
        }
        catch (SentryApiException exception) when (exception is SentryNotFoundException or SentryAuthorizationException { IsForbidden: true })
        {
            return new SentryIdentity(root.User, root.Auth?.Scopes ?? [], slug, null, exception.Message);
        }
    }
}

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
