using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>A project's issues: list them, change or delete many at once.</summary>
public class ProjectIssuesClient
{
    private readonly IIssuesApi _api = null!;
    private readonly ProjectScope _project = null!;

    internal ProjectIssuesClient(ProjectScope project)
    {
        _project = project;
        _api = project.Api<IIssuesApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ProjectIssuesClient()
    {
    }

    /// <summary>Lists a project's issues, fetching pages as the listing is enumerated.</summary>
    /// <param name="query">Sentry search syntax; <see langword="null"/> for Sentry's default <c>is:unresolved</c>.</param>
    /// <param name="sort">The sort order.</param>
    /// <param name="statsPeriod"><c>24h</c>, <c>14d</c> or empty for no stats.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Issue> List(
        string? query = null,
        IssueSort? sort = null,
        string? statsPeriod = null,
        SentryPageOptions? pages = null)
    {
        var organization = _project.Organization.Slug;
        var project = _project.Slug;
        return OrganizationScope.Pageable(
            (cursor, ct) => _api.ListForProjectAsync(organization, project, cursor, query, statsPeriod, null, null, sort?.Value, _project.Organization.PageSize, ct),
            pages);
    }

    /// <summary>Changes many issues of a project, in requests of at most <see cref="IssuesClient.MaxIdsPerBulkRequest"/> ids.</summary>
    /// <param name="issueIds">The numeric ids of the issues.</param>
    /// <param name="update">The changes.</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>One entry per request.</returns>
    public virtual Task<IssueBulkResult> BulkUpdateAsync(
        IEnumerable<string> issueIds,
        ProjectIssueBulkUpdate update,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var organization = _project.Organization.Slug;
        var project = _project.Slug;
        var chunks = IssuesClient.Chunk(issueIds, update.Merge == true);
        return IssuesClient.RunChunksAsync(chunks, async (ids, ct) => IssuesClient.Content(await _api.BulkUpdateInProjectAsync(organization, project, update, ids, cancellationToken: ct).ConfigureAwait(false)), cancellationToken);
    }

    /// <summary>Deletes many issues of a project, in requests of at most <see cref="IssuesClient.MaxIdsPerBulkRequest"/> ids.</summary>
    /// <param name="issueIds">The numeric ids of the issues (at least one).</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>One entry per request.</returns>
    public virtual Task<IssueBulkResult> BulkDeleteAsync(IEnumerable<string> issueIds, CancellationToken cancellationToken = default)
    {
        var organization = _project.Organization.Slug;
        var project = _project.Slug;
        var chunks = IssuesClient.Chunk(issueIds, merge: false);
        return IssuesClient.RunChunksAsync(
            chunks,
            async (ids, ct) =>
            {
                await _api.BulkDeleteInProjectAsync(organization, project, ids, ct).ConfigureAwait(false);
                return null;
            },
            cancellationToken);
    }

    /// <summary>Merges issues of this project into one, in a single request (Sentry picks the parent; the others become its children).</summary>
    /// <param name="issueIds">The numeric ids of the issues (2 to <see cref="IssuesClient.MaxIdsPerBulkRequest"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The parent and the children merged into it.</returns>
    /// <exception cref="ArgumentException">Fewer than two distinct ids, or more than fit in one request.</exception>
    public virtual async Task<IssueMergeResult> MergeAsync(IEnumerable<string> issueIds, CancellationToken cancellationToken = default)
    {
        var ids = IssuesClient.Chunk(issueIds, merge: true).Single();
        if (ids.Length < 2)
        {
            throw new ArgumentException($"A merge needs at least two issues; got {ids.Length}.", nameof(issueIds));
        }

        var response = await _api.BulkUpdateInProjectAsync(_project.Organization.Slug, _project.Slug, new ProjectIssueBulkUpdate { Merge = true }, ids, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return IssuesClient.Content(response)?.Merge ?? throw new InvalidOperationException($"Sentry answered the merge of {string.Join(", ", ids)} without saying what it merged.");
    }
}
