using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;
using Sentry.Management.Mcp.Views;

namespace Sentry.Management.Mcp.Tools;

/// <summary>
/// search_events, get_organization_stats, get_release_health. The release health report is assembled here from the
/// facade's sessions and releases calls; it should switch to the release-health workflow (issue 10) when it lands.
/// </summary>
internal static class InsightTools
{
    public static IEnumerable<ToolDefinition> All()
    {
        yield return new ToolDefinition
        {
            Name = "search_events",
            Title = "Search events",
            Description = "Query the organization events endpoint (Discover): rows of fields such as title, count(), p95(span.duration) grouped by the non-aggregate fields. " + QuerySyntax.Events,
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["event:read"],
            Parameters =
            [
                Params.Organization, Params.RegionUrl,
                ToolParameter.Choice("dataset", "errors (default), spans, logs, or transactions (spans with is_transaction:true).", EventSearch.Datasets),
                Params.Query("Sentry event search query."),
                ToolParameter.TextList("fields", "Columns and aggregates, such as ['title', 'count()']; rows group by the non-aggregate ones. Default per dataset, such as issue, title, count(), last_seen() for errors."),
                ToolParameter.Text("sort", "One of the fields, '-' for descending, such as -count() (the default when count() is a field)."),
                Params.Project(required: false), ToolParameter.Text("environment", "Only this environment."),
                ToolParameter.Text("period", "Time window such as 24h, 7d, 14d."), Params.Cursor, Params.Limit(),
            ],
            OutputSchema = JsonSchemas.List(JsonSchemas.Object()),
            Run = EventSearch.RunAsync,
        };

        yield return new ToolDefinition
        {
            Name = "get_organization_stats",
            Title = "Get organization stats",
            Description = "How many events Sentry accepted, filtered, rate-limited or dropped, per outcome (and category, project, reason with groupBy), over a period (stats_v2).",
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["org:read"],
            Parameters =
            [
                Params.Organization, Params.RegionUrl,
                ToolParameter.TextList("groupBy", "Any of outcome (default), category, project, reason."),
                ToolParameter.Choice("category", "Only this data category.", ["error", "transaction", "attachment", "replay", "profile", "span", "monitor", "log_item"]),
                ToolParameter.Choice("outcome", "Only this outcome.", ["accepted", "filtered", "rate_limited", "invalid", "abuse", "client_discard", "cardinality_limited"]),
                ToolParameter.Text("period", "Time window such as 24h (default), 7d, 30d."),
                ToolParameter.Text("interval", "Bucket size such as 1h or 1d."),
                ToolParameter.TextList("projects", "Numeric project ids to include."),
            ],
            OutputSchema = JsonSchemas.Object(
                [
                    new("period", new JsonObject { ["type"] = "string" }),
                    new("groups", JsonSchemas.ArrayOf(JsonSchemas.Object("by:object", "total:number"))),
                ],
                "groups"),
            Run = async call =>
            {
                var query = new StatsQuery { StatsPeriod = call.Text("period") ?? "24h", Interval = call.Text("interval"), Category = call.Text("category"), Outcome = call.Text("outcome") };
                foreach (var group in call.TextList("groupBy"))
                {
                    query.GroupBy.Add(group);
                }

                foreach (var project in call.TextList("projects"))
                {
                    query.Projects.Add(project);
                }

                // facade: Stats.GetAsync (stats_v2)
                var result = await call.Org().Stats.GetAsync(query, call.CancellationToken).ConfigureAwait(false);
                var text = new StringBuilder($"# Event volume over {query.StatsPeriod}\n\n");
                var groups = new JsonArray();
                foreach (var group in result.Groups ?? [])
                {
                    var by = string.Join(", ", (group.By ?? new Dictionary<string, string?>()).Select(p => $"{p.Key}={p.Value}"));
                    var total = group.Total(query.Field);
                    text.Append("- ").Append(by.Length == 0 ? "all" : by).Append(": ").AppendLine(Format.Number(total));
                    var byJson = new JsonObject();
                    foreach (var (key, value) in group.By ?? new Dictionary<string, string?>())
                    {
                        byJson[key] = value;
                    }

                    groups.Add((JsonNode)new JsonObject { ["by"] = byJson, ["total"] = total });
                }

                return new ToolOutput(Budget.Cut(text.ToString(), call.Options.ResultBudget, "group by fewer fields"), new JsonObject { ["period"] = query.StatsPeriod, ["groups"] = groups });
            },
        };

        yield return new ToolDefinition
        {
            Name = "get_release_health",
            Title = "Release health report",
            Description = "A release's health over a period: crash-free session and user rates, sessions and users, adoption among all releases, the comparison with the previous release, and an alert when the crash-free session rate is under the threshold.",
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["project:read", "org:read"],
            Parameters =
            [
                Params.Organization, Params.RegionUrl,
                ToolParameter.Text("version", "The release version.", required: true),
                Params.Project(required: false), ToolParameter.Text("environment", "Only this environment, such as production."),
                ToolParameter.Text("period", "Time window such as 24h (default), 7d, 14d."),
                ToolParameter.Number("threshold", "The crash-free session rate under which to alert, 0-1 (default 0.95)."),
            ],
            OutputSchema = JsonSchemas.Object(
                "version:string", "period:string", "crashFreeSessions:number", "crashFreeUsers:number", "sessions:number", "users:number", "adoption:number",
                "previousVersion:string", "previousCrashFreeSessions:number", "crashFreeDelta:number", "healthy:boolean", "recommendation:string", "alerts:array"),
            Run = ReleaseHealthAsync,
        };
    }

    private static async Task<ToolOutput> ReleaseHealthAsync(ToolCall call)
    {
        var organization = call.Organization;
        var version = call.RequiredText("version");
        var period = call.Text("period") ?? "24h";
        var environment = call.Text("environment");
        var threshold = call.NumberOrNull("threshold") ?? 0.95;
        if (threshold is < 0 or > 1)
        {
            throw new ToolInputException("threshold is a rate between 0 and 1, such as 0.95.");
        }

        var project = call.ProjectOrNull();
        IReadOnlyList<string>? projectIds = null;
        if (project is not null)
        {
            // facade: Project(p).GetAsync (the sessions endpoint filters by numeric project id)
            projectIds = [(await call.Org(organization).Project(project).GetAsync(call.CancellationToken).ConfigureAwait(false)).Id!];
        }

        // facade: Sessions.GetCrashFreeRatesAsync for the release and for all releases (adoption), Releases.List for the previous release
        var rates = await call.Org(organization).Sessions.GetCrashFreeRatesAsync(version, environment, period, projectIds, call.CancellationToken).ConfigureAwait(false);
        await call.ProgressAsync(1, 3, "release rates read").ConfigureAwait(false);
        var all = await call.Org(organization).Sessions.GetCrashFreeRatesAsync(null, environment, period, projectIds, call.CancellationToken).ConfigureAwait(false);
        await call.ProgressAsync(2, 3, "all releases read").ConfigureAwait(false);
        string? previous = null;
        var releases = project is null ? call.Org(organization).Releases.List(pages: new SentryPageOptions { MaxItems = 100 }) : call.Org(organization).Project(project).Releases.List(pages: new SentryPageOptions { MaxItems = 100 });
        var seen = false;
        await foreach (var release in releases.WithCancellation(call.CancellationToken).ConfigureAwait(false))
        {
            if (seen)
            {
                previous = release.Version;
                break;
            }

            seen = release.Version == version;
        }

        var previousRates = previous is null ? null : await call.Org(organization).Sessions.GetCrashFreeRatesAsync(previous, environment, period, projectIds, call.CancellationToken).ConfigureAwait(false);
        await call.ProgressAsync(3, 3, "done").ConfigureAwait(false);

        var adoption = rates.Sessions is { } s && all.Sessions is > 0 ? s / all.Sessions : null;
        var delta = rates.CrashFreeSessions is { } now && previousRates?.CrashFreeSessions is { } before ? now - before : (double?)null;
        var alerts = new List<string>();
        if (rates.CrashFreeSessions is { } rate && rate < threshold)
        {
            alerts.Add(string.Create(CultureInfo.InvariantCulture, $"Crash-free session rate {Format.Percent(rate)} is under the threshold {Format.Percent(threshold)}."));
        }

        if (delta is < -0.01)
        {
            alerts.Add($"Crash-free sessions dropped by {Format.Percent(-delta)} against {previous}.");
        }

        var healthy = rates.CrashFreeSessions is not null && alerts.Count == 0;
        var recommendation = rates.CrashFreeSessions is null
            ? "No session data for this release in the period: check that the SDK sends sessions (release health) and the version matches."
            : healthy ? "Healthy: keep rolling out." : "Investigate before rolling out further: search_issues with `release:" + version + " is:unresolved firstSeen:-" + period + "` shows its new issues.";

        var text = new StringBuilder($"# Release health of {version} over {period}\n\n")
            .Append("- Crash-free sessions: ").AppendLine(Format.Percent(rates.CrashFreeSessions))
            .Append("- Crash-free users: ").AppendLine(Format.Percent(rates.CrashFreeUsers))
            .Append("- Sessions: ").Append(Format.Number(rates.Sessions)).Append(", users: ").AppendLine(Format.Number(rates.Users))
            .Append("- Adoption (share of all sessions): ").AppendLine(Format.Percent(adoption))
            .Append("- Previous release: ").Append(previous ?? "none found").Append(previousRates is null ? string.Empty : ", crash-free sessions " + Format.Percent(previousRates.CrashFreeSessions)).AppendLine()
            .AppendLine().Append("**").Append(healthy ? "Healthy" : "Attention").Append("**: ").AppendLine(recommendation);
        foreach (var alert in alerts)
        {
            text.Append("- ALERT: ").AppendLine(alert);
        }

        return new ToolOutput(text.ToString(), new JsonObject
        {
            ["version"] = version,
            ["period"] = period,
            ["crashFreeSessions"] = rates.CrashFreeSessions,
            ["crashFreeUsers"] = rates.CrashFreeUsers,
            ["sessions"] = rates.Sessions,
            ["users"] = rates.Users,
            ["adoption"] = adoption,
            ["previousVersion"] = previous,
            ["previousCrashFreeSessions"] = previousRates?.CrashFreeSessions,
            ["crashFreeDelta"] = delta,
            ["healthy"] = healthy,
            ["recommendation"] = recommendation,
            ["alerts"] = new JsonArray([.. alerts.Select(a => (JsonNode?)a)]),
        });
    }
}
