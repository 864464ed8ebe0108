using Sentry.Management.Testing.Api.Members;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Teams;

/// <summary>Teams: list, create, details, update, delete, and a team's members.</summary>
internal static class TeamEndpoints
{
    public const string ConflictingSlug = "A team with this slug already exists.";

    public static void Map(ApiRouteBuilder api)
    {
        var routes = new AreaRoutes(api);
        routes.Get("/organizations/{org}/teams/", ListAsync);
        routes.Post("/organizations/{org}/teams/", CreateAsync);
        routes.Get("/teams/{org}/{team}/", GetAsync);
        routes.Put("/teams/{org}/{team}/", UpdateAsync);
        routes.Delete("/teams/{org}/{team}/", DeleteAsync);
        routes.Get("/teams/{org}/{team}/members/", MembersAsync);
    }

    private static Task ListAsync(ApiContext c)
    {
        var organization = c.Organization();
        var query = c.Query("query");
        var detailed = c.Query("detailed") != "0";
        var teams = c.Data.Teams.All()
            .Where(t => t.OrganizationId == organization.Id)
            .Where(t => query is null || t.Slug.Contains(query, StringComparison.OrdinalIgnoreCase) || t.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return c.PageAsync(teams, t => detailed ? TeamJson.WithProjects(t, c.State) : TeamJson.Write(t, c.State));
    }

    private static async Task CreateAsync(ApiContext c)
    {
        var organization = c.Organization();
        var body = await c.BodyAsync().ConfigureAwait(false);
        var name = body.String("name");
        var slug = body.String("slug");
        if (name is null && slug is null)
        {
            throw new ApiFieldProblem(400, new System.Text.Json.Nodes.JsonObject { ["non_field_errors"] = new System.Text.Json.Nodes.JsonArray("A name or slug is required") });
        }

        slug = Slugs.From(slug, name);
        StoredTeam team;
        lock (c.Data.Gate)
        {
            if (c.Data.FindTeam(organization, slug) is not null)
            {
                throw ApiFieldProblem.Conflict(ConflictingSlug);
            }

            team = new StoredTeam { Id = c.Data.NextId("team"), OrganizationId = organization.Id, Slug = slug, Name = name ?? slug, DateCreated = c.Now };
            c.Data.Teams.Upsert(team);

            // Sentry makes the creator a team admin.
            if (c.Data.Members.All().FirstOrDefault(m => m.OrganizationId == organization.Id && m.UserId == ManagementSeed.OwnerUserId) is { } owner)
            {
                owner.Teams[team.Id] = "admin";
                c.Data.Members.Upsert(owner);
            }
        }

        await c.OkAsync(TeamJson.Write(team, c.State), 201).ConfigureAwait(false);
    }

    private static Task GetAsync(ApiContext c)
    {
        var organization = c.Organization();
        var team = c.Team(organization);
        var json = TeamJson.WithProjects(team, c.State);
        json["organization"] = OrganizationJson.Summary(organization, c.State);
        return c.OkAsync(json);
    }

    private static async Task UpdateAsync(ApiContext c)
    {
        var organization = c.Organization();
        var team = c.Team(organization);
        var body = await c.BodyAsync().ConfigureAwait(false);
        var name = body.String("name");
        var slug = body.String("slug");
        lock (c.Data.Gate)
        {
            if (slug is not null && slug != team.Slug)
            {
                if (!Slugs.IsValid(slug))
                {
                    throw ApiFieldProblem.Field("slug", Slugs.Invalid);
                }

                if (c.Data.FindTeam(organization, slug) is not null)
                {
                    throw ApiFieldProblem.Field("slug", $"Another team is already using the slug \"{slug}\".");
                }

                foreach (var project in c.Data.ProjectsOf(organization).Where(p => p.Teams.Contains(team.Slug)))
                {
                    project.Teams[project.Teams.IndexOf(team.Slug)] = slug;
                    c.Data.Projects.Upsert(project);
                }

                team.Slug = slug;
            }

            team.Name = name ?? team.Name;
            c.Data.Teams.Upsert(team);
        }

        await c.OkAsync(TeamJson.Write(team, c.State)).ConfigureAwait(false);
    }

    private static Task DeleteAsync(ApiContext c)
    {
        var organization = c.Organization();
        var team = c.Team(organization);
        lock (c.Data.Gate)
        {
            foreach (var project in c.Data.ProjectsOf(organization).Where(p => p.Teams.Remove(team.Slug)))
            {
                c.Data.Projects.Upsert(project);
            }

            foreach (var member in c.Data.Members.All().Where(m => m.Teams.Remove(team.Id)))
            {
                c.Data.Members.Upsert(member);
            }

            c.Data.Teams.Remove(team.Id);
        }

        return c.NoContentAsync();
    }

    private static Task MembersAsync(ApiContext c)
    {
        var organization = c.Organization();
        var team = c.Team(organization);

        // Pending invitations are not listed: they have no user yet, and a team member always has one.
        var members = c.Data.Members.All().Where(m => m.OrganizationId == organization.Id && m.Teams.ContainsKey(team.Id) && m.UserId is not null).ToList();
        return c.PageAsync(members, m => MemberJson.OfTeam(m, team));
    }
}
