using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>A project's error events: list them, read one with its exception and breadcrumbs.</summary>
public class ProjectEventsClient
{
    private readonly IEventsApi _api = null!;
    private readonly ProjectScope _project = null!;

    internal ProjectEventsClient(ProjectScope project)
    {
        _project = project;
        _api = project.Api<IEventsApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ProjectEventsClient()
    {
    }

    /// <summary>Lists a project's error events, fetching pages as the listing is enumerated.</summary>
    /// <param name="statsPeriod">A relative period such as <c>24h</c>; <see langword="null"/> for Sentry's default.</param>
    /// <param name="full">Include the full bodies (entries with stack traces).</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Event> List(
        string? statsPeriod = null,
        bool? full = null,
        SentryPageOptions? pages = null)
    {
        var organization = _project.Organization.Slug;
        var project = _project.Slug;
        return OrganizationScope.Pageable(
            (cursor, ct) => _api.ListForProjectAsync(organization, project, cursor, statsPeriod, null, null, full, null, ct),
            pages);
    }

    /// <summary>Gets an event of a project with its entries; read them with <see cref="Event.GetException"/> and <see cref="Event.GetBreadcrumbs"/>.</summary>
    /// <param name="eventId">The event id (32 hex digits).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event.</returns>
    public virtual Task<Event> GetAsync(string eventId, CancellationToken cancellationToken = default) =>
        _api.GetAsync(_project.Organization.Slug, _project.Slug, QueryValues.EventId(eventId, nameof(eventId)), cancellationToken: cancellationToken);
}
