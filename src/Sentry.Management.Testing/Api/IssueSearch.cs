using System.Text;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>
/// The subset of Sentry's issue search this server understands: <c>is:</c> (unresolved, resolved, ignored/archived,
/// assigned, unassigned, bookmarked, unhandled, new, ongoing, regressed, escalating, for_review, linked/unlinked),
/// <c>level:</c>, <c>release:</c>, <c>environment:</c>, <c>assigned:</c>/<c>assigned_to:</c>, <c>firstRelease:</c>,
/// <c>issue.id:</c>, <c>issue:</c> (short id), <c>lastSeen:</c>/<c>firstSeen:</c> with <c>&gt;</c>/<c>&lt;</c> and a date, any event tag (<c>browser:Chrome</c>), a leading <c>!</c> to negate, <c>[a, b]</c>
/// lists, and free text matched against title, culprit, short id and messages. Unknown keys are answered 400, as
/// Sentry does for keys it does not know.
/// </summary>
internal sealed class IssueSearch
{
    private readonly List<Func<Candidate, bool>> _filters = [];

    /// <summary>An issue with its events, as filters see it.</summary>
    public sealed record Candidate(StoredIssue Issue, IReadOnlyList<StoredEvent> Events, string ShortId);

    private IssueSearch()
    {
    }

    public static IssueSearch Parse(string query)
    {
        var search = new IssueSearch();
        foreach (var token in Tokenize(query))
        {
            var negate = token.StartsWith('!');
            var text = negate ? token[1..] : token;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            Func<Candidate, bool> filter;
            if (colon <= 0 || text.StartsWith('"'))
            {
                var free = Unquote(text);
                filter = c => c.Issue.Title.Contains(free, StringComparison.OrdinalIgnoreCase)
                    || c.Issue.Culprit.Contains(free, StringComparison.OrdinalIgnoreCase)
                    || c.ShortId.Equals(free, StringComparison.OrdinalIgnoreCase)
                    || c.Events.Any(e => e.Message?.Contains(free, StringComparison.OrdinalIgnoreCase) == true);
            }
            else
            {
                var key = text[..colon];
                var values = Values(text[(colon + 1)..]);
                filter = Filter(key, values);
            }

            search._filters.Add(negate ? c => !filter(c) : filter);
        }

        return search;
    }

    public bool Matches(Candidate candidate) => _filters.TrueForAll(f => f(candidate));

    private static Func<Candidate, bool> Filter(string key, IReadOnlyList<string> values) => key switch
    {
        "is" => IsFilter(values),
        "level" => c => values.Contains(c.Issue.Level, StringComparer.OrdinalIgnoreCase),
        "release" => c => c.Events.Any(e => e.Release is not null && values.Any(v => Matches(e.Release, v))),
        "firstRelease" or "first_release" or "first-release" => c => c.Issue.FirstRelease is not null && values.Any(v => Matches(c.Issue.FirstRelease, v)),
        "environment" => c => c.Events.Any(e => e.Environment is not null && values.Contains(e.Environment, StringComparer.Ordinal)),
        "assigned" or "assigned_to" => c => values.Any(v => Actors.Matches(c.Issue.AssignedTo, v)),
        "bookmarks" => c => c.Issue.IsBookmarked,
        "issue.id" or "id" => c => values.Contains(c.Issue.Id, StringComparer.Ordinal),
        "issue" => c => values.Contains(c.ShortId, StringComparer.OrdinalIgnoreCase),
        "issue.category" => c => values.Contains("error", StringComparer.Ordinal),
        "issue.priority" => c => values.Contains(c.Issue.Priority, StringComparer.Ordinal),
        "error.type" => c => c.Issue.MetadataType is not null && values.Contains(c.Issue.MetadataType, StringComparer.Ordinal),
        "message" => c => values.Any(v => c.Issue.Title.Contains(v, StringComparison.OrdinalIgnoreCase) || c.Events.Any(e => e.Message?.Contains(v, StringComparison.OrdinalIgnoreCase) == true)),
        "timesSeen" or "times_seen" => c => values.All(v => Compare(c.Issue.Count, v)),
        "lastSeen" or "last_seen" => c => values.All(v => CompareDate(c.Issue.LastSeen, v)),
        "firstSeen" or "first_seen" => c => values.All(v => CompareDate(c.Issue.FirstSeen, v)),
        "user" or "user.id" or "user.email" or "user.username" => c => c.Events.Any(e => e.UserKey is not null && values.Any(v => Matches(e.UserKey, v) || Matches(e.UserKey[(e.UserKey.IndexOf(':', StringComparison.Ordinal) + 1)..], v))),
        _ when IsTagKey(key) => c => c.Events.Any(e => e.Tags.TryGetValue(TagKey(key), out var value) && values.Any(v => Matches(value, v))),
        _ => throw ApiProblem.BadRequest($"Invalid search query: the key '{key}' is not supported by the local Sentry."),
    };

    private static readonly string[] Statuses =
    [
        "unresolved", "resolved", "ignored", "archived", "assigned", "unassigned", "bookmarked", "unhandled", "handled",
        "new", "ongoing", "regressed", "escalating", "for_review", "linked", "unlinked",
    ];

    private static Func<Candidate, bool> IsFilter(IReadOnlyList<string> values)
    {
        // Checked when the query is read, so a bad status is a 400 even when there are no issues to test it on.
        foreach (var value in values.Where(v => !Statuses.Contains(v)))
        {
            throw ApiProblem.BadRequest($"Invalid search query: 'is:{value}' is not a known status.");
        }

        return c => values.Any(v => Is(c, v));
    }

    private static bool Is(Candidate c, string value)
    {
        var issue = c.Issue;
        return value switch
        {
            "unresolved" => issue.Status == "unresolved",
            "resolved" => issue.Status == "resolved",
            "ignored" or "archived" => issue.Status == "ignored",
            "assigned" => issue.AssignedTo is not null,
            "unassigned" => issue.AssignedTo is null,
            "bookmarked" => issue.IsBookmarked,
            "unhandled" => issue.IsUnhandled,
            "handled" => !issue.IsUnhandled,
            "new" or "ongoing" or "regressed" or "escalating" => issue.Substatus == value,
            "for_review" => issue.Status == "unresolved" && issue.Substatus is "new" or "regressed",
            "linked" => false,
            _ => value == "unlinked",
        };
    }

    private static bool IsTagKey(string key) =>
        key.Length > 0 && key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-' or '[' or ']');

    /// <summary><c>tags[foo]</c> names the tag <c>foo</c>; anything else is the tag key itself.</summary>
    private static string TagKey(string key) => key.StartsWith("tags[", StringComparison.Ordinal) && key.EndsWith(']') ? key[5..^1] : key;

    /// <summary>Equality, or a glob with <c>*</c> as Sentry's search allows.</summary>
    private static bool Matches(string actual, string wanted)
    {
        if (!wanted.Contains('*', StringComparison.Ordinal))
        {
            return string.Equals(actual, wanted, StringComparison.Ordinal);
        }

        var parts = wanted.Split('*');
        var position = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var found = actual.IndexOf(part, position, StringComparison.OrdinalIgnoreCase);
            if (found < 0 || (i == 0 && found != 0))
            {
                return false;
            }

            position = found + part.Length;
        }

        return parts[^1].Length == 0 || actual.EndsWith(parts[^1], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><c>lastSeen:&gt;2026-12-01T09:00:00Z</c> (ISO-8601, as Sentry takes it); a bare date means after it.</summary>
    private static bool CompareDate(DateTimeOffset actual, string condition)
    {
        var op = condition.TakeWhile(ch => ch is '<' or '>' or '=').Count();
        var when = DateTimeOffset.TryParse(condition[op..], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : throw ApiProblem.BadRequest($"Invalid search query: '{condition}' is not a date such as 2026-12-01T09:00:00Z.");
        return condition[..op] switch
        {
            "<" => actual < when,
            "<=" => actual <= when,
            ">=" => actual >= when,
            _ => actual > when,
        };
    }

    private static bool Compare(long actual, string condition)
    {
        var op = condition.TakeWhile(ch => ch is '<' or '>' or '=').Count();
        var number = long.TryParse(condition[op..], System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw ApiProblem.BadRequest($"Invalid search query: '{condition}' is not a number.");
        return condition[..op] switch
        {
            ">" => actual > number,
            ">=" => actual >= number,
            "<" => actual < number,
            "<=" => actual <= number,
            _ => actual == number,
        };
    }

    private static List<string> Values(string text)
    {
        text = text.Trim();
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            return [.. text[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Unquote)];
        }

        return [Unquote(text)];
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && text.StartsWith('"') && text.EndsWith('"') ? text[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : text;

    /// <summary>Splits on spaces outside quotes and brackets.</summary>
    private static List<string> Tokenize(string query)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var depth = 0;
        foreach (var ch in query)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch == '[')
            {
                depth++;
            }
            else if (!quoted && ch == ']')
            {
                depth = Math.Max(0, depth - 1);
            }

            if (char.IsWhiteSpace(ch) && !quoted && depth == 0)
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            current.Append(ch);
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
