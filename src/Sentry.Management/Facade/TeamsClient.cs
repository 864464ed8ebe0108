using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>Teams: list, read, create, rename, delete, and list a team's projects.</summary>
public class TeamsClient
{
    private readonly ITeamsApi _api = null!;
    private readonly OrganizationScope _scope = null!;

    internal TeamsClient(OrganizationScope scope)
    {
        _scope = scope;
        _api = scope.Api<ITeamsApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected TeamsClient()
    {
    }

    /// <summary>Lists an organization's teams, fetching pages as the listing is enumerated.</summary>
    /// <param name="query">Filters by name or slug.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Team> List(string? query = null, SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        return OrganizationScope.Pageable((cursor, ct) => _api.ListAsync(organization, cursor, query, null, _scope.PageSize, ct), pages);
    }

    /// <summary>Gets a team.</summary>
    /// <param name="teamSlug">The team's slug or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The team.</returns>
    public virtual Task<Team> GetAsync(string teamSlug, CancellationToken cancellationToken = default) =>
        _api.GetAsync(_scope.Slug, SentrySlug.Validate(teamSlug), null, null, cancellationToken);

    /// <summary>Creates a team.</summary>
    /// <param name="teamSlug">The new team's slug.</param>
    /// <param name="name">The display name; Sentry uses the slug when it is not given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created team.</returns>
    public virtual Task<Team> CreateAsync(string teamSlug, string? name = null, CancellationToken cancellationToken = default) =>
        _api.CreateAsync(_scope.Slug, new TeamRequest { Slug = SentrySlug.Validate(teamSlug), Name = name }, cancellationToken);

    /// <summary>Renames a team or changes its slug.</summary>
    /// <param name="teamSlug">The team's current slug or id.</param>
    /// <param name="newSlug">The slug it should have (pass the current one to keep it).</param>
    /// <param name="name">The new display name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The team as it is now.</returns>
    public virtual Task<Team> UpdateAsync(string teamSlug, string newSlug, string? name = null, CancellationToken cancellationToken = default) =>
        _api.UpdateAsync(_scope.Slug, SentrySlug.Validate(teamSlug), new TeamRequest { Slug = SentrySlug.Validate(newSlug), Name = name }, cancellationToken);

    /// <summary>Schedules a team for deletion.</summary>
    /// <param name="teamSlug">The team's slug or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    public virtual Task DeleteAsync(string teamSlug, CancellationToken cancellationToken = default) =>
        _api.DeleteAsync(_scope.Slug, SentrySlug.Validate(teamSlug), cancellationToken);

    /// <summary>Lists a team's projects.</summary>
    /// <param name="teamSlug">The team's slug or id.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Project> ListProjects(string teamSlug, SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        var team = SentrySlug.Validate(teamSlug);
        return OrganizationScope.Pageable((cursor, ct) => _api.ListProjectsAsync(organization, team, cursor, ct), pages);
    }
}
