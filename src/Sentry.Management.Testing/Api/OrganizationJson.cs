using System.Text.Json.Nodes;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>Sentry's organization shapes: the summary in lists and embedded in projects, and the detail.</summary>
internal static class OrganizationJson
{
    public static JsonObject Summary(StoredOrganization organization, LocalServerState state) => new()
    {
        ["id"] = organization.Id,
        ["slug"] = organization.Slug,
        ["name"] = organization.Name,
        ["status"] = new JsonObject { ["id"] = "active", ["name"] = "active" },
        ["dateCreated"] = ApiJson.Date(organization.DateCreated),
        ["isEarlyAdopter"] = false,
        ["require2FA"] = false,
        ["avatar"] = Avatar(),
        ["links"] = new JsonObject { ["organizationUrl"] = state.BaseUrl, ["regionUrl"] = state.BaseUrl },
        ["hasAuthProvider"] = false,
        ["allowMemberInvite"] = true,
        ["allowMemberProjectCreation"] = true,
        ["allowSuperuserAccess"] = false,
        ["features"] = new JsonArray("discover-basic", "incidents", "performance-view", "workflow-engine-ui"),
    };

    public static JsonObject Detail(StoredOrganization organization, LocalServerState state)
    {
        var json = Summary(organization, state);
        json["access"] = Access();
        json["extraOptions"] = new JsonObject();
        json["onboardingTasks"] = new JsonArray();
        return json;
    }

    /// <summary>The scopes of the local token: everything, as an owner's.</summary>
    public static JsonArray Access() => new(
        "org:read", "org:write", "org:admin", "org:integrations", "member:read", "member:write", "member:admin",
        "team:read", "team:write", "team:admin", "project:read", "project:write", "project:admin", "project:releases",
        "event:read", "event:write", "event:admin", "alerts:read", "alerts:write");

    public static JsonObject Avatar() => new() { ["avatarType"] = "letter_avatar", ["avatarUuid"] = null };
}
