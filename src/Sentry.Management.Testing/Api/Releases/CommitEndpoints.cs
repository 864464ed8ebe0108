using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Releases;

/// <summary>A release's commits, changed files and deploys, and the organization's repositories.</summary>
internal static class CommitEndpoints
{
    public static void Map(ApiRouteBuilder api)
    {
        var routes = new AreaRoutes(api);
        routes.Get("/organizations/{org}/releases/{version}/commits/", CommitsAsync);
        routes.Get("/projects/{org}/{project}/releases/{version}/commits/", ProjectCommitsAsync);
        routes.Get("/organizations/{org}/releases/{version}/commitfiles/", CommitFilesAsync);
        routes.Get("/organizations/{org}/releases/{version}/deploys/", DeploysAsync);
        routes.Post("/organizations/{org}/releases/{version}/deploys/", CreateDeployAsync);
        routes.Get("/organizations/{org}/repos/", RepositoriesAsync);
        routes.Post("/organizations/{org}/repos/", CreateRepositoryAsync);
        routes.Get("/organizations/{org}/releases/{version}/previous-with-commits/", PreviousWithCommitsAsync);
        routes.Get("/organizations/{org}/repos/{repo_id}/commits/", RepositoryCommitsAsync);
    }

    private static List<StoredCommit> Commits(ApiContext c, StoredRelease release) =>
        release.CommitIds.Select(c.Data.Commits.Find).OfType<StoredCommit>().ToList();

    private static Task CommitsAsync(ApiContext c)
    {
        var release = ReleaseEndpoints.Release(c, c.Organization());
        return c.PageAsync(Commits(c, release), x => ReleaseJson.Commit(x, c.State));
    }

    private static Task ProjectCommitsAsync(ApiContext c)
    {
        var release = ReleaseEndpoints.Release(c, c.Organization(), c.Project());
        return c.PageAsync(Commits(c, release), x => ReleaseJson.Commit(x, c.State));
    }

    private static Task CommitFilesAsync(ApiContext c)
    {
        var organization = c.Organization();
        var release = ReleaseEndpoints.Release(c, organization);
        var files = Commits(c, release).SelectMany(commit => commit.Files.Select(file => (commit, file))).ToList();
        var id = 0;
        return c.PageAsync(files, pair => new JsonObject
        {
            ["id"] = (++id).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["orgId"] = long.Parse(organization.Id, System.Globalization.CultureInfo.InvariantCulture),
            ["author"] = ReleaseJson.Author(pair.commit),
            ["commitMessage"] = pair.commit.Message,
            ["filename"] = pair.file.Filename,
            ["type"] = pair.file.Type,
            ["repoName"] = c.Data.Repositories.Find(pair.commit.RepositoryId)?.Name,
        });
    }

    private static Task DeploysAsync(ApiContext c)
    {
        var release = ReleaseEndpoints.Release(c, c.Organization());
        var deploys = c.Data.Deploys.All().Where(d => d.ReleaseId == release.Id).OrderByDescending(d => d.DateFinished).ToList();
        return c.PageAsync(deploys, ReleaseJson.Deploy);
    }

    private static async Task CreateDeployAsync(ApiContext c)
    {
        var organization = c.Organization();
        var release = ReleaseEndpoints.Release(c, organization);
        var body = await c.BodyAsync().ConfigureAwait(false);
        var environment = body.RequiredString("environment");
        if (environment.Length > 64 || environment.Any(ch => ch is '/' or '\n' or '\r' or '\t'))
        {
            throw ApiFieldProblem.Field("environment", "Enter a valid environment name.");
        }

        var projects = release.ProjectIds;
        if (body.Strings("projects") is { Count: > 0 } slugs)
        {
            var found = slugs.Select(s => c.Data.FindProject(organization, s)).ToList();
            projects = found.Contains(null) || found.Any(p => !release.ProjectIds.Contains(p!.Id))
                ? throw ApiFieldProblem.Field("projects", "Invalid projects")
                : found.Select(p => p!.Id).ToList();
        }

        var deploy = new StoredDeploy
        {
            Id = c.Data.NextId("deploy"),
            ReleaseId = release.Id,
            Environment = environment,
            Name = body.String("name"),
            Url = body.String("url"),
            DateStarted = body.Date("dateStarted"),
            DateFinished = body.Date("dateFinished") ?? c.Now,
            ProjectIds = [.. projects],
        };
        c.Data.Deploys.Upsert(deploy);
        await c.OkAsync(ReleaseJson.Deploy(deploy), 201).ConfigureAwait(false);
    }

    private static Task RepositoriesAsync(ApiContext c)
    {
        var organization = c.Organization();
        var query = c.Query("query");
        var repositories = c.Data.Repositories.All()
            .Where(r => r.OrganizationId == organization.Id && (query is null || r.Name.Contains(query, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return c.PageAsync(repositories, ReleaseJson.Repository);
    }

    /// <summary>Adds a repository by name, as Sentry's repository settings do (sentry-cli's <c>--commit</c> needs one).</summary>
    private static async Task CreateRepositoryAsync(ApiContext c)
    {
        var organization = c.Organization();
        var body = await c.BodyAsync().ConfigureAwait(false);
        var name = body.RequiredString("name");
        StoredRepository repository;
        lock (c.Data.Gate)
        {
            if (c.Data.Repositories.All().Any(r => r.OrganizationId == organization.Id && r.Name == name))
            {
                throw ApiProblem.BadRequest("A repository with that name already exists");
            }

            repository = new StoredRepository { Id = c.Data.NextId("repository"), OrganizationId = organization.Id, Name = name, DateCreated = c.Now };
            c.Data.Repositories.Upsert(repository);
        }

        await c.OkAsync(ReleaseJson.Repository(repository), 201).ConfigureAwait(false);
    }

    /// <summary>
    /// The newest older release of the same projects that has commits (sentry-cli asks for it to find where this
    /// release's commits start), or <c>{}</c> when there is none.
    /// </summary>
    private static Task PreviousWithCommitsAsync(ApiContext c)
    {
        var organization = c.Organization();
        var release = ReleaseEndpoints.Release(c, organization);
        var previous = c.Data.Releases.All()
            .Where(r => r.OrganizationId == organization.Id && r.Id != release.Id && r.CommitIds.Count > 0 && r.DateCreated <= release.DateCreated)
            .Where(r => r.ProjectIds.Any(release.ProjectIds.Contains))
            .MaxBy(r => (r.DateCreated, long.Parse(r.Id, System.Globalization.CultureInfo.InvariantCulture)));
        return c.OkAsync(previous is null ? new JsonObject() : ReleaseJson.Write(previous, c.State));
    }

    private static Task RepositoryCommitsAsync(ApiContext c)
    {
        var organization = c.Organization();
        var id = c.Route("repo_id");
        var repository = c.Data.Repositories.All().FirstOrDefault(r => r.OrganizationId == organization.Id && (r.Id == id || r.Name == id)) ?? throw ApiProblem.NotFound();
        // The commits releases recorded for the repository, newest first (Sentry orders by the commit's date).
        var commits = c.Data.Commits.All().Where(x => x.RepositoryId == repository.Id)
            .OrderByDescending(x => x.DateCreated).ThenByDescending(x => long.Parse(x.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return c.PageAsync(commits, x => ReleaseJson.Commit(x, c.State));
    }
}
