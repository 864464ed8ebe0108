using System.Globalization;
using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;

namespace Sentry.Management.Mcp.Views;

/// <summary>Releases, deploys and commits as markdown lines and structured objects.</summary>
internal static class ReleaseViews
{
    public static readonly JsonObject ReleaseSchema = JsonSchemas.Object(
        "version:string", "shortVersion:string", "dateCreated:string", "dateReleased:string", "newGroups:integer", "commitCount:integer",
        "deployCount:integer", "projects:array", "ref:string", "url:string", "lastDeploy:string");

    public static readonly JsonObject DeploySchema = JsonSchemas.Object("id:string", "environment:string", "name:string", "url:string", "dateStarted:string", "dateFinished:string");

    public static readonly JsonObject CommitSchema = JsonSchemas.Object("id:string", "message:string", "author:string", "repository:string", "dateCreated:string");

    public static string Line(Release r) =>
        $"- **{r.Version}** created {Format.Time(r.DateCreated)}, released {Format.Time(r.DateReleased)}, {r.NewGroups?.ToString(CultureInfo.InvariantCulture) ?? "0"} new issues, "
        + $"{r.CommitCount?.ToString(CultureInfo.InvariantCulture) ?? "0"} commits, {r.DeployCount?.ToString(CultureInfo.InvariantCulture) ?? "0"} deploys, projects: {string.Join(", ", (r.Projects ?? []).Select(p => p.Slug))}";

    public static JsonObject Json(Release r) => new()
    {
        ["version"] = r.Version,
        ["shortVersion"] = r.ShortVersion,
        ["dateCreated"] = Format.Iso(r.DateCreated),
        ["dateReleased"] = Format.Iso(r.DateReleased),
        ["newGroups"] = r.NewGroups,
        ["commitCount"] = r.CommitCount,
        ["deployCount"] = r.DeployCount,
        ["projects"] = new JsonArray([.. (r.Projects ?? []).Select(p => (JsonNode?)p.Slug)]),
        ["ref"] = r.Ref,
        ["url"] = r.Url,
        ["lastDeploy"] = r.LastDeploy is { } d ? $"{d.Environment} {Format.Iso(d.DateFinished ?? d.DateStarted)}" : null,
    };

    public static string Line(Deploy d) =>
        $"- {Format.Or(d.Environment)} {Format.Or(d.Name, string.Empty)} finished {Format.Time(d.DateFinished)} (id {d.Id})";

    public static JsonObject Json(Deploy d) => new()
    {
        ["id"] = d.Id,
        ["environment"] = d.Environment,
        ["name"] = d.Name,
        ["url"] = d.Url,
        ["dateStarted"] = Format.Iso(d.DateStarted),
        ["dateFinished"] = Format.Iso(d.DateFinished),
    };

    public static string Line(ReleaseCommit c) =>
        $"- `{(c.Id is { Length: > 12 } id ? id[..12] : c.Id)}` {Format.Short(c.Message, 120)} ({c.Author?.Name ?? c.Author?.Email ?? "unknown"}, {c.Repository?.Name})";

    public static JsonObject Json(ReleaseCommit c) => new()
    {
        ["id"] = c.Id,
        ["message"] = Format.Short(c.Message, 300),
        ["author"] = c.Author?.Name ?? c.Author?.Email,
        ["repository"] = c.Repository?.Name,
        ["dateCreated"] = Format.Iso(c.DateCreated),
    };
}
