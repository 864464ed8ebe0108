using System.Text.Json.Nodes;
using Sentry.Management.Testing.Hosting;

namespace Sentry.Management.Testing.Api.Members;

/// <summary>
/// The API root, <c>GET /api/0/</c>: who the token belongs to and its scopes (sentry-cli's <c>info</c> and clients that
/// check a token read it), and <c>GET /api/0/users/me/</c>.
/// </summary>
internal static class RootEndpoints
{
    /// <summary>The scopes of the seeded token: an owner's.</summary>
    public static readonly string[] Scopes =
    [
        "org:read", "org:write", "org:admin", "org:integrations", "member:read", "member:write", "member:admin",
        "team:read", "team:write", "team:admin", "project:read", "project:write", "project:admin", "project:releases",
        "event:read", "event:write", "event:admin", "alerts:read", "alerts:write",
    ];

    public static void Map(ApiRouteBuilder api)
    {
        var routes = new AreaRoutes(api);
        routes.Get("/", RootAsync);
        routes.Get("/users/me/", MeAsync);
    }

    private static Task RootAsync(ApiContext c)
    {
        var scopes = new JsonArray();
        foreach (var scope in Scopes)
        {
            scopes.Add((JsonNode)JsonValue.Create(scope));
        }

        return c.OkAsync(new JsonObject
        {
            ["version"] = "0",
            ["auth"] = new JsonObject { ["scopes"] = scopes },
            ["user"] = Owner(c) is { } owner ? UserJson.Write(owner) : null,
        });
    }

    private static Task MeAsync(ApiContext c) =>
        c.OkAsync(Owner(c) is { } owner ? UserJson.Write(owner) : throw ApiProblem.NotFound());

    private static Storage.StoredMember? Owner(ApiContext c) =>
        c.Data.Members.All().FirstOrDefault(m => m.UserId == ManagementSeed.OwnerUserId && m.OrganizationId == c.State.Organization.Id);
}
