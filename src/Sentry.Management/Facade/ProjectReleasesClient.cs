using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>A project's releases and the commits of a release in that project.</summary>
public class ProjectReleasesClient
{
    private readonly IReleasesApi _api = null!;
    private readonly ProjectScope _project = null!;

    internal ProjectReleasesClient(ProjectScope project)
    {
        _project = project;
        _api = project.Api<IReleasesApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ProjectReleasesClient()
    {
    }

    /// <summary>Lists a project's releases, newest first.</summary>
    /// <param name="query">Case-insensitive substring of the version.</param>
    /// <param name="environments">Environments to filter by.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Release> List(
        string? query = null,
        IEnumerable<string>? environments = null,
        SentryPageOptions? pages = null)
    {
        var organization = _project.Organization.Slug;
        var project = _project.Slug;
        var environmentList = environments?.ToList();
        return OrganizationScope.Pageable((cursor, ct) => _api.ListForProjectAsync(organization, project, cursor, environmentList, query, _project.Organization.PageSize, ct), pages);
    }

    /// <summary>Lists the commits of a release in one project.</summary>
    /// <param name="version">The version, unescaped.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<ReleaseCommit> ListCommits(string version, SentryPageOptions? pages = null)
    {
        var organization = _project.Organization.Slug;
        var project = _project.Slug;
        var checkedVersion = SentryReleaseVersion.Validate(version);
        return OrganizationScope.Pageable((cursor, ct) => _api.ListProjectCommitsAsync(organization, project, checkedVersion, cursor, ct), pages);
    }
}
