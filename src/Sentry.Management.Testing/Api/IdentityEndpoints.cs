using System.Text.Json.Nodes;

namespace Sentry.Management.Testing.Api;

/// <summary>The API root, <c>GET /api/0/</c>: who the token belongs to and what it may do.</summary>
internal static class IdentityEndpoints
{
    public static void Map(ApiRouteBuilder api)
    {
        api.Get("/", RootAsync);
    }

    private static Task RootAsync(ApiContext context) => context.OkAsync(new JsonObject
    {
        ["version"] = "0",
        ["auth"] = new JsonObject { ["scopes"] = OrganizationJson.Access() },
        ["user"] = new JsonObject
        {
            ["id"] = Actors.UserId,
            ["name"] = Actors.UserName,
            ["username"] = Actors.Username,
            ["email"] = Actors.UserEmail,
        },
    });
}
