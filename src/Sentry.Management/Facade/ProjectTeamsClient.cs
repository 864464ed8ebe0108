using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>The teams that own a project: list, add, remove.</summary>
public class ProjectTeamsClient
{
    private readonly IProjectsApi _api = null!;
    private readonly ProjectScope _project = null!;

    internal ProjectTeamsClient(ProjectScope project)
    {
        _project = project;
        _api = project.Api<IProjectsApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ProjectTeamsClient()
    {
    }

    /// <summary>Lists the teams that own a project.</summary>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Team> List(SentryPageOptions? pages = null)
    {
        var organization = _project.Organization.Slug;
        var project = _project.Slug;
        return OrganizationScope.Pageable((cursor, ct) => _api.ListTeamsAsync(organization, project, cursor, ct), pages);
    }

    /// <summary>Gives a team access to a project.</summary>
    /// <param name="teamSlug">The team's slug or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project as it is now.</returns>
    public virtual Task<Project> AddAsync(string teamSlug, CancellationToken cancellationToken = default) =>
        _api.AddTeamAsync(_project.Organization.Slug, _project.Slug, SentrySlug.Validate(teamSlug), cancellationToken);

    /// <summary>Takes a team's access to a project away.</summary>
    /// <param name="teamSlug">The team's slug or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project as it is now.</returns>
    public virtual Task<Project> RemoveAsync(string teamSlug, CancellationToken cancellationToken = default) =>
        _api.RemoveTeamAsync(_project.Organization.Slug, _project.Slug, SentrySlug.Validate(teamSlug), cancellationToken);
}
