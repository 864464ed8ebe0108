using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>The organizations a token can see; one organization is <c>sentry.Organization("acme")</c>.</summary>
public class OrganizationsClient
{
    private readonly IOrganizationsApi _api = null!;
    private readonly ManagementContext _context = null!;

    internal OrganizationsClient(ManagementContext context)
    {
        _context = context;
        _api = context.Api<IOrganizationsApi>();
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
        OrganizationScope.Pageable((cursor, ct) => _api.ListAsync(cursor, query, owner, null, _context.Options.PageSize, ct), pages);
}
