using Sentry.Management.Testing.Grouping;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>Finds the issues a list, bulk update or bulk delete request means: by <c>id</c>, or by search and filters.</summary>
internal static class IssueQueries
{
    public const string DefaultQuery = "is:unresolved";

    /// <summary>Every issue of the organization (or one project), with its events, not discarded.</summary>
    public static List<IssueSearch.Candidate> Candidates(ApiContext context, StoredOrganization organization, StoredProject? project)
    {
        var projects = context.Data.Projects.All().Where(p => p.OrganizationId == organization.Id).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var wanted = project is not null
            ? new HashSet<string>([project.Id], StringComparer.Ordinal)
            : context.QueryAll("project").Where(p => p != "-1").ToHashSet(StringComparer.Ordinal);
        var events = context.Data.Events.All().Where(e => e.GroupId is not null).ToLookup(e => e.GroupId!, StringComparer.Ordinal);
        return [.. context.Data.Issues.All()
            .Where(i => !i.Discarded && projects.ContainsKey(i.ProjectId) && (wanted.Count == 0 || wanted.Contains(i.ProjectId)))
            .Select(i => new IssueSearch.Candidate(i, [.. events[i.Id]], ShortId.Format(projects[i.ProjectId].Slug, i.ShortIdNumber)))];
    }

    /// <summary>The issues a list request asks for: search, environments, time window and sort applied.</summary>
    public static List<IssueSearch.Candidate> List(ApiContext context, StoredOrganization organization, StoredProject? project)
    {
        var query = QueryText(context);
        var candidates = Candidates(context, organization, project);
        if (query.Trim() is { Length: > 0 } trimmed && candidates.FirstOrDefault(c => c.ShortId.Equals(trimmed, StringComparison.OrdinalIgnoreCase)) is { } byShortId)
        {
            // Sentry answers a query that is exactly a short id with that issue, whatever its status.
            return [byShortId];
        }

        var search = IssueSearch.Parse(query);
        var environments = context.QueryAll("environment");
        var range = TimeRange.FromQuery(context, "14d");
        var matching = candidates
            .Select(c => environments.Count == 0 ? c : c with { Events = [.. c.Events.Where(e => e.Environment is not null && environments.Contains(e.Environment))] })
            .Where(c => environments.Count == 0 || c.Events.Count > 0)
            .Where(c => c.Events.Count == 0 ? range.Contains(c.Issue.LastSeen) : c.Events.Any(e => range.Contains(e.Timestamp)))
            .Where(search.Matches);
        return Sort(matching, context.Query("sort") ?? "date");
    }

    /// <summary>The issues a bulk request targets: the <c>id</c> parameters, else the search (default <c>is:unresolved</c>), at most 1000.</summary>
    public static List<IssueSearch.Candidate> Targets(ApiContext context, StoredOrganization organization, StoredProject? project)
    {
        var ids = context.QueryAll("id");
        var candidates = Candidates(context, organization, project);
        if (ids.Count > 0)
        {
            return [.. candidates.Where(c => ids.Contains(c.Issue.Id, StringComparer.Ordinal))];
        }

        var search = IssueSearch.Parse(QueryText(context));
        var environments = context.QueryAll("environment");
        return [.. candidates
            .Where(c => environments.Count == 0 || c.Events.Any(e => e.Environment is not null && environments.Contains(e.Environment)))
            .Where(search.Matches)
            .Take(1000)];
    }

    private static string QueryText(ApiContext context) =>
        context.Http.Request.Query.TryGetValue("query", out var values) ? values.ToString() : DefaultQuery;

    private static List<IssueSearch.Candidate> Sort(IEnumerable<IssueSearch.Candidate> candidates, string sort) => sort switch
    {
        "new" => [.. candidates.OrderByDescending(c => c.Issue.FirstSeen).ThenByDescending(c => long.Parse(c.Issue.Id, System.Globalization.CultureInfo.InvariantCulture))],
        "freq" => [.. candidates.OrderByDescending(c => c.Issue.Count).ThenByDescending(c => c.Issue.LastSeen)],
        "user" => [.. candidates.OrderByDescending(c => c.Issue.Users.Count).ThenByDescending(c => c.Issue.LastSeen)],
        "priority" or "trends" or "inbox" or "date" or "recommended" => [.. candidates.OrderByDescending(c => c.Issue.LastSeen).ThenByDescending(c => long.Parse(c.Issue.Id, System.Globalization.CultureInfo.InvariantCulture))],
        _ => throw ApiProblem.BadRequest($"Invalid sort '{sort}': use date, new, freq, user, priority or trends."),
    };
}
