using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>The client keys (DSNs) of every project in an organization; a single project's keys are on <see cref="ProjectClient.Keys"/>.</summary>
public class OrganizationProjectKeysClient
{
    private readonly IProjectKeysApi _api = null!;
    private readonly OrganizationScope _scope = null!;

    internal OrganizationProjectKeysClient(OrganizationScope scope)
    {
        _scope = scope;
        _api = scope.Api<IProjectKeysApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected OrganizationProjectKeysClient()
    {
    }

    /// <summary>Lists the client keys of every project in the organization.</summary>
    /// <param name="teamSlug">Only projects of this team.</param>
    /// <param name="status"><c>active</c> or <c>inactive</c> to filter; <see langword="null"/> for all.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<ProjectKey> List(string? teamSlug = null, string? status = null, SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        var team = teamSlug is null ? null : SentrySlug.Validate(teamSlug, nameof(teamSlug));
        return OrganizationScope.Pageable((cursor, ct) => _api.ListForOrganizationAsync(organization, cursor, team, status, ct), pages);
    }
}
