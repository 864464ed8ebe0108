using System.Text.Json.Nodes;
using Sentry.Management.Testing.Api.Teams;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Members;

/// <summary>Organization members: list, invite, details, update, remove, and their team memberships.</summary>
internal static class MemberEndpoints
{
    public static void Map(ApiRouteBuilder api)
    {
        var routes = new AreaRoutes(api);
        routes.Get("/organizations/{org}/members/", ListAsync);
        routes.Post("/organizations/{org}/members/", InviteAsync);
        routes.Get("/organizations/{org}/members/{member_id}/", GetAsync);
        routes.Put("/organizations/{org}/members/{member_id}/", UpdateAsync);
        routes.Delete("/organizations/{org}/members/{member_id}/", DeleteAsync);
        routes.Post("/organizations/{org}/members/{member_id}/teams/{team}/", AddTeamAsync);
        routes.Put("/organizations/{org}/members/{member_id}/teams/{team}/", UpdateTeamAsync);
        routes.Delete("/organizations/{org}/members/{member_id}/teams/{team}/", RemoveTeamAsync);
    }

    private static Task ListAsync(ApiContext c)
    {
        var organization = c.Organization();
        var members = c.Data.Members.All().Where(m => m.OrganizationId == organization.Id).Where(Matcher(c.Query("query"))).ToList();
        return c.PageAsync(members, MemberJson.Summary);
    }

    /// <summary>The subset of Sentry's member search: <c>email:</c>, <c>role:</c>, <c>id:</c> terms and free text.</summary>
    private static Func<StoredMember, bool> Matcher(string? query)
    {
        if (query is null)
        {
            return _ => true;
        }

        var terms = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return member => terms.All(term => term.Split(':', 2) switch
        {
            ["email", var v] => member.Email.Equals(v, StringComparison.OrdinalIgnoreCase),
            ["role", var v] => member.OrgRole == v,
            ["id", var v] => member.Id == v,
            ["user.id", var v] => member.UserId == v,
            _ => member.Email.Contains(term, StringComparison.OrdinalIgnoreCase)
                 || (member.Name?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false)
                 || (member.Username?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false),
        });
    }

    private static async Task InviteAsync(ApiContext c)
    {
        var organization = c.Organization();
        var body = await c.BodyAsync().ConfigureAwait(false);
        var email = body.RequiredString("email").Trim();
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            throw ApiFieldProblem.Field("email", "Enter a valid email address.");
        }

        var role = body.String("orgRole") ?? body.String("role") ?? "member";
        if (!Roles.OrgRoles.Contains(role))
        {
            throw ApiFieldProblem.Field("orgRole", "Invalid role");
        }

        StoredMember member;
        lock (c.Data.Gate)
        {
            if (c.Data.Members.All().Any(m => m.OrganizationId == organization.Id && m.Email.Equals(email, StringComparison.OrdinalIgnoreCase)))
            {
                throw ApiFieldProblem.Field("email", $"The user {email} has already been invited");
            }

            member = new StoredMember
            {
                Id = c.Data.NextId("member"),
                OrganizationId = organization.Id,
                Email = email,
                OrgRole = role,
                InviterName = ManagementSeed.OwnerName,
                DateCreated = c.Now,
            };
            SetTeams(c, organization, member, body);
            c.Data.Members.Upsert(member);
        }

        await c.OkAsync(MemberJson.Summary(member), 201).ConfigureAwait(false);
    }

    /// <summary>Applies <c>teamRoles</c> (<c>[{teamSlug, role}]</c>) or the older <c>teams</c> (slugs) of a body.</summary>
    private static void SetTeams(ApiContext c, StoredOrganization organization, StoredMember member, JsonObject body)
    {
        if (body.Array("teamRoles") is { } teamRoles)
        {
            member.Teams.Clear();
            foreach (var item in teamRoles)
            {
                var slug = (item as JsonObject)?.String("teamSlug") ?? throw ApiFieldProblem.Field("teamRoles", "Each team role needs a teamSlug.");
                var teamRole = (item as JsonObject)!.String("role");
                if (teamRole is not null && !Roles.TeamRoles.Contains(teamRole))
                {
                    throw ApiFieldProblem.Field("teamRoles", $"Invalid team-role \"{teamRole}\"");
                }

                var team = c.Data.FindTeam(organization, slug) ?? throw ApiFieldProblem.Field("teamRoles", $"Invalid team slug: {slug}");
                member.Teams[team.Id] = teamRole;
            }
        }
        else if (body.Strings("teams") is { } slugs)
        {
            member.Teams.Clear();
            foreach (var slug in slugs)
            {
                var team = c.Data.FindTeam(organization, slug) ?? throw ApiFieldProblem.Field("teams", $"Invalid team slug: {slug}");
                member.Teams[team.Id] = null;
            }
        }
    }

    private static Task GetAsync(ApiContext c)
    {
        var organization = c.Organization();
        return c.OkAsync(MemberJson.Detail(c.Member(organization), c.State));
    }

    private static async Task UpdateAsync(ApiContext c)
    {
        var organization = c.Organization();
        var member = c.Member(organization);
        var body = await c.BodyAsync().ConfigureAwait(false);
        var role = body.String("orgRole") ?? body.String("role");
        if (role is not null && !Roles.OrgRoles.Contains(role))
        {
            throw ApiFieldProblem.Field("orgRole", "Invalid role");
        }

        lock (c.Data.Gate)
        {
            if (role is not null && role != "owner" && member.OrgRole == "owner" && IsOnlyOwner(c, member))
            {
                throw new ApiProblem(403, "You cannot demote the only remaining owner of the organization.");
            }

            member.OrgRole = role ?? member.OrgRole;
            SetTeams(c, organization, member, body);
            c.Data.Members.Upsert(member);
        }

        await c.OkAsync(MemberJson.Detail(member, c.State)).ConfigureAwait(false);
    }

    private static Task DeleteAsync(ApiContext c)
    {
        var organization = c.Organization();
        var member = c.Member(organization);
        lock (c.Data.Gate)
        {
            if (member.OrgRole == "owner" && IsOnlyOwner(c, member))
            {
                throw new ApiProblem(403, "You cannot remove the only remaining owner of the organization.");
            }

            c.Data.Members.Remove(member.Id);
        }

        return c.NoContentAsync();
    }

    private static bool IsOnlyOwner(ApiContext c, StoredMember member) =>
        c.Data.Members.All().Count(m => m.OrganizationId == member.OrganizationId && m.OrgRole == "owner") == 1;

    private static async Task AddTeamAsync(ApiContext c)
    {
        var organization = c.Organization();
        var member = c.Member(organization);
        var team = c.Team(organization);
        bool added;
        lock (c.Data.Gate)
        {
            added = member.Teams.TryAdd(team.Id, null);
            c.Data.Members.Upsert(member);
        }

        if (!added)
        {
            // Sentry answers 204 when the member is on the team already.
            await c.NoContentAsync().ConfigureAwait(false);
            return;
        }

        await c.OkAsync(TeamJson.Write(team, c.State), 201).ConfigureAwait(false);
    }

    private static async Task UpdateTeamAsync(ApiContext c)
    {
        var organization = c.Organization();
        var member = c.Member(organization);
        var team = c.Team(organization);
        var body = await c.BodyAsync().ConfigureAwait(false);
        var teamRole = body.String("teamRole");
        if (teamRole is not null && !Roles.TeamRoles.Contains(teamRole))
        {
            throw ApiFieldProblem.Field("teamRole", $"\"{teamRole}\" is not a valid choice.");
        }

        lock (c.Data.Gate)
        {
            if (!member.Teams.ContainsKey(team.Id))
            {
                throw ApiProblem.NotFound();
            }

            if (teamRole is not null)
            {
                member.Teams[team.Id] = teamRole;
                c.Data.Members.Upsert(member);
            }
        }

        await c.OkAsync(new JsonObject { ["isActive"] = true, ["teamRole"] = Roles.Effective(member.OrgRole, member.Teams[team.Id]) }).ConfigureAwait(false);
    }

    private static async Task RemoveTeamAsync(ApiContext c)
    {
        var organization = c.Organization();
        var member = c.Member(organization);
        var team = c.Team(organization);
        lock (c.Data.Gate)
        {
            if (member.Teams.Remove(team.Id))
            {
                c.Data.Members.Upsert(member);
            }
        }

        await c.OkAsync(TeamJson.Write(team, c.State)).ConfigureAwait(false);
    }
}
