using Microsoft.Extensions.DependencyInjection;
using Refit;
using Sentry.Management.Api.Organizations;
using Sentry.Management.Api.ProjectKeys;
using Sentry.Management.Api.Projects;
using Sentry.Management.Api.Teams;

namespace Sentry.Management.Tests.Contract.Live;

/// <summary>One covered operation, and a call through the real client that performs it with valid input.</summary>
/// <param name="Operation">The schema operation, <c>VERB /path/template/</c>; also the test's name.</param>
/// <param name="Call">Performs the call and checks the result: non-null, and for <see cref="IApiResponse{T}"/> deserialized without error.</param>
public sealed record LiveOperation(string Operation, Func<IServiceProvider, CancellationToken, Task> Call)
{
    public override string ToString() => Operation;
}

/// <summary>
/// Every covered operation, one line each, called against Prism by <see cref="LiveContractTests"/>. Pass every
/// optional query parameter the method has, so Prism checks them too. When an area is added, add one line per
/// operation here (ApiCoverageTests fails until every covered operation has one).
/// </summary>
internal static class LiveOperations
{
    internal const string Org = "acme";
    internal const string Project = "backend";
    internal const string Team = "platform";
    internal const string KeyId = "60120449b6b1d5e45f75561e6dabd80b";

    internal static readonly IReadOnlyList<LiveOperation> All =
    [
        // Organizations
        Api<IOrganizationsApi>.Call("GET /api/0/organizations/", (api, ct) => api.ListAsync(cursor: "0:100:0", query: "acme", owner: true, sortBy: "members", perPage: 100, ct)),
        Api<IOrganizationsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/", (api, ct) => api.GetAsync(Org, detailed: "0", ct)),
        Api<IOrganizationsApi>.Call("PUT /api/0/organizations/{organization_id_or_slug}/", (api, ct) => api.UpdateAsync(Org, new OrganizationUpdate { Name = "Acme", Slug = Org, Require2FA = true, ScrubIPAddresses = true, StoreCrashReports = 5, SensitiveFields = ["password"], SafeFields = ["order_id"], CancelDeletion = false }, ct)),

        // Projects
        Api<IProjectsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/projects/", (api, ct) => api.ListAsync(Org, cursor: "0:100:0", query: "back", perPage: 100, ct)),
        Api<IProjectsApi>.Call("POST /api/0/organizations/{organization_id_or_slug}/projects/", (api, ct) => api.CreateInOrganizationAsync(Org, new ProjectCreate { Name = "Backend", Slug = Project, Platform = "python", DefaultRules = true }, ct)),
        Api<IProjectsApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/", (api, ct) => api.GetAsync(Org, Project, ct)),
        Api<IProjectsApi>.Call("PUT /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/", (api, ct) => api.UpdateAsync(Org, Project, new ProjectUpdate { Name = "Backend", Slug = Project, Platform = "python", IsBookmarked = true, SubjectPrefix = "[backend]", ResolveAge = 720, HighlightTags = ["release"], HighlightContext = new Dictionary<string, IReadOnlyList<string>> { ["os"] = ["name"] }, EnableAutoReleaseCreation = true, ScmSourceContextEnabled = false }, ct)),
        Api<IProjectsApi>.NoContent("DELETE /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/", (api, ct) => api.DeleteAsync(Org, Project, ct)),
        Api<IProjectsApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/teams/", (api, ct) => api.ListTeamsAsync(Org, Project, cursor: "0:100:0", ct)),
        Api<IProjectsApi>.Call("POST /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/teams/{team_id_or_slug}/", (api, ct) => api.AddTeamAsync(Org, Project, Team, ct)),
        Api<IProjectsApi>.Call("DELETE /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/teams/{team_id_or_slug}/", (api, ct) => api.RemoveTeamAsync(Org, Project, Team, ct)),
        Api<IProjectsApi>.Call("POST /api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/projects/", (api, ct) => api.CreateAsync(Org, Team, new ProjectCreate { Name = "Backend", Slug = Project, Platform = "python", DefaultRules = false }, ct)),

        // Teams
        Api<ITeamsApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/teams/", (api, ct) => api.ListAsync(Org, cursor: "0:100:0", query: "plat", detailed: "0", perPage: 100, ct)),
        Api<ITeamsApi>.Call("POST /api/0/organizations/{organization_id_or_slug}/teams/", (api, ct) => api.CreateAsync(Org, new TeamRequest { Slug = Team, Name = "Platform" }, ct)),
        Api<ITeamsApi>.Call("GET /api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/", (api, ct) => api.GetAsync(Org, Team, expand: "projects", collapse: "organization", ct)),
        Api<ITeamsApi>.Call("PUT /api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/", (api, ct) => api.UpdateAsync(Org, Team, new TeamRequest { Slug = "platform-eng", Name = "Platform Engineering" }, ct)),
        Api<ITeamsApi>.NoContent("DELETE /api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/", (api, ct) => api.DeleteAsync(Org, Team, ct)),
        Api<ITeamsApi>.Call("GET /api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/projects/", (api, ct) => api.ListProjectsAsync(Org, Team, cursor: "0:100:0", ct)),

        // Project keys
        Api<IProjectKeysApi>.Call("GET /api/0/organizations/{organization_id_or_slug}/project-keys/", (api, ct) => api.ListForOrganizationAsync(Org, cursor: "0:100:0", team: Team, status: "active", ct)),
        Api<IProjectKeysApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/", (api, ct) => api.ListAsync(Org, Project, cursor: "0:100:0", status: "inactive", ct)),
        Api<IProjectKeysApi>.Call("POST /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/", (api, ct) => api.CreateAsync(Org, Project, new ProjectKeyCreate { Name = "CI", RateLimit = new ProjectKeyRateLimit { Count = 100, Window = 60 }, UseCase = "user" }, ct)),
        Api<IProjectKeysApi>.Call("GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/{key_id}/", (api, ct) => api.GetAsync(Org, Project, KeyId, ct)),
        Api<IProjectKeysApi>.Call("PUT /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/{key_id}/", (api, ct) => api.UpdateAsync(Org, Project, KeyId, new ProjectKeyUpdate { Name = "CI", IsActive = false, RateLimit = new ProjectKeyRateLimit { Count = 10, Window = 3600 }, BrowserSdkVersion = "latest" }, ct)),
        Api<IProjectKeysApi>.NoContent("DELETE /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/{key_id}/", (api, ct) => api.DeleteAsync(Org, Project, KeyId, ct)),
    ];

    /// <summary>Builds entries for one Refit interface, resolved from the test's ServiceProvider (the library's DI registration).</summary>
    /// <typeparam name="TApi">The Refit interface.</typeparam>
    internal static class Api<TApi>
        where TApi : class
    {
        /// <summary>A list endpoint: the page must be a success whose body deserialized.</summary>
        internal static LiveOperation Call<T>(string operation, Func<TApi, CancellationToken, Task<IApiResponse<T>>> call) =>
            new(operation, async (services, ct) =>
            {
                using var response = await call(services.GetRequiredService<TApi>(), ct);
                Assert.That(response.Error, Is.Null, () => $"{operation}: {response.Error}");
                Assert.That(response.IsSuccessful, Is.True, $"{operation}: HTTP {response.StatusCode}");
                Assert.That(response.Content, Is.Not.Null, $"{operation}: no body");
            });

        /// <summary>An endpoint returning one object: it must deserialize into our model.</summary>
        internal static LiveOperation Call<T>(string operation, Func<TApi, CancellationToken, Task<T>> call) =>
            new(operation, async (services, ct) =>
            {
                var result = await call(services.GetRequiredService<TApi>(), ct);
                Assert.That(result, Is.Not.Null, $"{operation}: no result");
            });

        /// <summary>An endpoint answering 204 without a body.</summary>
        internal static LiveOperation NoContent(string operation, Func<TApi, CancellationToken, Task> call) =>
            new(operation, (services, ct) => call(services.GetRequiredService<TApi>(), ct));
    }
}
