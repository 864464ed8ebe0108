using Sentry.Management.Testing.Api.Keys;
using Sentry.Management.Testing.Api.Teams;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Projects;

/// <summary>Projects beyond the details: list, create (in a team or the organization), update, delete, and their teams.</summary>
internal static class ProjectAdminEndpoints
{
    public const string ConflictingSlug = "A project with this slug already exists.";

    public static void Map(ApiRouteBuilder api)
    {
        var routes = new AreaRoutes(api);
        routes.Get("/projects/", ListAllAsync);
        routes.Get("/organizations/{org}/projects/", ListAsync);
        routes.Post("/organizations/{org}/projects/", CreateInOrganizationAsync);
        routes.Get("/teams/{org}/{team}/projects/", ListOfTeamAsync);
        routes.Post("/teams/{org}/{team}/projects/", CreateInTeamAsync);
        routes.Put("/projects/{org}/{project}/", UpdateAsync);
        routes.Delete("/projects/{org}/{project}/", DeleteAsync);
        routes.Get("/projects/{org}/{project}/teams/", TeamsAsync);
        routes.Post("/projects/{org}/{project}/teams/{team}/", AddTeamAsync);
        routes.Delete("/projects/{org}/{project}/teams/{team}/", RemoveTeamAsync);
    }

    private static Task ListAllAsync(ApiContext c) =>
        c.PageAsync(c.Data.Projects.All(), p => ProjectListJson.Write(p, c.State));

    private static Task ListAsync(ApiContext c)
    {
        var organization = c.Organization();
        var query = c.Query("query");
        var projects = c.Data.ProjectsOf(organization).Where(p => Matches(p, query)).ToList();
        return c.PageAsync(projects, p => ProjectListJson.Write(p, c.State));
    }

    /// <summary>The subset of Sentry's project search: <c>id:</c>, <c>slug:</c>, <c>team:</c> terms and free text.</summary>
    private static bool Matches(StoredProject project, string? query) =>
        query is null || query.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(term => term.Split(':', 2) switch
        {
            ["id", var v] => project.Id == v,
            ["slug", var v] => project.Slug == v,
            ["team", var v] => project.Teams.Contains(v),
            _ => project.Slug.Contains(term, StringComparison.OrdinalIgnoreCase) || project.Name.Contains(term, StringComparison.OrdinalIgnoreCase),
        });

    private static Task ListOfTeamAsync(ApiContext c)
    {
        var organization = c.Organization();
        var team = c.Team(organization);
        return c.PageAsync(c.Data.ProjectsOf(organization).Where(p => p.Teams.Contains(team.Slug)).ToList(), p => ProjectListJson.Write(p, c.State));
    }

    private static Task CreateInOrganizationAsync(ApiContext c) => CreateAsync(c, c.Organization(), team: null);

    private static Task CreateInTeamAsync(ApiContext c)
    {
        var organization = c.Organization();
        return CreateAsync(c, organization, c.Team(organization));
    }

    private static async Task CreateAsync(ApiContext c, StoredOrganization organization, StoredTeam? team)
    {
        var body = await c.BodyAsync().ConfigureAwait(false);
        var name = body.RequiredString("name");
        if (name.Length > 50)
        {
            throw ApiFieldProblem.Field("name", "Ensure this field has no more than 50 characters.");
        }

        var slug = Slugs.From(body.String("slug"), name);
        var platform = body.String("platform");
        var defaultRules = body.Bool("default_rules") ?? true;
        StoredProject project;
        lock (c.Data.Gate)
        {
            if (c.Data.FindProject(organization, slug) is not null)
            {
                throw new ApiProblem(409, ConflictingSlug);
            }

            project = new StoredProject
            {
                Id = c.Data.NextId("project"),
                Slug = slug,
                Name = name,
                OrganizationId = organization.Id,
                Platform = platform,
                DateCreated = c.Now,
                Teams = team is null ? [] : [team.Slug],
            };
            c.Data.Projects.Upsert(project);

            // What Sentry sets up with every project: a client key, the default detectors, and (unless asked not to)
            // the default issue alert rule.
            c.Data.Keys.Upsert(KeyEndpoints.NewKey(project, "Default", c.Now));
            ManagementSeed.DefaultDetectors(c.Data, organization, project, c.Now);
            if (defaultRules)
            {
                Alerts.IssueRuleEndpoints.AddDefaultRule(c, organization, project);
            }
        }

        await c.OkAsync(ProjectListJson.Write(project, c.State), 201).ConfigureAwait(false);
    }

    private static async Task UpdateAsync(ApiContext c)
    {
        var organization = c.Organization();
        var project = c.Project();
        var body = await c.BodyAsync().ConfigureAwait(false);
        var name = body.String("name");
        var slug = body.String("slug");
        var platform = body.String("platform");
        lock (c.Data.Gate)
        {
            if (slug is not null && slug != project.Slug)
            {
                if (!Slugs.IsValid(slug))
                {
                    throw ApiFieldProblem.Field("slug", Slugs.Invalid);
                }

                if (c.Data.FindProject(organization, slug) is not null)
                {
                    throw ApiFieldProblem.Field("slug", $"Another project ({slug}) is already using that slug");
                }

                project.Slug = slug;
            }

            if (name is not null)
            {
                project.Name = name.Length is > 0 and <= 50 ? name : throw ApiFieldProblem.Field("name", "Ensure this field has no more than 50 characters.");
            }

            project.Platform = body.Has("platform") ? platform : project.Platform;
            c.Data.Projects.Upsert(project);
        }

        await c.OkAsync(ProjectJson.Detail(project, organization, c.State)).ConfigureAwait(false);
    }

    private static Task DeleteAsync(ApiContext c)
    {
        var project = c.Project();
        lock (c.Data.Gate)
        {
            c.Data.Projects.Remove(project.Id);
            foreach (var key in c.Data.Keys.All().Where(k => k.ProjectId == project.Id))
            {
                c.Data.Keys.Remove(key.Public);
            }
        }

        return c.NoContentAsync();
    }

    private static Task TeamsAsync(ApiContext c)
    {
        var organization = c.Organization();
        var project = c.Project();
        var teams = project.Teams.Select(s => c.Data.FindTeam(organization, s)).OfType<StoredTeam>().ToList();
        return c.PageAsync(teams, t => TeamJson.Write(t, c.State));
    }

    private static async Task AddTeamAsync(ApiContext c)
    {
        var organization = c.Organization();
        var project = c.Project();
        var team = c.Team(organization);
        lock (c.Data.Gate)
        {
            if (!project.Teams.Contains(team.Slug))
            {
                project.Teams.Add(team.Slug);
                c.Data.Projects.Upsert(project);
            }
        }

        await c.OkAsync(ProjectJson.Detail(project, organization, c.State), 201).ConfigureAwait(false);
    }

    private static async Task RemoveTeamAsync(ApiContext c)
    {
        var organization = c.Organization();
        var project = c.Project();
        var team = c.Team(organization);
        lock (c.Data.Gate)
        {
            if (project.Teams.Remove(team.Slug))
            {
                c.Data.Projects.Upsert(project);
            }
        }

        await c.OkAsync(ProjectJson.Detail(project, organization, c.State)).ConfigureAwait(false);
    }
}
