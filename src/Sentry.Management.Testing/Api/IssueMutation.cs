using System.Text.Json;
using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>
/// Applies an issue update body (status and its details, substatus, assignee, seen, bookmark, subscription, public,
/// priority, inbox, merge, discard) to one or more issues, and answers what Sentry answers: the changes applied.
/// </summary>
internal static class IssueMutation
{
    private static readonly string[] Statuses = ["resolved", "resolvedInNextRelease", "unresolved", "ignored"];
    private static readonly string[] Substatuses = ["archived_until_escalating", "archived_until_condition_met", "archived_forever", "escalating", "ongoing", "regressed", "new"];
    private static readonly string[] Priorities = ["low", "medium", "high"];

    /// <summary>The outcome: the response body, or <see langword="null"/> when the issues were discarded (204).</summary>
    public static JsonObject? Apply(ApiContext context, IReadOnlyList<StoredIssue> issues, JsonObject body)
    {
        var result = new JsonObject();
        var now = context.Now;
        var data = context.Data;
        if (Bool(body, "discard") == true)
        {
            foreach (var issue in issues)
            {
                issue.Discarded = true;
                data.Issues.Upsert(issue);
            }

            return null;
        }

        if (Bool(body, "merge") == true)
        {
            if (issues.Count < 2)
            {
                throw ApiProblem.BadRequest("Merging needs at least two issues (pass their ids with id=).");
            }

            return Merge(context, issues);
        }

        var status = String(body, "status");
        if (status is not null && !Statuses.Contains(status))
        {
            throw ApiProblem.Invalid("status", $"\"{status}\" is not a valid choice.");
        }

        var substatus = String(body, "substatus");
        if (substatus is not null && !Substatuses.Contains(substatus))
        {
            throw ApiProblem.Invalid("substatus", $"\"{substatus}\" is not a valid choice.");
        }

        var priority = String(body, "priority");
        if (priority is not null && !Priorities.Contains(priority))
        {
            throw ApiProblem.Invalid("priority", $"\"{priority}\" is not a valid choice.");
        }

        var details = body["statusDetails"] as JsonObject;
        var assign = body.ContainsKey("assignedTo");
        var assignee = assign ? Actors.Resolve(String(body, "assignedTo")) : null;

        foreach (var issue in issues)
        {
            if (status is not null)
            {
                SetStatus(context, issue, status, substatus, details, now);
            }
            else if (substatus is not null)
            {
                issue.Substatus = substatus;
            }

            if (assign && issue.AssignedTo != assignee)
            {
                issue.AssignedTo = assignee;
                AddActivity(context, issue, assignee is null ? "unassigned" : "assigned", now, assignee is null ? "{}" : $$"""{"assignee":"{{assignee}}"}""");
            }

            issue.HasSeen = Bool(body, "hasSeen") ?? issue.HasSeen;
            issue.IsBookmarked = Bool(body, "isBookmarked") ?? issue.IsBookmarked;
            issue.IsSubscribed = Bool(body, "isSubscribed") ?? issue.IsSubscribed;
            issue.IsPublic = Bool(body, "isPublic") ?? issue.IsPublic;
            issue.Priority = priority ?? issue.Priority;
            data.Issues.Upsert(issue);
        }

        if (status is not null && issues.Count > 0)
        {
            var first = issues[0];
            result["status"] = first.Status;
            result["statusDetails"] = IssueJson.StatusDetails(first);
            // A resolved issue has no substatus: Sentry's bulk answer then leaves the field out (the schema types it as a string).
            if (first.Substatus is not null)
            {
                result["substatus"] = first.Substatus;
            }
        }
        else if (substatus is not null)
        {
            result["substatus"] = substatus;
        }

        if (assign)
        {
            result["assignedTo"] = Actors.Write(assignee);
        }

        foreach (var name in new[] { "hasSeen", "isBookmarked", "isSubscribed", "isPublic", "inbox" })
        {
            if (Bool(body, name) is { } value)
            {
                result[name] = value;
            }
        }

        if (priority is not null)
        {
            result["priority"] = priority;
        }

        if (Bool(body, "isPublic") == true && issues.Count > 0)
        {
            result["shareId"] = issues[0].Id.PadLeft(12, '0');
        }

        return result;
    }

    private static void SetStatus(ApiContext context, StoredIssue issue, string status, string? substatus, JsonObject? details, DateTimeOffset now)
    {
        issue.ResolvedInRelease = null;
        issue.ResolvedInNextRelease = false;
        issue.IgnoreCount = null;
        issue.IgnoreDuration = null;
        issue.IgnoreUntil = null;
        switch (status)
        {
            case "resolved" or "resolvedInNextRelease":
                issue.Status = "resolved";
                issue.Substatus = null;
                if (status == "resolvedInNextRelease" || Bool(details, "inNextRelease") == true)
                {
                    issue.ResolvedInNextRelease = true;
                }
                else if (String(details, "inRelease") is { } release)
                {
                    issue.ResolvedInRelease = release == "latest" ? issue.LastRelease ?? release : release;
                }

                AddActivity(context, issue, issue.ResolvedInRelease is not null ? "set_resolved_in_release" : "set_resolved", now, "{}");
                break;
            case "unresolved":
                issue.Status = "unresolved";
                issue.Substatus = substatus ?? "ongoing";
                AddActivity(context, issue, "set_unresolved", now, "{}");
                break;
            case "ignored":
                issue.Status = "ignored";
                issue.IgnoreDuration = Int(details, "ignoreDuration");
                issue.IgnoreCount = Int(details, "ignoreCount");
                if (issue.IgnoreDuration is { } minutes)
                {
                    issue.IgnoreUntil = now.AddMinutes(minutes);
                }

                var conditional = issue.IgnoreDuration is not null || issue.IgnoreCount is not null
                    || Int(details, "ignoreUserCount") is not null || Int(details, "ignoreWindow") is not null;
                issue.Substatus = substatus ?? (conditional ? "archived_until_condition_met" : "archived_forever");
                AddActivity(context, issue, "set_ignored", now, "{}");
                break;
        }
    }

    private static JsonObject Merge(ApiContext context, IReadOnlyList<StoredIssue> issues)
    {
        // Sentry keeps the issue with the most events and moves the others' events and hashes into it.
        var parent = issues.OrderByDescending(i => i.Count).ThenBy(i => i.FirstSeen).First();
        var children = issues.Where(i => i != parent).ToList();
        foreach (var child in children)
        {
            foreach (var e in context.Data.Events.All().Where(e => e.GroupId == child.Id))
            {
                e.GroupId = parent.Id;
                context.Data.Events.Upsert(e);
            }

            parent.Hashes.AddRange(child.Hashes.Where(h => !parent.Hashes.Contains(h)));
            parent.Count += child.Count;
            parent.Users.AddRange(child.Users.Where(u => !parent.Users.Contains(u)));
            parent.FirstSeen = child.FirstSeen < parent.FirstSeen ? child.FirstSeen : parent.FirstSeen;
            parent.LastSeen = child.LastSeen > parent.LastSeen ? child.LastSeen : parent.LastSeen;
            context.Data.Issues.Remove(child.Id);
        }

        AddActivity(context, parent, "merge", context.Now, "{}");
        context.Data.Issues.Upsert(parent);
        var childIds = new JsonArray();
        foreach (var child in children)
        {
            childIds.Add((JsonNode)JsonValue.Create(child.Id));
        }

        return new JsonObject { ["merge"] = new JsonObject { ["parent"] = parent.Id, ["children"] = childIds } };
    }

    private static void AddActivity(ApiContext context, StoredIssue issue, string type, DateTimeOffset now, string data) =>
        issue.Activity.Add(new StoredActivity { Id = context.Data.NextId("activity"), Type = type, DateCreated = now, Data = data });

    private static string? String(JsonObject? body, string name) =>
        body?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool? Bool(JsonObject? body, string name) => body?[name] is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.GetValue<double>() != 0,
            JsonValueKind.String => value.GetValue<string>() is "1" or "true",
            _ => null,
        }
        : null;

    private static int? Int(JsonObject? body, string name) =>
        body?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var n) ? n : null;
}
