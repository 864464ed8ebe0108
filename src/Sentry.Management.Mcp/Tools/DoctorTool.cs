using System.Text;
using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;

namespace Sentry.Management.Mcp.Tools;

/// <summary>
/// doctor: token valid and whose, its scopes against what the tools need, organization and project reachable, release
/// creation permitted. Built from facade calls here; it should switch to the doctor workflow (issue 10) when it lands,
/// which also checks DSN ingestion (send_test_event does that part today).
/// </summary>
internal static class DoctorTool
{
    private static readonly (string Area, string[] AnyOf)[] Needs =
    [
        ("read issues and events", ["event:read", "event:write", "event:admin"]),
        ("triage issues (update, bulk)", ["event:write", "event:admin"]),
        ("create releases and deploys", ["project:releases", "project:write", "project:admin", "org:admin"]),
        ("manage projects and DSNs", ["project:write", "project:admin"]),
        ("read and write alert rules", ["alerts:write", "project:write"]),
        ("organization stats", ["org:read", "org:write", "org:admin"]),
    ];

    public static ToolDefinition Definition() => new()
    {
        Name = "doctor",
        Title = "Diagnose the Sentry connection",
        Description = "Check the connection: the token is valid and whose it is, which tools its scopes allow, the organization and project are reachable, releases can be created. Says what is wrong and how to fix it.",
        Kind = ToolKind.Read,
        Idempotent = true,
        Parameters = [Params.Organization, Params.RegionUrl, Params.Project(required: false)],
        OutputSchema = JsonSchemas.Object(
            [
                new("ok", new JsonObject { ["type"] = "boolean" }),
                new("checks", JsonSchemas.ArrayOf(JsonSchemas.Object("check:string", "ok:boolean", "detail:string"))),
            ],
            "ok",
            "checks"),
        Run = RunAsync,
    };

    private static async Task<ToolOutput> RunAsync(ToolCall call)
    {
        var checks = new List<(string Check, bool Ok, string Detail)>();
        var host = call.Clients.Root.Options.BaseUrl.GetLeftPart(UriPartial.Authority);
        SentryIdentity? identity = null;
        try
        {
            // facade: Identity.CheckAsync / Organization(o).CheckAccessAsync (token, user, scopes, organization reachability)
            identity = await call.CheckIdentityAsync(call.OrganizationOrNull).ConfigureAwait(false);
            checks.Add(("token", true, $"valid for {host}, " + (identity.User is { } u ? $"user {u.Name ?? u.Username} <{u.Email}>" : "an organization or internal-integration token")));
        }
        catch (SentryAuthorizationException)
        {
            checks.Add(("token", false, $"{host} rejected the token: create a new one (Settings > Account > Personal Tokens) and restart the server with it."));
        }
        catch (HttpRequestException exception)
        {
            checks.Add(("connection", false, $"{host} is not reachable: {exception.Message}. Check --url / SENTRY_URL and the network."));
        }

        if (identity is not null)
        {
            var scopes = identity.Scopes;
            foreach (var (area, anyOf) in Needs)
            {
                var allowed = scopes.Count == 0 || anyOf.Any(s => scopes.Contains(s, StringComparer.Ordinal)); // no scope list: an org token, Sentry decides per call
                checks.Add(("scopes: " + area, allowed, allowed ? "allowed" : $"needs one of {string.Join(", ", anyOf)}; the token has {string.Join(", ", scopes)}"));
            }

            if (identity.OrganizationSlug is { } organization)
            {
                checks.Add(("organization " + organization, identity.CanReachOrganization, identity.CanReachOrganization ? "reachable" : $"not reachable ({identity.OrganizationError}); find_organizations lists the ones the token can see."));
                if (identity.CanReachOrganization && call.ProjectOrNull() is { } project)
                {
                    try
                    {
                        // facade: Project(p).GetAsync
                        var found = await call.Org(organization).Project(project).GetAsync(call.CancellationToken).ConfigureAwait(false);
                        var canRelease = scopes.Count == 0 || Needs[2].AnyOf.Any(s => scopes.Contains(s, StringComparer.Ordinal)) || (found.Access ?? []).Contains("project:releases", StringComparer.Ordinal);
                        checks.Add(("project " + project, true, "reachable"));
                        checks.Add(("release creation in " + project, canRelease, canRelease ? "permitted" : "not permitted: the token needs project:releases (or project:write)."));
                    }
                    catch (SentryApiException exception) when (exception is SentryNotFoundException or SentryAuthorizationException)
                    {
                        checks.Add(("project " + project, false, "not reachable: find_projects lists the projects the token can see."));
                    }
                }
            }
            else
            {
                checks.Add(("organization", false, "no organization given: pass organizationSlug or start the server with --organization / SENTRY_ORG."));
            }
        }

        var ok = checks.All(c => c.Ok);
        var text = new StringBuilder(ok ? "# Doctor: all checks passed\n\n" : "# Doctor: problems found\n\n");
        foreach (var (check, passed, detail) in checks)
        {
            text.Append(passed ? "- ✅ " : "- ❌ ").Append(check).Append(": ").AppendLine(detail);
        }

        return new ToolOutput(text.ToString(), new JsonObject
        {
            ["ok"] = ok,
            ["checks"] = new JsonArray([.. checks.Select(c => (JsonNode)new JsonObject { ["check"] = c.Check, ["ok"] = c.Ok, ["detail"] = c.Detail })]),
        });
    }
}
