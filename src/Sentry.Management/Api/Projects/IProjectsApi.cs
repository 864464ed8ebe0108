using Refit;

namespace Sentry.Management.Api;

/// <summary>Sentry's project endpoints, as a Refit interface.</summary>
public interface IProjectsApi
{
    /// <summary>Lists an organization's projects (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="query">Filters by name or slug.</param>
    /// <param name="perPage">Items per page, 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/projects/")]
    Task<IApiResponse<List<Project>>> ListAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query] string? cursor = null,
        [Query] string? query = null,
        [Query, AliasAs("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets one project.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project.</returns>
    [Get("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/")]
    Task<Project> GetAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        CancellationToken cancellationToken = default);

    /// <summary>Creates a project owned by a team.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="team">The owning team's id or slug.</param>
    /// <param name="project">The new project.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created project.</returns>
    [Post("/api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/projects/")]
    Task<Project> CreateAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("team_id_or_slug")] string team,
        [Body] ProjectCreate project,
        CancellationToken cancellationToken = default);

    /// <summary>Creates a project in an organization without a team (owned by the organization).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The new project.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created project.</returns>
    [Post("/api/0/organizations/{organization_id_or_slug}/projects/")]
    Task<Project> CreateInOrganizationAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Body] ProjectCreate project,
        CancellationToken cancellationToken = default);

    /// <summary>Changes a project's settings.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="update">The settings to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project as it is now.</returns>
    [Put("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/")]
    Task<Project> UpdateAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [Body] ProjectUpdate update,
        CancellationToken cancellationToken = default);

    /// <summary>Schedules a project for deletion.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    [Delete("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/")]
    Task DeleteAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the teams that own a project (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/teams/")]
    Task<IApiResponse<List<Team>>> ListTeamsAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [Query] string? cursor = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gives a team access to a project.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="team">The team's id or slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project as it is now.</returns>
    [Post("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/teams/{team_id_or_slug}/")]
    Task<Project> AddTeamAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [AliasAs("team_id_or_slug")] string team,
        CancellationToken cancellationToken = default);

    /// <summary>Takes a team's access to a project away.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="team">The team's id or slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project as it is now.</returns>
    [Delete("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/teams/{team_id_or_slug}/")]
    Task<Project> RemoveTeamAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [AliasAs("team_id_or_slug")] string team,
        CancellationToken cancellationToken = default);
}
