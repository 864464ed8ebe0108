using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>Organizations: list the ones a token can see, read and change one.</summary>
public class OrganizationsClient
{
    private readonly IOrganizationsApi _api = null!;
    private readonly ClientContext _context = null!;

    /// <summary>Creates the client over a Refit implementation of <see cref="IOrganizationsApi"/>.</summary>
    /// <param name="api">The API to call.</param>
    /// <param name="options">The options (default organization, page size).</param>
    public OrganizationsClient(IOrganizationsApi api, SentryManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _context = new ClientContext(options);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected OrganizationsClient()
    {
    }

    /// <summary>Lists the organizations the token can see, fetching pages as the listing is enumerated.</summary>
    /// <param name="query">Filters by name or slug.</param>
    /// <param name="owner">Only organizations the user owns.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Organization> List(string? query = null, bool? owner = null, SentryPageOptions? pages = null) =>
        ClientContext.Pageable((cursor, ct) => _api.ListAsync(cursor, query, owner, null, _context.PageSize, ct), pages);

    /// <summary>Gets an organization.</summary>
    /// <param name="organizationSlug">The organization's slug or id; <see langword="null"/> for the configured default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organization.</returns>
    /// <exception cref="SentryNotFoundException">The organization does not exist or the token cannot see it.</exception>
    public virtual Task<Organization> GetAsync(string? organizationSlug = null, CancellationToken cancellationToken = default) =>
        _api.GetAsync(_context.Organization(organizationSlug), null, cancellationToken);

    /// <summary>Changes an organization's settings.</summary>
    /// <param name="organizationSlug">The organization's slug or id; <see langword="null"/> for the configured default.</param>
    /// <param name="update">The settings to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organization as it is now.</returns>
    public virtual Task<Organization> UpdateAsync(string? organizationSlug, OrganizationUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _api.UpdateAsync(_context.Organization(organizationSlug), update, cancellationToken);
    }
}
