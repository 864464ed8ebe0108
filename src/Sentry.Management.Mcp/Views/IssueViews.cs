using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;

namespace Sentry.Management.Mcp.Views;

/// <summary>Issues, events (with the stack trace and breadcrumbs) and tag values as markdown and structured objects.</summary>
internal static class IssueViews
{
    /// <summary>Frames and breadcrumbs shown per event: the innermost frames and latest breadcrumbs are the ones that explain a crash.</summary>
    private const int MaxFrames = 30;
    private const int MaxBreadcrumbs = 30;

    public static readonly JsonObject IssueSchema = JsonSchemas.Object(
        "id:string", "shortId:string", "title:string", "culprit:string", "status:string", "substatus:string", "level:string", "priority:string",
        "project:string", "count:string", "userCount:integer", "firstSeen:string", "lastSeen:string", "assignedTo:string", "permalink:string");

    public static readonly JsonObject EventSchema = JsonSchemas.Object(
        "eventId:string", "title:string", "message:string", "dateCreated:string", "platform:string", "tags:object", "user:string",
        "exceptions:array", "breadcrumbs:array");

    public static readonly JsonObject TagValueSchema = JsonSchemas.Object("value:string", "count:integer", "firstSeen:string", "lastSeen:string");

    public static string Line(Issue i) =>
        $"- **{i.ShortId ?? i.Id}** {Format.Short(i.Title, 160)} — {i.Status}{(i.Substatus is { } s ? "/" + s : string.Empty)}, {i.Level}, "
        + $"{Format.Or(i.Count, "0")} events, {i.UserCount?.ToString(CultureInfo.InvariantCulture) ?? "0"} users, last seen {Format.Time(i.LastSeen)} (id {i.Id}, project {i.Project?.Slug})";

    public static JsonObject Json(Issue i) => new()
    {
        ["id"] = i.Id,
        ["shortId"] = i.ShortId,
        ["title"] = Format.Short(i.Title, 300),
        ["culprit"] = i.Culprit,
        ["status"] = i.Status?.Value,
        ["substatus"] = i.Substatus?.Value,
        ["level"] = i.Level?.Value,
        ["priority"] = i.Priority?.Value,
        ["project"] = i.Project?.Slug,
        ["count"] = i.Count,
        ["userCount"] = i.UserCount,
        ["firstSeen"] = Format.Iso(i.FirstSeen),
        ["lastSeen"] = Format.Iso(i.LastSeen),
        ["assignedTo"] = i.AssignedTo is { } a ? $"{a.Type}:{a.Id} ({a.Name ?? a.Email})" : null,
        ["permalink"] = i.Permalink?.ToString(),
    };

    public static string Details(Issue i)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(i.ShortId).Append(": ").AppendLine(Format.Short(i.Title, 300)).AppendLine();
        text.Append("- Status: ").Append(i.Status).Append(i.Substatus is { } s ? " (" + s + ")" : string.Empty).AppendLine();
        text.Append("- Level: ").Append(i.Level).Append(", priority ").Append(i.Priority?.Value ?? "-").AppendLine();
        text.Append("- Project: ").AppendLine(i.Project?.Slug);
        text.Append("- Culprit: ").AppendLine(Format.Or(i.Culprit));
        text.Append("- Events: ").Append(Format.Or(i.Count, "0")).Append(", users: ").Append(i.UserCount?.ToString(CultureInfo.InvariantCulture) ?? "0").AppendLine();
        text.Append("- First seen: ").Append(Format.Time(i.FirstSeen)).Append(", last seen: ").AppendLine(Format.Time(i.LastSeen));
        text.Append("- Assigned to: ").AppendLine(i.AssignedTo is { } a ? $"{a.Type}:{a.Id} ({a.Name ?? a.Email})" : "nobody");
        text.Append("- URL: ").AppendLine(i.Permalink?.ToString() ?? "-");
        return text.ToString();
    }

    public static string Details(Event e)
    {
        var text = new StringBuilder();
        text.AppendLine().Append("## Event ").Append(e.EventId ?? e.Id).Append(" (").Append(Format.Time(e.DateCreated)).AppendLine(")").AppendLine();
        if (!string.IsNullOrEmpty(e.Message))
        {
            text.Append("Message: ").AppendLine(Format.Short(e.Message, 500));
        }

        if (e.Tags is { Count: > 0 } tags)
        {
            text.Append("Tags: ").AppendLine(string.Join(", ", tags.Take(25).Select(t => $"{t.Key}={t.Value}")));
        }

        foreach (var value in e.GetException()?.Values ?? [])
        {
            text.AppendLine().Append("### ").Append(value.Type).Append(": ").AppendLine(Format.Short(value.Value, 500));
            var frames = value.Stacktrace?.Frames ?? [];
            text.AppendLine("```");
            foreach (var frame in frames.Reverse().Take(MaxFrames))
            {
                text.Append(frame.InApp == true ? "> " : "  ")
                    .Append(frame.Function ?? "?").Append(" in ").Append(frame.Filename ?? frame.Module ?? frame.AbsPath ?? "?")
                    .Append(frame.LineNo is { } line ? ":" + line.ToString(CultureInfo.InvariantCulture) : string.Empty).AppendLine();
            }

            if (frames.Count > MaxFrames)
            {
                text.Append("  … ").Append((frames.Count - MaxFrames).ToString(CultureInfo.InvariantCulture)).AppendLine(" outer frames omitted");
            }

            text.AppendLine("```");
        }

        var breadcrumbs = e.GetBreadcrumbs();
        if (breadcrumbs.Count > 0)
        {
            text.AppendLine().AppendLine("### Breadcrumbs (latest last)");
            foreach (var crumb in breadcrumbs.TakeLast(MaxBreadcrumbs))
            {
                text.Append("- ").Append(Format.Time(crumb.Timestamp)).Append(' ').Append(crumb.Category ?? crumb.Type).Append(' ')
                    .Append(crumb.Level).Append(": ").AppendLine(Format.Short(crumb.Message, 200));
            }
        }

        return text.ToString();
    }

    public static string Line(Event e) =>
        $"- `{e.EventId ?? e.Id}` {Format.Time(e.DateCreated)} {Format.Short(e.Title ?? e.Message, 160)}"
        + (e.Tags?.FirstOrDefault(t => t.Key == "environment") is { } env ? $" (environment {env.Value})" : string.Empty);

    public static JsonObject Json(Event e)
    {
        var tags = new JsonObject();
        foreach (var tag in (e.Tags ?? []).Take(50))
        {
            if (tag.Key is { } key)
            {
                tags[key] = tag.Value;
            }
        }

        var exceptions = new JsonArray();
        foreach (var value in e.GetException()?.Values ?? [])
        {
            var frames = new JsonArray();
            foreach (var frame in (value.Stacktrace?.Frames ?? []).Reverse().Take(MaxFrames))
            {
                frames.Add((JsonNode)new JsonObject
                {
                    ["function"] = frame.Function,
                    ["file"] = frame.Filename ?? frame.Module ?? frame.AbsPath,
                    ["line"] = frame.LineNo,
                    ["inApp"] = frame.InApp,
                });
            }

            exceptions.Add((JsonNode)new JsonObject { ["type"] = value.Type, ["value"] = Format.Short(value.Value, 500), ["frames"] = frames });
        }

        var breadcrumbs = new JsonArray();
        foreach (var crumb in e.GetBreadcrumbs().TakeLast(MaxBreadcrumbs))
        {
            breadcrumbs.Add((JsonNode)new JsonObject
            {
                ["timestamp"] = Format.Iso(crumb.Timestamp),
                ["category"] = crumb.Category ?? crumb.Type,
                ["level"] = crumb.Level,
                ["message"] = Format.Short(crumb.Message, 200),
            });
        }

        return new JsonObject
        {
            ["eventId"] = e.EventId ?? e.Id,
            ["title"] = e.Title,
            ["message"] = Format.Short(e.Message, 500),
            ["dateCreated"] = Format.Iso(e.DateCreated),
            ["platform"] = e.Platform,
            ["tags"] = tags,
            ["user"] = e.User is { } u ? u.Id ?? u.Username ?? u.Email : null,
            ["exceptions"] = exceptions,
            ["breadcrumbs"] = breadcrumbs,
        };
    }

    public static string Line(IssueTagValue v) =>
        $"- `{v.Value ?? v.Name}`: {v.Count?.ToString(CultureInfo.InvariantCulture) ?? "0"} events, last seen {Format.Time(v.LastSeen)}";

    public static JsonObject Json(IssueTagValue v) => new()
    {
        ["value"] = v.Value ?? v.Name,
        ["count"] = v.Count,
        ["firstSeen"] = Format.Iso(v.FirstSeen),
        ["lastSeen"] = Format.Iso(v.LastSeen),
    };
}
