using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>"Who am I, and can this token reach this organization?", the first thing to check when a call fails.</summary>
public class IdentityClient
{
    private readonly ManagementContext _context = null!;

    internal IdentityClient(ManagementContext context)
    {
        _context = context;
    }

    /// <summary>For mocking frameworks only.</summary>
    protected IdentityClient()
    {
    }

    /// <summary>
    /// Asks Sentry who the token belongs to and, when a default organization is configured, whether the token can
    /// read it (<see cref="OrganizationClient.CheckAccessAsync"/> checks another one). Authentication failures throw; a
    /// missing or inaccessible organization is reported in the result.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The identity and, if checked, the organization's reachability.</returns>
    /// <exception cref="SentryAuthorizationException">The token is missing, invalid or expired.</exception>
    public virtual Task<SentryIdentity> CheckAsync(CancellationToken cancellationToken = default) =>
        CheckCoreAsync(_context, _context.Options.Organization, cancellationToken);

    internal static async Task<SentryIdentity> CheckCoreAsync(ManagementContext context, string? slug, CancellationToken cancellationToken)
    {
        var root = await context.Api<IIdentityApi>().GetRootAsync(cancellationToken).ConfigureAwait(false);
        var scopes = root.Auth?.Scopes ?? [];
        if (string.IsNullOrWhiteSpace(slug))
        {
            return new SentryIdentity(root.User, scopes, null, null, null);
        }

        try
        {
            var organization = await context.Api<IOrganizationsApi>().GetAsync(slug, "0", cancellationToken).ConfigureAwait(false);
            return new SentryIdentity(root.User, scopes, slug, organization, null);
        }
        catch (SentryApiException exception) when (exception is SentryNotFoundException or SentryAuthorizationException { IsForbidden: true })
        {
            return new SentryIdentity(root.User, scopes, slug, null, exception.Message);
        }
    }
}
