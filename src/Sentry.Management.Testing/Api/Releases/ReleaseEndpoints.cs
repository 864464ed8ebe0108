using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Releases;

/// <summary>
/// Releases of an organization and of a project: create (208 when the version exists), list, details, update
/// (finalize with <c>dateReleased</c>, set commits with <c>commits</c> or <c>refs</c>), delete.
/// </summary>
internal static class ReleaseEndpoints
{
    public static void Map(ApiRouteBuilder api)
    {
        var routes = new AreaRoutes(api);
        routes.Get("/organizations/{org}/releases/", ListAsync);
        routes.Post("/organizations/{org}/releases/", CreateAsync);
        routes.Get("/organizations/{org}/releases/{version}/", GetAsync);
        routes.Put("/organizations/{org}/releases/{version}/", UpdateAsync);
        routes.Delete("/organizations/{org}/releases/{version}/", DeleteAsync);
        routes.Get("/projects/{org}/{project}/releases/", ListForProjectAsync);
        routes.Post("/projects/{org}/{project}/releases/", CreateForProjectAsync);
        routes.Get("/projects/{org}/{project}/releases/{version}/", GetForProjectAsync);
        routes.Put("/projects/{org}/{project}/releases/{version}/", UpdateForProjectAsync);
        routes.Delete("/projects/{org}/{project}/releases/{version}/", DeleteForProjectAsync);
    }

    /// <summary>The release named by the <c>{version}</c> route value, optionally of one project; 404 when there is none.</summary>
    public static StoredRelease Release(ApiContext c, StoredOrganization organization, StoredProject? project = null)
    {
        var version = c.Route("version");
        return c.Data.Releases.All().FirstOrDefault(r => r.OrganizationId == organization.Id && r.Version == version && (project is null || r.ProjectIds.Contains(project.Id)))
               ?? throw ApiProblem.NotFound();
    }

    private static Task ListAsync(ApiContext c)
    {
        var organization = c.Organization();
        var projectIds = c.QueryAll("project");
        return List(c, organization, r => projectIds.Count == 0 || projectIds.Any(p => p == "-1" || r.ProjectIds.Contains(p)));
    }

    private static Task ListForProjectAsync(ApiContext c)
    {
        var organization = c.Organization();
        var project = c.Project();
        return List(c, organization, r => r.ProjectIds.Contains(project.Id));
    }

    private static Task List(ApiContext c, StoredOrganization organization, Func<StoredRelease, bool> filter)
    {
        var query = c.Query("query");
        var environment = c.Query("environment");
        var releases = c.Data.Releases.All()
            .Where(r => r.OrganizationId == organization.Id && filter(r))
            .Where(r => query is null || r.Version.Contains(query, StringComparison.OrdinalIgnoreCase))
            .Where(r => environment is null || c.Data.Deploys.All().Any(d => d.ReleaseId == r.Id && d.Environment == environment)
                        || c.Data.Events.All().Any(e => e.Release == r.Version && e.Environment == environment))
            .OrderByDescending(r => r.DateCreated).ThenByDescending(r => long.Parse(r.Id, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return c.PageAsync(releases, r => ReleaseJson.Write(r, c.State));
    }

    private static Task CreateAsync(ApiContext c) => Create(c, c.Organization(), project: null);

    private static Task CreateForProjectAsync(ApiContext c) => Create(c, c.Organization(), c.Project());

    private static async Task Create(ApiContext c, StoredOrganization organization, StoredProject? project)
    {
        var body = await c.BodyAsync().ConfigureAwait(false);
        var version = body.RequiredString("version");
        CheckVersion(version);
        var projects = project is null ? Projects(c, organization, body) : [project];
        StoredRelease? release;
        bool created;
        lock (c.Data.Gate)
        {
            release = c.Data.Releases.All().FirstOrDefault(r => r.OrganizationId == organization.Id && r.Version == version);
            created = release is null;
            release ??= new StoredRelease
            {
                Id = c.Data.NextId("release"),
                OrganizationId = organization.Id,
                Version = version,
                DateCreated = c.Now,
            };

            // An existing release gains the projects the request names (Sentry answers 208 Already Reported).
            foreach (var p in projects.Where(p => !release.ProjectIds.Contains(p.Id)))
            {
                release.ProjectIds.Add(p.Id);
            }

            if (created)
            {
                ApplyFields(release, body);
            }

            CommitRecorder.Apply(c, organization, release, body);
            c.Data.Releases.Upsert(release);
        }

        await c.OkAsync(ReleaseJson.Write(release, c.State), created ? 201 : 208).ConfigureAwait(false);
    }

    /// <summary>Sentry refuses versions that cannot be told apart in URLs or that name no release.</summary>
    private static void CheckVersion(string version)
    {
        if (version.Length > 200 || version.Trim() != version || version is "." or ".." or "latest"
            || version.Any(ch => ch is '/' or '\\' or '\n' or '\r' or '\t' or '\f' or '\v'))
        {
            throw ApiFieldProblem.Field("version", $"Release with name {version} is not allowed");
        }
    }

    private static List<StoredProject> Projects(ApiContext c, StoredOrganization organization, JsonObject body)
    {
        var slugs = body.Strings("projects");
        if (slugs is null || slugs.Count == 0)
        {
            throw ApiFieldProblem.Required("projects");
        }

        var projects = slugs.Select(s => c.Data.FindProject(organization, s)).ToList();
        return projects.Contains(null)
            ? throw ApiFieldProblem.Field("projects", "Invalid project ids or slugs")
            : projects.OfType<StoredProject>().ToList();
    }

    private static void ApplyFields(StoredRelease release, JsonObject body)
    {
        release.Ref = body.Has("ref") ? body.String("ref") : release.Ref;
        release.Url = body.Has("url") ? body.String("url") : release.Url;
        release.DateReleased = body.Has("dateReleased") ? body.Date("dateReleased") : release.DateReleased;
        release.DateStarted = body.Has("dateStarted") ? body.Date("dateStarted") : release.DateStarted;
        if (body.Object("data") is { } data)
        {
            release.Data = data.ToJsonString();
        }
    }

    private static Task GetAsync(ApiContext c) => c.OkAsync(ReleaseJson.Write(Release(c, c.Organization()), c.State));

    private static Task GetForProjectAsync(ApiContext c) => c.OkAsync(ReleaseJson.Write(Release(c, c.Organization(), c.Project()), c.State));

    private static Task UpdateAsync(ApiContext c) => Update(c, c.Organization(), project: null);

    private static Task UpdateForProjectAsync(ApiContext c) => Update(c, c.Organization(), c.Project());

    private static async Task Update(ApiContext c, StoredOrganization organization, StoredProject? project)
    {
        var release = Release(c, organization, project);
        var body = await c.BodyAsync().ConfigureAwait(false);
        lock (c.Data.Gate)
        {
            ApplyFields(release, body);
            if (body.Has("projects"))
            {
                release.ProjectIds = Projects(c, organization, body).Select(p => p.Id).ToList();
            }

            CommitRecorder.Apply(c, organization, release, body);
            c.Data.Releases.Upsert(release);
        }

        await c.OkAsync(ReleaseJson.Write(release, c.State)).ConfigureAwait(false);
    }

    private static Task DeleteAsync(ApiContext c) => Delete(c, c.Organization(), project: null);

    private static Task DeleteForProjectAsync(ApiContext c) => Delete(c, c.Organization(), c.Project());

    private static Task Delete(ApiContext c, StoredOrganization organization, StoredProject? project)
    {
        var release = Release(c, organization, project);
        lock (c.Data.Gate)
        {
            if (c.Data.Issues.All().Any(i => release.ProjectIds.Contains(i.ProjectId) && (i.FirstRelease == release.Version || i.LastRelease == release.Version)))
            {
                throw ApiProblem.BadRequest("This release is referenced by active issues and cannot be removed.");
            }

            c.Data.Releases.Remove(release.Id);
            foreach (var deploy in c.Data.Deploys.All().Where(d => d.ReleaseId == release.Id))
            {
                c.Data.Deploys.Remove(deploy.Id);
            }
        }

        return c.NoContentAsync();
    }
}
