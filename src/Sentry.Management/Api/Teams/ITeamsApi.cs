using Refit;

namespace Sentry.Management.Api;

/// <summary>Sentry's team endpoints, as a Refit interface.</summary>
public interface ITeamsApi
{
    /// <summary>Lists an organization's teams (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="query">Filters by name or slug.</param>
    /// <param name="detailed"><c>0</c> to leave out projects (faster).</param>
    /// <param name="perPage">Items per page, 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/teams/")]
    Task<IApiResponse<List<Team>>> ListAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query] string? cursor = null,
        [Query] string? query = null,
        [Query] string? detailed = null,
        [Query, AliasAs("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets one team.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="team">The team's id or slug.</param>
    /// <param name="expand">Related data to include, such as <c>projects</c>.</param>
    /// <param name="collapse">Related data to leave out, such as <c>organization</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The team.</returns>
    [Get("/api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/")]
    Task<Team> GetAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("team_id_or_slug")] string team,
        [Query] string? expand = null,
        [Query] string? collapse = null,
        CancellationToken cancellationToken = default);

    /// <summary>Creates a team.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="team">The new team.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created team.</returns>
    [Post("/api/0/organizations/{organization_id_or_slug}/teams/")]
    Task<Team> CreateAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Body] TeamRequest team,
        CancellationToken cancellationToken = default);

    /// <summary>Renames a team or changes its slug.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="team">The team's id or slug.</param>
    /// <param name="update">The new slug (required by Sentry) and name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The team as it is now.</returns>
    [Put("/api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/")]
    Task<Team> UpdateAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("team_id_or_slug")] string team,
        [Body] TeamRequest update,
        CancellationToken cancellationToken = default);

    /// <summary>Schedules a team for deletion.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="team">The team's id or slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    [Delete("/api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/")]
    Task DeleteAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("team_id_or_slug")] string team,
        CancellationToken cancellationToken = default);

    /// <summary>Lists a team's projects (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="team">The team's id or slug.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/projects/")]
    Task<IApiResponse<List<Project>>> ListProjectsAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("team_id_or_slug")] string team,
        [Query] string? cursor = null,
        CancellationToken cancellationToken = default);
}
