using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>Teams: list, read, create, rename, delete, and list a team's projects.</summary>
public class TeamsClient
{
    private readonly ITeamsApi _api = null!;
    private readonly ClientContext _context = null!;

    /// <summary>Creates the client over a Refit implementation of <see cref="ITeamsApi"/>.</summary>
    /// <param name="api">The API to call.</param>
    /// <param name="options">The options (default organization, page size).</param>
    public TeamsClient(ITeamsApi api, SentryManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _context = new ClientContext(options);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected TeamsClient()
    {
    }

    /// <summary>Lists an organization's teams, fetching pages as the listing is enumerated.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="query">Filters by name or slug.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Team> List(string? organizationSlug = null, string? query = null, SentryPageOptions? pages = null)
    {
        var organization = _context.Organization(organizationSlug);
        return ClientContext.Pageable((cursor, ct) => _api.ListAsync(organization, cursor, query, null, _context.PageSize, ct), pages);
    }

    /// <summary>Gets a team.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="teamSlug">The team's slug or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The team.</returns>
    public virtual Task<Team> GetAsync(string? organizationSlug, string teamSlug, CancellationToken cancellationToken = default) =>
        _api.GetAsync(_context.Organization(organizationSlug), SentrySlug.Validate(teamSlug), null, null, cancellationToken);

    /// <summary>Creates a team.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="teamSlug">The new team's slug.</param>
    /// <param name="name">The display name; Sentry uses the slug when it is not given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created team.</returns>
    public virtual Task<Team> CreateAsync(string? organizationSlug, string teamSlug, string? name = null, CancellationToken cancellationToken = default) =>
        _api.CreateAsync(_context.Organization(organizationSlug), new TeamRequest { Slug = SentrySlug.Validate(teamSlug), Name = name }, cancellationToken);

    /// <summary>Renames a team or changes its slug.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="teamSlug">The team's current slug or id.</param>
    /// <param name="newSlug">The slug it should have (pass the current one to keep it).</param>
    /// <param name="name">The new display name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The team as it is now.</returns>
    public virtual Task<Team> UpdateAsync(string? organizationSlug, string teamSlug, string newSlug, string? name = null, CancellationToken cancellationToken = default) =>
        _api.UpdateAsync(_context.Organization(organizationSlug), SentrySlug.Validate(teamSlug), new TeamRequest { Slug = SentrySlug.Validate(newSlug), Name = name }, cancellationToken);

    /// <summary>Schedules a team for deletion.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="teamSlug">The team's slug or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    public virtual Task DeleteAsync(string? organizationSlug, string teamSlug, CancellationToken cancellationToken = default) =>
        _api.DeleteAsync(_context.Organization(organizationSlug), SentrySlug.Validate(teamSlug), cancellationToken);

    /// <summary>Lists a team's projects.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="teamSlug">The team's slug or id.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Project> ListProjects(string? organizationSlug, string teamSlug, SentryPageOptions? pages = null)
    {
        var organization = _context.Organization(organizationSlug);
        var team = SentrySlug.Validate(teamSlug);
        return ClientContext.Pageable((cursor, ct) => _api.ListProjectsAsync(organization, team, cursor, ct), pages);
    }
}
