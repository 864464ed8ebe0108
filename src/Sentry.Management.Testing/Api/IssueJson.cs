using System.Globalization;
using System.Text.Json.Nodes;
using Sentry.Management.Testing.Grouping;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>Sentry's issue ("group") shapes: the list item and the detail, built from the issue and its events.</summary>
internal static class IssueJson
{
    public static JsonObject Summary(StoredIssue issue, IReadOnlyList<StoredEvent> events, LocalServerState state, string statsPeriod = "24h")
    {
        var project = state.Data.Projects.Find(issue.ProjectId);
        var json = Common(issue, project, state);
        json["stats"] = new JsonObject { [statsPeriod] = Stats(events, state.Now, statsPeriod) };
        json["lifetime"] = Counts(issue);
        json["filtered"] = null;
        json["sessionCount"] = 0;
        json["inbox"] = Inbox(issue);
        json["owners"] = null;
        json["integrationIssues"] = new JsonArray();
        json["sentryAppIssues"] = new JsonArray();
        json["latestEventHasAttachments"] = false;
        json["matchingEventId"] = null;
        json["matchingEventEnvironment"] = null;
        return json;
    }

    public static JsonObject Detail(StoredIssue issue, IReadOnlyList<StoredEvent> events, IReadOnlyList<StoredNote> notes, LocalServerState state)
    {
        var project = state.Data.Projects.Find(issue.ProjectId);
        var json = Common(issue, project, state);
        json["firstRelease"] = Release(issue.FirstRelease, events, first: true);
        json["lastRelease"] = Release(issue.LastRelease, events, first: false);
        json["tags"] = TagSummaries(events);
        json["stats"] = new JsonObject { ["24h"] = Stats(events, state.Now, "24h"), ["30d"] = Stats(events, state.Now, "30d") };
        json["inbox"] = Inbox(issue);
        json["owners"] = null;
        json["forecast"] = new JsonObject { ["data"] = new JsonArray(), ["date_added"] = ApiJson.Date(issue.FirstSeen) };
        json["integrationIssues"] = new JsonArray();
        json["sentryAppIssues"] = new JsonArray();
        json["latestEventHasAttachments"] = false;
        json["activity"] = Activity(issue, notes);
        json["seenBy"] = new JsonArray();
        json["userReportCount"] = 0;
        json["participants"] = new JsonArray();
        return json;
    }

    /// <summary>The issue embedded elsewhere (short-id lookups, event ids), without the per-event parts.</summary>
    public static JsonObject Common(StoredIssue issue, StoredProject? project, LocalServerState state)
    {
        var organization = project is null ? state.Organization : state.Data.Organizations.Find(project.OrganizationId) ?? state.Organization;
        return new JsonObject
        {
            ["id"] = issue.Id,
            ["shareId"] = issue.IsPublic ? issue.Id.PadLeft(12, '0') : null,
            ["shortId"] = ShortId.Format(project?.Slug ?? "unknown", issue.ShortIdNumber),
            ["title"] = issue.Title,
            ["culprit"] = issue.Culprit,
            ["permalink"] = $"{state.BaseUrl}/organizations/{organization.Slug}/issues/{issue.Id}/",
            ["logger"] = issue.Logger,
            ["level"] = issue.Level,
            ["status"] = issue.Status,
            ["statusDetails"] = StatusDetails(issue),
            ["substatus"] = issue.Substatus,
            ["isPublic"] = issue.IsPublic,
            ["platform"] = issue.Platform,
            ["priority"] = issue.Priority,
            ["priorityLockedAt"] = null,
            ["seerFixabilityScore"] = null,
            ["seerAutofixLastTriggered"] = null,
            ["seerExplorerAutofixLastTriggered"] = null,
            ["project"] = project is null ? null : new JsonObject
            {
                ["id"] = project.Id,
                ["name"] = project.Name,
                ["slug"] = project.Slug,
                ["platform"] = project.Platform,
            },
            ["type"] = issue.Type,
            ["issueType"] = "error",
            ["issueCategory"] = "error",
            ["metadata"] = Metadata(issue),
            ["numComments"] = issue.NumComments,
            ["assignedTo"] = Actors.Write(issue.AssignedTo),
            ["isBookmarked"] = issue.IsBookmarked,
            ["isSubscribed"] = issue.IsSubscribed,
            ["subscriptionDetails"] = null,
            ["hasSeen"] = issue.HasSeen,
            ["annotations"] = new JsonArray(),
            ["isUnhandled"] = issue.IsUnhandled,
            ["count"] = issue.Count.ToString(CultureInfo.InvariantCulture),
            ["userCount"] = issue.Users.Count,
            ["firstSeen"] = ApiJson.Date(issue.FirstSeen),
            ["lastSeen"] = ApiJson.Date(issue.LastSeen),
            ["derivedData"] = new JsonObject
            {
                ["blocker"] = "none",
                ["progress"] = "none",
                ["status"] = issue.Status == "resolved" ? "resolved" : "open",
                ["viewCount"] = 0,
                ["hasOpenFixPr"] = false,
                ["isAssigned"] = issue.AssignedTo is not null,
                ["hasRootCause"] = false,
                ["lastCompletedAutofixStep"] = "none",
                ["lastProgressedAt"] = null,
            },
        };
    }

    public static JsonObject Metadata(StoredIssue issue)
    {
        var metadata = new JsonObject();
        if (issue.Type == "error")
        {
            metadata["type"] = issue.MetadataType;
            metadata["value"] = issue.MetadataValue;
            if (issue.MetadataFilename is not null)
            {
                metadata["filename"] = issue.MetadataFilename;
            }

            if (issue.MetadataFunction is not null)
            {
                metadata["function"] = issue.MetadataFunction;
            }
        }
        else
        {
            metadata["title"] = issue.Title;
        }

        return metadata;
    }

    public static JsonObject StatusDetails(StoredIssue issue)
    {
        var details = new JsonObject();
        if (issue.Status == "resolved")
        {
            if (issue.ResolvedInRelease is not null)
            {
                details["inRelease"] = issue.ResolvedInRelease;
            }
            else if (issue.ResolvedInNextRelease)
            {
                details["inNextRelease"] = true;
            }
        }
        else if (issue.Status == "ignored")
        {
            if (issue.IgnoreUntil is { } until)
            {
                details["ignoreUntil"] = ApiJson.Date(until);
            }

            if (issue.IgnoreCount is { } count)
            {
                details["ignoreCount"] = count;
            }

            if (issue.IgnoreDuration is { } duration)
            {
                details["ignoreDuration"] = duration;
            }
        }

        return details;
    }

    public static JsonObject Counts(StoredIssue issue) => new()
    {
        ["count"] = issue.Count.ToString(CultureInfo.InvariantCulture),
        ["userCount"] = issue.Users.Count,
        ["firstSeen"] = ApiJson.Date(issue.FirstSeen),
        ["lastSeen"] = ApiJson.Date(issue.LastSeen),
    };

    /// <summary>Event counts per bucket, <c>[[unix_seconds, count], …]</c>: hourly for 24h, daily for longer periods.</summary>
    public static JsonArray Stats(IReadOnlyList<StoredEvent> events, DateTimeOffset now, string period)
    {
        var length = TimeRange.ParsePeriod(period, "groupStatsPeriod");
        var bucket = length <= TimeSpan.FromDays(2) ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        var count = (int)Math.Ceiling(length / bucket);
        var last = Floor(now, bucket);
        var first = last - (bucket * (count - 1));
        var counts = new long[count];
        foreach (var e in events)
        {
            var index = (int)Math.Floor((e.Timestamp - first) / bucket);
            if (index >= 0 && index < count)
            {
                counts[index]++;
            }
        }

        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            array.Add((JsonNode)new JsonArray((first + (bucket * i)).ToUnixTimeSeconds(), counts[i]));
        }

        return array;
    }

    /// <summary>Tag keys of the events with their counts, as the issue detail lists them.</summary>
    public static JsonArray TagSummaries(IReadOnlyList<StoredEvent> events)
    {
        var array = new JsonArray();
        foreach (var group in events.SelectMany(e => e.Tags).GroupBy(t => t.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            array.Add((JsonNode)new JsonObject
            {
                ["key"] = group.Key,
                ["name"] = TagName(group.Key),
                ["totalValues"] = group.Count(),
                ["uniqueValues"] = group.Select(t => t.Value).Distinct(StringComparer.Ordinal).Count(),
            });
        }

        return array;
    }

    /// <summary>Sentry's display name of a tag key: <c>browser.name</c> becomes <c>Browser.Name</c>.</summary>
    public static string TagName(string key) =>
        string.Join('.', key.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    public static DateTimeOffset Floor(DateTimeOffset at, TimeSpan bucket) =>
        new(at.UtcTicks - (at.UtcTicks % bucket.Ticks), TimeSpan.Zero);

    private static JsonObject Inbox(StoredIssue issue) => new()
    {
        ["reason"] = issue.Substatus == "regressed" ? 2 : 0,
        ["reason_details"] = null,
        ["date_added"] = ApiJson.Date(issue.FirstSeen),
    };

    private static JsonObject? Release(string? version, IReadOnlyList<StoredEvent> events, bool first)
    {
        if (version is null)
        {
            return null;
        }

        var seen = events.Where(e => e.Release == version).Select(e => e.Received).DefaultIfEmpty().Min();
        return new JsonObject
        {
            ["version"] = version,
            ["shortVersion"] = version.Length > 12 && version.All(char.IsAsciiHexDigit) ? version[..7] : version,
            ["dateCreated"] = ApiJson.Date(seen),
            ["dateReleased"] = null,
            ["ref"] = null,
            ["url"] = null,
            ["firstEvent"] = first ? ApiJson.Date(seen) : null,
        };
    }

    private static JsonArray Activity(StoredIssue issue, IReadOnlyList<StoredNote> notes)
    {
        var entries = new List<(DateTimeOffset At, JsonObject Json)>
        {
            (issue.FirstSeen, new JsonObject { ["id"] = "0", ["type"] = "first_seen", ["dateCreated"] = ApiJson.Date(issue.FirstSeen), ["data"] = new JsonObject(), ["user"] = null }),
        };
        foreach (var activity in issue.Activity)
        {
            entries.Add((activity.DateCreated, new JsonObject
            {
                ["id"] = activity.Id,
                ["type"] = activity.Type,
                ["dateCreated"] = ApiJson.Date(activity.DateCreated),
                ["data"] = ApiJson.ParseObject(activity.Data),
                ["user"] = null,
            }));
        }

        foreach (var note in notes)
        {
            entries.Add((note.DateCreated, NoteJson.Write(note)));
        }

        var array = new JsonArray();
        foreach (var (_, json) in entries.OrderByDescending(e => e.At))
        {
            array.Add((JsonNode)json);
        }

        return array;
    }
}
