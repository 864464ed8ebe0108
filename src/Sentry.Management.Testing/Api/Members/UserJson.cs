using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Members;

/// <summary>Sentry's user shape, for a member who has joined.</summary>
internal static class UserJson
{
    public static JsonObject Write(StoredMember member) => new()
    {
        ["id"] = member.UserId,
        ["name"] = member.Name ?? member.Email,
        ["username"] = member.Username ?? member.Email,
        ["email"] = member.Email,
        ["avatarUrl"] = "https://gravatar.com/avatar/" + member.UserId + "?s=32&d=mm",
        ["isActive"] = true,
        ["isSuspended"] = false,
        ["hasPasswordAuth"] = true,
        ["isManaged"] = false,
        ["dateJoined"] = ApiJson.Date(member.DateCreated),
        ["lastLogin"] = ApiJson.Date(member.DateCreated),
        ["has2fa"] = false,
        ["lastActive"] = ApiJson.Date(member.DateCreated),
        ["isSuperuser"] = false,
        ["isStaff"] = false,
        ["experiments"] = new JsonObject(),
        ["emails"] = new JsonArray(new JsonObject { ["id"] = member.UserId, ["email"] = member.Email, ["is_verified"] = true }),
        ["avatar"] = new JsonObject { ["avatarType"] = "letter_avatar", ["avatarUuid"] = null },
        ["identities"] = new JsonArray(),
        ["authenticators"] = new JsonArray(),
        ["canReset2fa"] = false,
    };
}
