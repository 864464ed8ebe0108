using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>Projects: list, read, create under a team, change, delete, and manage which teams own them.</summary>
public class ProjectsClient
{
    private readonly IProjectsApi _api = null!;
    private readonly ClientContext _context = null!;

    /// <summary>Creates the client over a Refit implementation of <see cref="IProjectsApi"/>.</summary>
    /// <param name="api">The API to call.</param>
    /// <param name="options">The options (default organization, page size).</param>
    public ProjectsClient(IProjectsApi api, SentryManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _context = new ClientContext(options);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ProjectsClient()
    {
    }

    /// <summary>Lists an organization's projects, fetching pages as the listing is enumerated.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="query">Filters by name or slug.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Project> List(string? organizationSlug = null, string? query = null, SentryPageOptions? pages = null)
    {
        var organization = _context.Organization(organizationSlug);
        return ClientContext.Pageable((cursor, ct) => _api.ListAsync(organization, cursor, query, _context.PageSize, ct), pages);
    }

    /// <summary>Gets a project.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project.</returns>
    public virtual Task<Project> GetAsync(string? organizationSlug, string projectSlug, CancellationToken cancellationToken = default) =>
        _api.GetAsync(_context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), cancellationToken);

    /// <summary>Creates a project owned by a team.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="teamSlug">The owning team.</param>
    /// <param name="project">The new project (name required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created project.</returns>
    public virtual Task<Project> CreateAsync(string? organizationSlug, string teamSlug, ProjectCreate project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentException.ThrowIfNullOrWhiteSpace(project.Name, "project.Name");
        if (project.Slug is not null)
        {
            SentrySlug.Validate(project.Slug, "projectSlug");
        }

        return _api.CreateAsync(_context.Organization(organizationSlug), SentrySlug.Validate(teamSlug), project, cancellationToken);
    }

    /// <summary>Changes a project's settings.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="update">The settings to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project as it is now.</returns>
    public virtual Task<Project> UpdateAsync(string? organizationSlug, string projectSlug, ProjectUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _api.UpdateAsync(_context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), update, cancellationToken);
    }

    /// <summary>Schedules a project for deletion.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    public virtual Task DeleteAsync(string? organizationSlug, string projectSlug, CancellationToken cancellationToken = default) =>
        _api.DeleteAsync(_context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), cancellationToken);

    /// <summary>Lists the teams that own a project.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Team> ListTeams(string? organizationSlug, string projectSlug, SentryPageOptions? pages = null)
    {
        var organization = _context.Organization(organizationSlug);
        var project = SentrySlug.Validate(projectSlug);
        return ClientContext.Pageable((cursor, ct) => _api.ListTeamsAsync(organization, project, cursor, ct), pages);
    }

    /// <summary>Gives a team access to a project.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="teamSlug">The team's slug or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project as it is now.</returns>
    public virtual Task<Project> AddTeamAsync(string? organizationSlug, string projectSlug, string teamSlug, CancellationToken cancellationToken = default) =>
        _api.AddTeamAsync(_context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), SentrySlug.Validate(teamSlug), cancellationToken);

    /// <summary>Takes a team's access to a project away.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="teamSlug">The team's slug or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project as it is now.</returns>
    public virtual Task<Project> RemoveTeamAsync(string? organizationSlug, string projectSlug, string teamSlug, CancellationToken cancellationToken = default) =>
        _api.RemoveTeamAsync(_context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), SentrySlug.Validate(teamSlug), cancellationToken);
}
