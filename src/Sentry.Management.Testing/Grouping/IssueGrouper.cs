using System.Text.Json;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Grouping;

/// <summary>
/// Puts an event into its issue: the issue that already has the event's grouping hash, or a new one with the next
/// short id. An event for a resolved issue reopens it as a regression; one for a discarded issue is refused
/// (<see langword="null"/>), as Sentry drops events whose hash was discarded. Call with <see cref="LocalData.Gate"/> held.
/// </summary>
internal static class IssueGrouper
{
    public static StoredIssue? Assign(LocalData data, StoredProject project, StoredEvent stored, JsonElement evt, EventSummary summary)
    {
        var hash = GroupingHash.Of(Fingerprint.GroupingValues(evt));
        stored.Hashes = [hash];
        var issue = data.Issues.All().FirstOrDefault(i => i.ProjectId == project.Id && i.Hashes.Contains(hash));
        if (issue is { Discarded: true })
        {
            return null;
        }

        if (issue is null)
        {
            issue = new StoredIssue
            {
                Id = data.NextId("issue"),
                ProjectId = project.Id,
                ShortIdNumber = data.Store.NextId("short-id:" + project.Id),
                Hashes = [hash],
                Type = summary.Type,
                Title = summary.Title,
                Culprit = summary.Culprit,
                Level = stored.Level,
                Platform = stored.Platform,
                Logger = EventFields.String(evt, "logger"),
                MetadataType = summary.MetadataType,
                MetadataValue = summary.MetadataValue,
                MetadataFilename = summary.Filename,
                MetadataFunction = summary.Function,
                FirstSeen = stored.Timestamp,
                LastSeen = stored.Timestamp,
                FirstRelease = stored.Release,
                Priority = stored.Level is "fatal" or "error" ? "high" : stored.Level == "warning" ? "medium" : "low",
            };
        }
        else if (issue.Status == "resolved")
        {
            // A regression: Sentry reopens the issue and marks it so.
            issue.Status = "unresolved";
            issue.Substatus = "regressed";
            issue.ResolvedInRelease = null;
            issue.ResolvedInNextRelease = false;
            issue.Activity.Add(new StoredActivity { Id = data.NextId("activity"), Type = "set_regression", DateCreated = stored.Received, Data = "{}" });
        }

        issue.Count++;
        if (stored.UserKey is { } user && !issue.Users.Contains(user))
        {
            issue.Users.Add(user);
        }

        if (stored.Timestamp < issue.FirstSeen)
        {
            issue.FirstSeen = stored.Timestamp;
        }

        if (stored.Timestamp >= issue.LastSeen)
        {
            // The latest event names the issue, as in Sentry, where title and culprit follow new events.
            issue.LastSeen = stored.Timestamp;
            issue.Title = summary.Title;
            issue.Culprit = summary.Culprit;
            issue.Level = stored.Level;
            issue.MetadataValue = summary.MetadataValue;
        }

        if (stored.Release is not null)
        {
            issue.LastRelease = stored.Release;
            issue.FirstRelease ??= stored.Release;
        }

        issue.IsUnhandled |= IsUnhandled(evt);
        stored.GroupId = issue.Id;
        data.Issues.Upsert(issue);
        return issue;
    }

    private static bool IsUnhandled(JsonElement evt) =>
        EventFields.Exceptions(evt).Any(e => EventFields.Object(e, "mechanism") is { } mechanism
            && mechanism.TryGetProperty("handled", out var handled) && handled.ValueKind == JsonValueKind.False);
}
