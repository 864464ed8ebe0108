namespace Sentry.Management.Mcp.Tooling;

/// <summary>The parameters many tools share, named as Sentry's own MCP server names them so prompts written for it work here.</summary>
internal static class Params
{
    public static readonly ToolParameter Organization = ToolParameter.Text(
        "organizationSlug",
        "The organization's slug (find_organizations lists them). Optional when the server has a default organization (SENTRY_ORG).",
        required: false,
        ParameterPin.Organization);

    public static readonly ToolParameter RegionUrl = ToolParameter.Text(
        "regionUrl",
        "The organization's region URL from find_organizations (such as https://us.sentry.io or https://de.sentry.io); omit for self-hosted Sentry. Only this server's Sentry and Sentry's regions are accepted.");

    public static ToolParameter Project(bool required, string name = "projectSlug") => ToolParameter.Text(
        name,
        "The project's slug" + (name == "projectSlugOrId" ? " or numeric id" : string.Empty) + " (find_projects lists them).",
        required,
        ParameterPin.Project);

    public static readonly ToolParameter Cursor = ToolParameter.Text(
        "cursor",
        "Where to continue: the nextCursor of a previous result of this tool with the same other arguments. Omit for the first page.");

    public static ToolParameter Limit(int defaultValue = ListResult.DefaultLimit) => ToolParameter.Integer(
        "limit",
        $"How many items to return (1-100, default {defaultValue}). More are reachable with the returned nextCursor.",
        1,
        ListResult.MaxLimit);

    public static ToolParameter Query(string description) => ToolParameter.Text("query", description);

    public static readonly ToolParameter IssueId = ToolParameter.Text(
        "issueId",
        "The issue's short id (such as BACKEND-1A) or numeric id. Alternatively pass issueUrl.");

    public static readonly ToolParameter IssueUrl = ToolParameter.Text(
        "issueUrl",
        "The issue's URL as Sentry shows it (https://<org>.sentry.io/issues/123/ or https://<host>/organizations/<org>/issues/123/); it must be on this server's Sentry.");

    public static readonly ToolParameter Team = ToolParameter.Text("teamSlug", "The team's slug (find_teams lists them).", required: true);
}
