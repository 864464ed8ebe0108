using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management.Api;

/// <summary>
/// Every area of the REST surface, once: its Refit interface and the JSON context that reads its models. Refit client
/// creation (<see cref="SentryRefit"/>), dependency injection and the registration tests all read this list, so adding
/// an area means one line here plus the area's own files.
/// </summary>
internal static class SentryAreas
{
    internal static IReadOnlyList<SentryArea> All { get; } =
    [
        SentryArea.Of<IOrganizationsApi>(OrganizationsJsonContext.Default),
        SentryArea.Of<IProjectsApi>(ProjectsJsonContext.Default),
        SentryArea.Of<ITeamsApi>(TeamsJsonContext.Default),
        SentryArea.Of<IProjectKeysApi>(ProjectKeysJsonContext.Default),
        SentryArea.Of<IIdentityApi>(IdentityJsonContext.Default),
        SentryArea.Of<IIssuesApi>(IssuesJsonContext.Default),
        SentryArea.Of<IEventsApi>(EventsJsonContext.Default),
        SentryArea.Of<IAlertsApi>(AlertsJsonContext.Default),
        SentryArea.Of<IReleasesApi>(ReleasesJsonContext.Default),
        SentryArea.Of<IStatsApi>(StatsJsonContext.Default),
        SentryArea.Of<ISessionsApi>(SessionsJsonContext.Default),
        SentryArea.Of<IMembersApi>(MembersJsonContext.Default),
        SentryArea.Of<IIntegrationsApi>(IntegrationsJsonContext.Default),
        SentryArea.Of<IDiscoverApi>(DiscoverJsonContext.Default),
    ];

    internal static SentryArea? Find(Type api)
    {
        foreach (var area in All)
        {
            if (area.Api == api)
            {
                return area;
            }
        }

        return null;
    }
}

/// <summary>One area: the Refit interface, its JSON context, and a non-generic way to create it (for DI, without reflection).</summary>
internal sealed record SentryArea(Type Api, JsonSerializerContext Json, Func<HttpClient, object> Create)
{
    internal static SentryArea Of<TApi>(JsonSerializerContext json)
        where TApi : class => new(typeof(TApi), json, http => SentryRefit.Create<TApi>(http));
}
