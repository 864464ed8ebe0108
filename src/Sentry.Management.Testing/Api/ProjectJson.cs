using System.Text.Json.Nodes;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>Sentry's project shapes: the summary in lists and the detail with settings and its organization.</summary>
internal static class ProjectJson
{
    public static JsonObject Summary(StoredProject project, LocalServerState state)
    {
        var hasEvents = state.Data.Events.All().FirstOrDefault(e => e.ProjectId == project.Id && e.Type != "transaction");
        var hasTransactions = state.Data.Events.All().Any(e => e.ProjectId == project.Id && e.Type == "transaction");
        var teams = new JsonArray();
        foreach (var team in project.Teams)
        {
            teams.Add((JsonNode)new JsonObject { ["id"] = team, ["slug"] = team, ["name"] = team });
        }

        return new JsonObject
        {
            ["id"] = project.Id,
            ["slug"] = project.Slug,
            ["name"] = project.Name,
            ["platform"] = project.Platform,
            ["dateCreated"] = ApiJson.Date(project.DateCreated),
            ["isBookmarked"] = false,
            ["isMember"] = true,
            ["features"] = new JsonArray("alert-filters", "custom-inbound-filters", "discard-groups", "rate-limits", "servicehooks"),
            ["firstEvent"] = ApiJson.Date(hasEvents?.Received),
            ["firstTransactionEvent"] = hasTransactions,
            ["access"] = OrganizationJson.Access(),
            ["hasAccess"] = true,
            ["hasMinifiedStackTrace"] = false,
            ["hasFeedbacks"] = false,
            ["hasMonitors"] = false,
            ["hasNewFeedbacks"] = false,
            ["hasProfiles"] = false,
            ["hasReplays"] = false,
            ["hasFlags"] = false,
            ["hasSessions"] = state.Data.Sessions.All().Any(s => s.ProjectId == project.Id),
            ["hasInsightsHttp"] = false,
            ["hasInsightsDb"] = false,
            ["hasInsightsAssets"] = false,
            ["hasInsightsAppStart"] = false,
            ["hasInsightsScreenLoad"] = false,
            ["hasInsightsVitals"] = false,
            ["hasInsightsCaches"] = false,
            ["hasInsightsQueues"] = false,
            ["hasInsightsAgentMonitoring"] = false,
            ["hasInsightsMCP"] = false,
            ["hasLogs"] = false,
            ["hasTraceMetrics"] = false,
            ["isInternal"] = false,
            ["isPublic"] = false,
            ["avatar"] = OrganizationJson.Avatar(),
            ["color"] = "#3f70bf",
            ["status"] = "active",
            ["team"] = teams.Count > 0 ? teams[0]!.DeepClone() : null,
            ["teams"] = teams,
        };
    }

    public static JsonObject Detail(StoredProject project, StoredOrganization organization, LocalServerState state)
    {
        var json = Summary(project, state);

        // The detail's schema allows no null team: a project without teams has no "team" at all.
        if (json["team"] is null)
        {
            json.Remove("team");
        }

        var latestRelease = state.Data.Events.All().LastOrDefault(e => e.ProjectId == project.Id && e.Release is not null)?.Release;
        json["latestRelease"] = latestRelease is null ? null : new JsonObject { ["version"] = latestRelease };
        json["options"] = new JsonObject { ["sentry:resolve_age"] = 0, ["sentry:grouping_config"] = "newstyle:2023-01-11" };
        json["digestsMinDelay"] = 180;
        json["digestsMaxDelay"] = 600;
        json["subjectPrefix"] = "";
        json["allowedDomains"] = new JsonArray("*");
        json["resolveAge"] = 0;
        json["dataScrubber"] = false;
        json["dataScrubberDefaults"] = false;
        json["safeFields"] = new JsonArray();
        json["storeCrashReports"] = null;
        json["sensitiveFields"] = new JsonArray();
        json["subjectTemplate"] = "$shortID - $title";
        json["securityToken"] = project.Id.PadLeft(32, '0');
        json["securityTokenHeader"] = null;
        json["verifySSL"] = false;
        json["scrubIPAddresses"] = false;
        json["scrapeJavaScript"] = true;
        json["groupingConfig"] = "newstyle:2023-01-11";
        json["groupingEnhancements"] = "";
        json["derivedGroupingEnhancements"] = "";
        json["secondaryGroupingExpiry"] = 0;
        json["secondaryGroupingConfig"] = null;
        json["fingerprintingRules"] = "";
        json["organization"] = OrganizationJson.Summary(organization, state);
        json["platforms"] = project.Platform is null ? new JsonArray() : new JsonArray(project.Platform);
        json["processingIssues"] = 0;
        json["defaultEnvironment"] = null;
        json["relayPiiConfig"] = null;
        json["builtinSymbolSources"] = new JsonArray();
        json["dynamicSamplingBiases"] = new JsonArray();
        json["symbolSources"] = "[]";
        json["tempestFetchScreenshots"] = false;
        json["debugFilesRole"] = null;
        json["isDynamicallySampled"] = false;
        json["enableAutoReleaseCreation"] = true;
        json["autofixAutomationTuning"] = "off";
        json["seerScannerAutomation"] = false;
        json["seerNightshiftTweaks"] = null;
        json["highlightTags"] = new JsonArray();
        json["highlightContext"] = new JsonObject();
        json["highlightPreset"] = new JsonObject { ["tags"] = new JsonArray(), ["context"] = new JsonObject() };
        json["scmSourceContextEnabled"] = false;
        return json;
    }
}
