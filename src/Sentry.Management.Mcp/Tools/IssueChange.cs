using System.Globalization;
using System.Text;
using Sentry.Management.Mcp.Tooling;

namespace Sentry.Management.Mcp.Tools;

/// <summary>The change update_issue and bulk_update_issues apply: status, ignore mode and assignee, with Sentry's official parameter names.</summary>
internal static class IssueChange
{
    public static readonly string[] Statuses = ["resolved", "resolvedInNextRelease", "unresolved", "ignored"];

    public static readonly string[] IgnoreModes = ["untilEscalating", "forever", "forDuration", "untilOccurrenceCount", "untilUserCount"];

    public static IEnumerable<ToolParameter> Parameters()
    {
        yield return ToolParameter.Choice("status", "The new status. 'ignored' defaults to ignoreMode untilEscalating.", Statuses);
        yield return ToolParameter.Text("assignedTo", "Assign to `user:<id>` (whoami shows yours), `team:<id or slug>`, a username or email; an empty string unassigns.");
        yield return ToolParameter.Choice("ignoreMode", "How long an ignored issue stays ignored.", IgnoreModes);
        yield return ToolParameter.Integer("ignoreDurationMinutes", "For forDuration: minutes to ignore.", 1);
        yield return ToolParameter.Integer("ignoreCount", "For untilOccurrenceCount: events before it comes back.", 1);
        yield return ToolParameter.Integer("ignoreWindowMinutes", "For untilOccurrenceCount: the window the count applies to.", 1);
        yield return ToolParameter.Integer("ignoreUserCount", "For untilUserCount: users before it comes back.", 1);
        yield return ToolParameter.Integer("ignoreUserWindowMinutes", "For untilUserCount: the window the count applies to.", 1);
    }

    /// <summary>The update and a one-line description of it.</summary>
    public static (IssueUpdate Update, string Description) Read(ToolCall call)
    {
        var status = call.Text("status");
        var assignedTo = call.Has("assignedTo") ? call.Text("assignedTo") ?? string.Empty : null;
        if (status is null && assignedTo is null)
        {
            throw new ToolInputException("Pass status or assignedTo (or both).");
        }

        var update = new IssueUpdate();
        var description = new StringBuilder();
        if (status is not null)
        {
            if (!Statuses.Contains(status, StringComparer.Ordinal))
            {
                throw new ToolInputException($"status '{status}' is not one of {string.Join(", ", Statuses)}.");
            }

            update.Status = IssueStatus.From(status);
            description.Append("status → ").Append(status);
            if (status == "ignored")
            {
                Ignore(call, update, description);
            }
        }

        if (assignedTo is not null)
        {
            update.AssignedTo = assignedTo;
            description.Append(description.Length > 0 ? ", " : string.Empty).Append(assignedTo.Length == 0 ? "unassigned" : "assigned to " + assignedTo);
        }

        return (update, description.ToString());
    }

    private static void Ignore(ToolCall call, IssueUpdate update, StringBuilder description)
    {
        var mode = call.Text("ignoreMode") ?? "untilEscalating";
        description.Append(" (").Append(mode);
        switch (mode)
        {
            case "untilEscalating":
                update.Substatus = IssueSubstatus.ArchivedUntilEscalating;
                break;
            case "forever":
                update.Substatus = IssueSubstatus.ArchivedForever;
                break;
            case "forDuration":
                var minutes = call.IntegerOrNull("ignoreDurationMinutes") ?? throw new ToolInputException("ignoreMode forDuration needs ignoreDurationMinutes.");
                update.Substatus = IssueSubstatus.ArchivedUntilConditionMet;
                update.StatusDetails = new IssueStatusDetailsUpdate { IgnoreDuration = minutes };
                description.Append(CultureInfo.InvariantCulture, $" {minutes} min");
                break;
            case "untilOccurrenceCount":
                update.Substatus = IssueSubstatus.ArchivedUntilConditionMet;
                update.StatusDetails = new IssueStatusDetailsUpdate
                {
                    IgnoreCount = call.IntegerOrNull("ignoreCount") ?? throw new ToolInputException("ignoreMode untilOccurrenceCount needs ignoreCount."),
                    IgnoreWindow = call.IntegerOrNull("ignoreWindowMinutes"),
                };
                description.Append(CultureInfo.InvariantCulture, $" {update.StatusDetails.IgnoreCount} events");
                break;
            case "untilUserCount":
                update.Substatus = IssueSubstatus.ArchivedUntilConditionMet;
                update.StatusDetails = new IssueStatusDetailsUpdate
                {
                    IgnoreUserCount = call.IntegerOrNull("ignoreUserCount") ?? throw new ToolInputException("ignoreMode untilUserCount needs ignoreUserCount."),
                    IgnoreUserWindow = call.IntegerOrNull("ignoreUserWindowMinutes"),
                };
                description.Append(CultureInfo.InvariantCulture, $" {update.StatusDetails.IgnoreUserCount} users");
                break;
            default:
                throw new ToolInputException($"ignoreMode '{mode}' is not one of {string.Join(", ", IgnoreModes)}.");
        }

        description.Append(')');
    }
}
