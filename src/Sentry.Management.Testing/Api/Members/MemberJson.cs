using System.Text.Json.Nodes;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Members;

/// <summary>Sentry's organization member shapes: in lists, the detail, and as a team's member.</summary>
internal static class MemberJson
{
    public static JsonObject Summary(StoredMember member) => new()
    {
        ["id"] = member.Id,
        ["email"] = member.Email,
        ["name"] = member.Name ?? member.Email,
        ["user"] = member.UserId is null ? null : UserJson.Write(member),
        ["orgRole"] = member.OrgRole,
        ["role"] = member.OrgRole,
        ["roleName"] = char.ToUpperInvariant(member.OrgRole[0]) + member.OrgRole[1..],
        ["pending"] = member.UserId is null,
        ["expired"] = false,
        ["flags"] = new JsonObject
        {
            ["idp:provisioned"] = false,
            ["idp:role-restricted"] = false,
            ["sso:linked"] = false,
            ["sso:invalid"] = false,
            ["member-limit:restricted"] = false,
            ["partnership:restricted"] = false,
        },
        ["dateCreated"] = ApiJson.Date(member.DateCreated),
        ["inviteStatus"] = "approved",
        ["inviterName"] = member.InviterName,
        ["externalUsers"] = new JsonArray(),
    };

    public static JsonObject Detail(StoredMember member, LocalServerState state)
    {
        var json = Summary(member);
        var teams = new JsonArray();
        var teamRoles = new JsonArray();
        foreach (var (teamId, role) in member.Teams)
        {
            if (state.Data.Teams.Find(teamId) is { } team)
            {
                teams.Add((JsonNode)JsonValue.Create(team.Slug));
                teamRoles.Add((JsonNode)new JsonObject { ["teamSlug"] = team.Slug, ["role"] = role });
            }
        }

        json["teams"] = teams;
        json["teamRoles"] = teamRoles;
        json["invite_link"] = member.UserId is null ? state.BaseUrl + "/accept/" + member.Id + "/" : null;
        json["isOnlyOwner"] = member.OrgRole == "owner"
            && state.Data.Members.All().Count(m => m.OrganizationId == member.OrganizationId && m.OrgRole == "owner") == 1;
        json["orgRoleList"] = Roles.OrgRoleList();
        json["teamRoleList"] = Roles.TeamRoleList();
        return json;
    }

    /// <summary>A member as a team lists it: the summary with the team role and slug.</summary>
    public static JsonObject OfTeam(StoredMember member, StoredTeam team)
    {
        var json = Summary(member);
        json["teamRole"] = Roles.Effective(member.OrgRole, member.Teams.GetValueOrDefault(team.Id));
        json["teamSlug"] = team.Slug;
        return json;
    }
}
