using System.Text.Json.Nodes;
using Sentry.Management.Testing.Api.Members;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Teams;

/// <summary>Sentry's team shape, seen by the token's user (the owner member).</summary>
internal static class TeamJson
{
    public static JsonObject Write(StoredTeam team, LocalServerState state)
    {
        var members = state.Data.Members.All().Where(m => m.Teams.ContainsKey(team.Id)).ToList();
        var owner = members.FirstOrDefault(m => m.UserId == ManagementSeed.OwnerUserId);
        return new JsonObject
        {
            ["id"] = team.Id,
            ["slug"] = team.Slug,
            ["name"] = team.Name,
            ["dateCreated"] = ApiJson.Date(team.DateCreated),
            ["isMember"] = owner is not null,
            ["teamRole"] = owner is null ? null : Roles.Effective(owner.OrgRole, owner.Teams[team.Id]),
            ["flags"] = new JsonObject { ["idp:provisioned"] = false },
            ["access"] = new JsonArray("team:read", "team:write", "team:admin", "project:read", "project:write", "project:admin", "project:releases", "event:read", "event:write", "event:admin", "alerts:read", "alerts:write"),
            ["hasAccess"] = true,
            ["isPending"] = false,
            ["memberCount"] = members.Count(m => m.UserId is not null),
            ["avatar"] = new JsonObject { ["avatarType"] = "letter_avatar", ["avatarUuid"] = null },
        };
    }

    /// <summary>The team with its organization and projects, as the organization's team list writes it when asked to.</summary>
    public static JsonObject WithProjects(StoredTeam team, LocalServerState state)
    {
        var json = Write(team, state);
        json["externalTeams"] = new JsonArray();
        var projects = new JsonArray();
        foreach (var project in state.Data.Projects.All().Where(p => p.OrganizationId == team.OrganizationId && p.Teams.Contains(team.Slug)))
        {
            projects.Add((JsonNode)ProjectJson.Summary(project, state));
        }

        json["projects"] = projects;
        return json;
    }
}
