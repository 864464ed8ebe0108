using System.Text;
using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;
using Sentry.Management.Mcp.Views;

namespace Sentry.Management.Mcp.Tools;

/// <summary>whoami, find_organizations, find_teams, create_team.</summary>
internal static class OrganizationTools
{
    public static IEnumerable<ToolDefinition> All()
    {
        yield return new ToolDefinition
        {
            Name = "whoami",
            Title = "Who am I",
            Description = "Identify the authenticated user in Sentry: name, email, id (for assignedTo: user:<id>) and the token's scopes.",
            Kind = ToolKind.Read,
            Idempotent = true,
            Parameters = [],
            OutputSchema = JsonSchemas.Object("id:string", "name:string", "email:string", "username:string", "scopes:array", "organization:string"),
            Run = async call =>
            {
                // facade: Identity.CheckAsync, or Organization(o).CheckAccessAsync
                var identity = await call.CheckIdentityAsync(call.OrganizationOrNull).ConfigureAwait(false);
                var user = identity.User;
                var text = new StringBuilder("# You are ")
                    .Append(user?.Name ?? user?.Username ?? "an organization token").Append(user?.Email is { } email ? $" <{email}>" : string.Empty).AppendLine().AppendLine()
                    .Append("- User id: ").AppendLine(user?.Id ?? "-")
                    .Append("- Scopes: ").AppendLine(string.Join(", ", identity.Scopes));
                if (identity.OrganizationSlug is { } slug)
                {
                    text.Append("- Organization ").Append(slug).AppendLine(identity.CanReachOrganization ? ": reachable" : ": NOT reachable (" + identity.OrganizationError + ")");
                }

                return new ToolOutput(text.ToString(), new JsonObject
                {
                    ["id"] = user?.Id,
                    ["name"] = user?.Name,
                    ["email"] = user?.Email,
                    ["username"] = user?.Username,
                    ["scopes"] = new JsonArray([.. identity.Scopes.Select(s => (JsonNode?)s)]),
                    ["organization"] = identity.OrganizationSlug,
                });
            },
        };

        yield return new ToolDefinition
        {
            Name = "find_organizations",
            Title = "Find organizations",
            Description = "Find the organizations the token can access, with their slugs and region URLs (pass regionUrl to the other tools). Returns a page and a nextCursor for more.",
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["org:read"],
            Parameters = [Params.Query("Filter by name or slug."), Params.Cursor, Params.Limit()],
            OutputSchema = JsonSchemas.List(OrganizationViews.OrganizationSchema),
            Run = call => ListResult.PageAsync(
                call,
                pages => call.Sentry.Organizations.List(call.Text("query"), pages: pages), // facade: Organizations.List
                "Organizations",
                OrganizationViews.Line,
                OrganizationViews.Json,
                filter: o => call.Options.Organization is not { } pinned || o.Slug == pinned),
        };

        yield return new ToolDefinition
        {
            Name = "find_teams",
            Title = "Find teams",
            Description = "Find the teams of an organization. Returns a page and a nextCursor for more.",
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["team:read"],
            Parameters = [Params.Organization, Params.RegionUrl, Params.Query("Filter by name or slug."), Params.Cursor, Params.Limit()],
            OutputSchema = JsonSchemas.List(OrganizationViews.TeamSchema),
            Run = call => ListResult.PageAsync(
                call,
                pages => call.Org().Teams.List(call.Text("query"), pages), // facade: Teams.List
                "Teams in " + call.Organization,
                OrganizationViews.Line,
                OrganizationViews.Json),
        };

        yield return new ToolDefinition
        {
            Name = "create_team",
            Title = "Create a team",
            Description = "Create a team in an organization. The slug is derived from the name (lowercase, dashes).",
            Kind = ToolKind.Additive,
            Scopes = ["team:write"],
            Parameters = [Params.Organization, Params.RegionUrl, ToolParameter.Text("name", "The team's name, such as 'Backend'.", required: true)],
            OutputSchema = JsonSchemas.Single("team", OrganizationViews.TeamSchema),
            Run = async call =>
            {
                var name = call.RequiredText("name");
                // facade: Teams.CreateAsync
                var team = await call.Org().Teams.CreateAsync(Slug(name), name, call.CancellationToken).ConfigureAwait(false);
                return new ToolOutput($"# Team created\n\n{OrganizationViews.Line(team)}\n", new JsonObject { ["team"] = OrganizationViews.Json(team) });
            },
        };
    }

    /// <summary>A slug Sentry accepts from a display name: lowercase letters, digits and single dashes, at most 50 characters.</summary>
    internal static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var value = slug.ToString().Trim('-');
        if (value.Length == 0)
        {
            throw new ToolInputException($"name '{name}' has no letters or digits to make a slug from.");
        }

        return value.Length > 50 ? value[..50].TrimEnd('-') : value;
    }
}
