using Refit;

namespace Sentry.Management.Api;

/// <summary>Sentry's organization endpoints (<c>/api/0/organizations/</c>), as a Refit interface.</summary>
public interface IOrganizationsApi
{
    /// <summary>Lists the organizations the token can see (one page; the <c>Link</c> header holds the cursors).</summary>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="query">Filters by name or slug.</param>
    /// <param name="owner">Only organizations the user owns.</param>
    /// <param name="sortBy">Sort order, such as <c>members</c>, <c>projects</c> or <c>events</c>.</param>
    /// <param name="perPage">Items per page, 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/organizations/")]
    Task<IApiResponse<List<Organization>>> ListAsync(
        [Query] string? cursor = null,
        [Query] string? query = null,
        [Query] bool? owner = null,
        [Query] string? sortBy = null,
        [Query, AliasAs("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets one organization.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="detailed"><c>0</c> to leave out projects and teams (faster).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organization.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/")]
    Task<Organization> GetAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query] string? detailed = null,
        CancellationToken cancellationToken = default);

    /// <summary>Changes an organization's settings.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="update">The settings to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organization as it is now.</returns>
    [Put("/api/0/organizations/{organization_id_or_slug}/")]
    Task<Organization> UpdateAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Body] OrganizationUpdate update,
        CancellationToken cancellationToken = default);
}
