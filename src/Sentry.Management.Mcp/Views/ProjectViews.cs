using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;

namespace Sentry.Management.Mcp.Views;

/// <summary>Projects and their client keys (DSNs) as markdown lines and structured objects. Only public DSNs are shown.</summary>
internal static class ProjectViews
{
    public static readonly JsonObject ProjectSchema = JsonSchemas.Object("slug:string", "name:string", "id:string", "platform:string", "teams:array");

    public static readonly JsonObject KeySchema = JsonSchemas.Object("id:string", "name:string", "dsn:string", "isActive:boolean", "rateLimitWindow:integer", "rateLimitCount:integer");

    public static string Line(Project p) =>
        $"- **{p.Slug}** ({Format.Or(p.Name)}), platform {Format.Or(p.Platform)}, teams: {string.Join(", ", (p.Teams ?? []).Select(t => t.Slug))}";

    public static JsonObject Json(Project p) => new()
    {
        ["slug"] = p.Slug,
        ["name"] = p.Name,
        ["id"] = p.Id,
        ["platform"] = p.Platform,
        ["teams"] = new JsonArray([.. (p.Teams ?? []).Select(t => (JsonNode?)t.Slug)]),
    };

    public static string Line(ProjectKey k) =>
        $"- **{Format.Or(k.Name)}** (id `{k.Id}`, {(k.IsActive == false ? "inactive" : "active")}): `{k.Dsn?.Public}`";

    // The secret DSN and the secret key stay out: a tool result ends up in a model's context and chat logs.
    public static JsonObject Json(ProjectKey k) => new()
    {
        ["id"] = k.Id,
        ["name"] = k.Name,
        ["dsn"] = k.Dsn?.Public?.ToString(),
        ["isActive"] = k.IsActive,
        ["rateLimitWindow"] = k.RateLimit?.Window,
        ["rateLimitCount"] = k.RateLimit?.Count,
    };
}
