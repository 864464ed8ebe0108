using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;

namespace Sentry.Management.Mcp.Views;

/// <summary>Organizations and teams as markdown lines and structured objects.</summary>
internal static class OrganizationViews
{
    public static readonly JsonObject OrganizationSchema = JsonSchemas.Object("slug:string", "name:string", "id:string", "regionUrl:string", "organizationUrl:string");

    public static readonly JsonObject TeamSchema = JsonSchemas.Object("slug:string", "name:string", "id:string", "memberCount:integer", "isMember:boolean");

    public static string Line(Organization o) =>
        $"- **{o.Slug}** ({Format.Or(o.Name)}) region: {o.Links?.RegionUrl?.ToString() ?? "-"}";

    public static JsonObject Json(Organization o) => new()
    {
        ["slug"] = o.Slug,
        ["name"] = o.Name,
        ["id"] = o.Id,
        ["regionUrl"] = o.Links?.RegionUrl?.ToString(),
        ["organizationUrl"] = o.Links?.OrganizationUrl?.ToString(),
    };

    public static string Line(Team t) => $"- **{t.Slug}** ({Format.Or(t.Name)}), {t.MemberCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} members";

    public static JsonObject Json(Team t) => new()
    {
        ["slug"] = t.Slug,
        ["name"] = t.Name,
        ["id"] = t.Id,
        ["memberCount"] = t.MemberCount,
        ["isMember"] = t.IsMember,
    };
}
