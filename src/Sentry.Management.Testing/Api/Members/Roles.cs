using System.Text.Json.Nodes;

namespace Sentry.Management.Testing.Api.Members;

/// <summary>Sentry's organization and team roles, as the member detail lists them and the API validates them.</summary>
internal static class Roles
{
    public static readonly string[] OrgRoles = ["member", "admin", "manager", "owner", "billing"];

    public static readonly string[] TeamRoles = ["contributor", "admin"];

    public static JsonArray OrgRoleList()
    {
        var list = new JsonArray();
        foreach (var role in OrgRoles)
        {
            list.Add((JsonNode)new JsonObject
            {
                ["id"] = role,
                ["name"] = char.ToUpperInvariant(role[0]) + role[1..],
                ["desc"] = "The " + role + " role.",
                ["scopes"] = new JsonArray("org:read", "member:read", "team:read", "project:read", "event:read"),
                ["allowed"] = true,
                ["isAllowed"] = true,
                ["isRetired"] = false,
                ["isTeamRolesAllowed"] = role != "billing",
                ["is_global"] = role is "manager" or "owner",
                ["isGlobal"] = role is "manager" or "owner",
                ["minimumTeamRole"] = role is "member" or "billing" ? "contributor" : "admin",
            });
        }

        return list;
    }

    public static JsonArray TeamRoleList()
    {
        var list = new JsonArray();
        foreach (var role in TeamRoles)
        {
            list.Add((JsonNode)new JsonObject
            {
                ["id"] = role,
                ["name"] = role == "admin" ? "Team Admin" : "Contributor",
                ["desc"] = "The team " + role + " role.",
                ["scopes"] = role == "admin" ? new JsonArray("team:read", "team:write", "team:admin") : new JsonArray("team:read"),
                ["allowed"] = true,
                ["isAllowed"] = true,
                ["isRetired"] = false,
                ["isTeamRolesAllowed"] = true,
                ["isMinimumRoleFor"] = role == "admin" ? "admin" : "member",
            });
        }

        return list;
    }

    /// <summary>The team role a member has on a team: the one set on the membership, or the one its org role implies.</summary>
    public static string Effective(string orgRole, string? teamRole) =>
        teamRole ?? (orgRole is "admin" or "manager" or "owner" ? "admin" : "contributor");
}
