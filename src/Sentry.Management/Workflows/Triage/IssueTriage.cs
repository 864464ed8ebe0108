using System.Globalization;

namespace Sentry.Management.Workflows.Triage;

/// <summary>
/// Plans and applies a triage: lists the issues a query matches (up to the limit), resolves the assignee through the
/// organization's members and teams before anything changes, then changes them in bulk and adds the notes.
/// </summary>
internal sealed class IssueTriage
{
    private readonly OrganizationScope _scope;
    private readonly IssuesClient _issues;

    internal IssueTriage(OrganizationScope scope, IssuesClient issues)
    {
        _scope = scope;
        _issues = issues;
    }

    internal async Task<IssueTriagePlan> PlanAsync(IssueTriageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Query, "request.Query");
        ArgumentNullException.ThrowIfNull(request.Change, "request.Change");
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Limit, 1, "request.Limit");
        var change = request.Change;
        var (assignedTo, assigneeName) = await ResolveAssigneeAsync(change, cancellationToken).ConfigureAwait(false);
        var projectId = request.Project is null ? null : await ProjectIdAsync(request.Project, cancellationToken).ConfigureAwait(false);

        var issues = await ListAsync(request, projectId, cancellationToken).ConfigureAwait(false);
        var items = issues
            .Where(i => i.Id is not null)
            .Select(i => new IssueTriageItem(i.Id!, i.ShortId, i.Title, State(i.Status?.Value, AssigneeOf(i)), State(NewStatus(change, i), assigneeName ?? AssigneeOf(i)) + (change.Note is null ? string.Empty : ", note added")))
            .ToList();
        IssueUpdate? update = change.Status is null && assignedTo is null
            ? null
            : new IssueUpdate { Status = change.Status, StatusDetails = change.StatusDetails, AssignedTo = assignedTo };
        return new IssueTriagePlan(request, items, update, ApplyAsync);
    }

    private async Task<IssueTriageResult> ApplyAsync(IssueTriagePlan plan, IProgress<TriageProgress>? progress, CancellationToken cancellationToken)
    {
        var failed = new Dictionary<string, IssueTriageFailure>(StringComparer.Ordinal);
        var byId = plan.Items.ToDictionary(i => i.IssueId, StringComparer.Ordinal);
        var note = plan.Request.Change.Note;
        var chunks = plan.Update is null || plan.Items.Count == 0 ? 0 : (plan.Items.Count + IssuesClient.MaxIdsPerBulkRequest - 1) / IssuesClient.MaxIdsPerBulkRequest;
        var total = chunks + (note is null ? 0 : plan.Items.Count);
        var done = 0;

        if (plan.Update is { } update && plan.Items.Count > 0)
        {
            foreach (var ids in plan.Items.Select(i => i.IssueId).Chunk(IssuesClient.MaxIdsPerBulkRequest))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await _issues.BulkUpdateAsync(ids, update, cancellationToken).ConfigureAwait(false);
                foreach (var chunk in result.Chunks.Where(c => !c.Succeeded))
                {
                    foreach (var id in chunk.Ids)
                    {
                        failed[id] = new IssueTriageFailure(byId[id], "status/assignee", chunk.Error!);
                    }
                }

                progress?.Report(new TriageProgress(++done, total, $"status/assignee of {ids.Length} issue(s)", result.Succeeded));
            }
        }

        if (note is not null)
        {
            foreach (var item in plan.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ok = true;
                try
                {
                    await _issues.AddNoteAsync(item.IssueId, note, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (SentryApiException e)
                {
                    ok = false;
                    failed.TryAdd(item.IssueId, new IssueTriageFailure(item, "note", e));
                }

                progress?.Report(new TriageProgress(++done, total, $"note on {item.ShortId ?? item.IssueId}", ok));
            }
        }

        return new IssueTriageResult([.. plan.Items.Where(i => !failed.ContainsKey(i.IssueId))], [.. failed.Values]);
    }

    private async Task<List<Issue>> ListAsync(IssueTriageRequest request, string? projectId, CancellationToken cancellationToken)
    {
        var options = new IssueListOptions
        {
            Filter = new IssueQuery
            {
                Query = request.Query,
                Projects = projectId is null ? null : [projectId],
                Environments = request.Environment is null ? null : [request.Environment],
                StatsPeriod = request.Period,
            },
            Limit = Math.Min(request.Limit, IssuesClient.MaxIdsPerBulkRequest),
        };
        try
        {
            return await _issues.List(options, new SentryPageOptions { MaxItems = request.Limit }).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SentryValidationException e)
        {
            throw new ArgumentException($"Sentry rejected the issue query '{request.Query}': {e.Detail ?? e.Message}", "request.Query", e);
        }
    }

    /// <summary>The assignee as Sentry's bulk update takes it (<c>user:ID</c>, <c>team:ID</c>) and as the plan shows it.</summary>
    private async Task<(string? AssignedTo, string? Name)> ResolveAssigneeAsync(IssueChange change, CancellationToken cancellationToken)
    {
        if (change.AssigneeMember is { } who)
        {
            var member = await new MembersClient(_scope).FindAsync(who, cancellationToken).ConfigureAwait(false);
            var userId = member?.User?.Id
                ?? throw new ArgumentException(
                    member is null
                        ? $"No member of organization '{_scope.Slug}' has the e-mail address or username '{who}'; nothing was changed."
                        : $"'{who}' has not accepted the invitation to organization '{_scope.Slug}' yet, so issues cannot be assigned to them; nothing was changed.",
                    nameof(change));
            return ("user:" + userId, "assigned to " + who);
        }

        if (change.AssigneeTeam is { } slug)
        {
            try
            {
                var team = await new TeamsClient(_scope).GetAsync(slug, cancellationToken).ConfigureAwait(false);
                return ("team:" + team.Id, "assigned to team " + slug);
            }
            catch (SentryNotFoundException e)
            {
                throw new ArgumentException($"Organization '{_scope.Slug}' has no team '{slug}'; nothing was changed.", nameof(change), e);
            }
        }

        return (null, null);
    }

    private async Task<string> ProjectIdAsync(string project, CancellationToken cancellationToken)
    {
        if (project.All(char.IsAsciiDigit))
        {
            return project;
        }

        try
        {
            var found = await _scope.Api<Api.IProjectsApi>().GetAsync(_scope.Slug, SentrySlug.Validate(project, "request.Project"), cancellationToken).ConfigureAwait(false);
            return found.Id ?? throw new InvalidOperationException($"Sentry answered project '{project}' without an id.");
        }
        catch (SentryNotFoundException e)
        {
            throw new ArgumentException($"Organization '{_scope.Slug}' has no project '{project}' (or the token cannot see it); nothing was changed.", nameof(project), e);
        }
    }

    private static string? NewStatus(IssueChange change, Issue issue) =>
        change.StatusDescription ?? issue.Status?.Value;

    private static string? AssigneeOf(Issue issue) => issue.AssignedTo switch
    {
        null => "unassigned",
        { Type: "team" } team => "assigned to team " + (team.Name ?? team.Id),
        var user => "assigned to " + (user.Email ?? user.Name ?? user.Id),
    };

    private static string State(string? status, string? assignee) =>
        string.Join(", ", new[] { status ?? "unknown", assignee }.Where(s => s is not null)).ToString(CultureInfo.InvariantCulture);
}
