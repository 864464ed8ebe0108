using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;
using Sentry.Management.Mcp.Views;

namespace Sentry.Management.Mcp.Tools;

/// <summary>find_projects, create_project, update_project, add_team_to_project, remove_team_from_project.</summary>
internal static class ProjectTools
{
    public static IEnumerable<ToolDefinition> All()
    {
        yield return new ToolDefinition
        {
            Name = "find_projects",
            Title = "Find projects",
            Description = "Find the projects of an organization, with slugs, platforms and teams. Returns a page and a nextCursor for more.",
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["project:read"],
            Parameters = [Params.Organization, Params.RegionUrl, Params.Query("Filter by name or slug."), Params.Cursor, Params.Limit()],
            OutputSchema = JsonSchemas.List(ProjectViews.ProjectSchema),
            Run = call => ListResult.PageAsync(
                call,
                pages => call.Org().Projects.List(call.Text("query"), pages), // facade: Projects.List
                "Projects in " + call.Organization,
                ProjectViews.Line,
                ProjectViews.Json,
                filter: p => call.Options.Project is not { } pinned || p.Slug == pinned),
        };

        yield return new ToolDefinition
        {
            Name = "create_project",
            Title = "Create a project",
            Description = "Create a project under a team, and return it with its DSN (Sentry creates a default client key).",
            Kind = ToolKind.Additive,
            Scopes = ["project:write"],
            Parameters =
            [
                Params.Organization, Params.RegionUrl, Params.Team,
                ToolParameter.Text("name", "The project's name, usually the application or service (the slug is derived from it).", required: true),
                ToolParameter.Text("platform", "The platform, such as csharp, python, javascript-react, node, go, java."),
            ],
            OutputSchema = JsonSchemas.Single("project", ProjectViews.ProjectSchema, new KeyValuePair<string, JsonNode>("dsn", new JsonObject { ["type"] = new JsonArray("string", "null") })),
            Run = async call =>
            {
                var organization = call.Organization;
                var create = new ProjectCreate { Name = call.RequiredText("name"), Platform = call.Text("platform") };
                // facade: Projects.CreateAsync, then Project(p).Keys.List for the default key
                var project = await call.Org(organization).Projects.CreateAsync(call.RequiredText("teamSlug"), create, call.CancellationToken).ConfigureAwait(false);
                string? dsn = null;
                await foreach (var key in call.Org(organization).Project(project.Slug!).Keys.List(pages: new SentryPageOptions { MaxItems = 1 }).WithCancellation(call.CancellationToken).ConfigureAwait(false))
                {
                    dsn = key.Dsn?.Public?.ToString();
                }

                return new ToolOutput(
                    $"# Project created\n\n{ProjectViews.Line(project)}\n\nDSN: `{dsn ?? "none yet (create_dsn adds one)"}`\n",
                    new JsonObject { ["project"] = ProjectViews.Json(project), ["dsn"] = dsn });
            },
        };

        yield return new ToolDefinition
        {
            Name = "update_project",
            Title = "Update a project",
            Description = "Change a project's name, slug or platform. Renaming the slug changes the project's URLs.",
            Kind = ToolKind.Destructive,
            Idempotent = true,
            Scopes = ["project:write"],
            Parameters =
            [
                Params.Organization, Params.RegionUrl, Params.Project(required: true),
                ToolParameter.Text("name", "The new name."),
                ToolParameter.Text("slug", "The new slug (unique in the organization)."),
                ToolParameter.Text("platform", "The new platform, such as csharp or python."),
            ],
            OutputSchema = JsonSchemas.Single("project", ProjectViews.ProjectSchema),
            Run = async call =>
            {
                var update = new ProjectUpdate { Name = call.Text("name"), Slug = call.Text("slug"), Platform = call.Text("platform") };
                if (update.Name is null && update.Slug is null && update.Platform is null)
                {
                    throw new ToolInputException("Pass at least one of name, slug or platform.");
                }

                // facade: Project(p).UpdateAsync
                var project = await call.Org().Project(call.Project()).UpdateAsync(update, call.CancellationToken).ConfigureAwait(false);
                return new ToolOutput($"# Project updated\n\n{ProjectViews.Line(project)}\n", new JsonObject { ["project"] = ProjectViews.Json(project) });
            },
        };

        yield return TeamAccess("add_team_to_project", "Give a team access to a project.", ToolKind.Additive, add: true);
        yield return TeamAccess("remove_team_from_project", "Take a team's access to a project away (its members lose access unless another team grants it).", ToolKind.Destructive, add: false);
    }

    private static ToolDefinition TeamAccess(string name, string description, ToolKind kind, bool add) => new()
    {
        Name = name,
        Title = add ? "Add a team to a project" : "Remove a team from a project",
        Description = description,
        Kind = kind,
        Idempotent = true,
        Scopes = ["project:write"],
        Parameters = [Params.Organization, Params.RegionUrl, Params.Project(required: true), Params.Team],
        OutputSchema = JsonSchemas.Single("project", ProjectViews.ProjectSchema),
        Run = async call =>
        {
            var organization = call.Organization;
            var team = call.RequiredText("teamSlug");
            // facade: Project(p).Teams.AddAsync / RemoveAsync
            var project = add
                ? await call.Org(organization).Project(call.Project()).Teams.AddAsync(team, call.CancellationToken).ConfigureAwait(false)
                : await call.Org(organization).Project(call.Project()).Teams.RemoveAsync(team, call.CancellationToken).ConfigureAwait(false);
            return new ToolOutput(
                $"# Team {team} {(add ? "added to" : "removed from")} {project.Slug}\n\n{ProjectViews.Line(project)}\n",
                new JsonObject { ["project"] = ProjectViews.Json(project) });
        },
    };
}
