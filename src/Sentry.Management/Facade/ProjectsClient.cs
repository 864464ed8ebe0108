using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>Projects: list, read, create under a team, change, delete, and manage which teams own them.</summary>
public class ProjectsClient
{
    private readonly IProjectsApi _api = null!;
    private readonly OrganizationScope _scope = null!;

    internal ProjectsClient(OrganizationScope scope)
    {
        _scope = scope;
        _api = scope.Api<IProjectsApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ProjectsClient()
    {
    }

    /// <summary>Lists an organization's projects, fetching pages as the listing is enumerated.</summary>
    /// <param name="query">Filters by name or slug.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Project> List(string? query = null, SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        return OrganizationScope.Pageable((cursor, ct) => _api.ListAsync(organization, cursor, query, _scope.PageSize, ct), pages);
    }

    /// <summary>Creates a project owned by a team.</summary>
    /// <param name="teamSlug">The owning team.</param>
    /// <param name="project">The new project (name required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created project.</returns>
    public virtual Task<Project> CreateAsync(string teamSlug, ProjectCreate project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentException.ThrowIfNullOrWhiteSpace(project.Name, "project.Name");
        if (project.Slug is not null)
        {
            SentrySlug.Validate(project.Slug, "projectSlug");
        }

        return _api.CreateAsync(_scope.Slug, SentrySlug.Validate(teamSlug), project, cancellationToken);
    }}
