using Refit;
using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>
/// Issues: search, read, change, delete, one at a time or in bulk (split into requests Sentry accepts), short-id
/// lookup and tag values.
/// </summary>
public class IssuesClient
{
    /// <summary>
    /// The most issue ids Sentry accepts in one bulk request (its bulk endpoints cap <c>limit</c> and <c>id</c> at 100);
    /// longer id lists are sent in chunks of this size.
    /// </summary>
    public const int MaxIdsPerBulkRequest = 100;

    private readonly IIssuesApi _api = null!;
    private readonly OrganizationScope _scope = null!;

    internal IssuesClient(OrganizationScope scope)
    {
        _scope = scope;
        _api = scope.Api<IIssuesApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected IssuesClient()
    {
    }

    /// <summary>Lists or searches an organization's issues, fetching pages as the listing is enumerated.</summary>
    /// <param name="options">Filters (query, environments, projects, period, sort) and extras; <see langword="null"/> for Sentry's defaults.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<Issue> List(IssueListOptions? options = null, SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        var filter = options?.Filter ?? new IssueQuery();
        var limit = options?.Limit ?? _scope.PageSize;
        return OrganizationScope.Pageable(
            (cursor, ct) => _api.ListAsync(
                organization,
                cursor,
                filter.Query,
                filter.Environments,
                filter.Projects,
                filter.StatsPeriod,
                filter.Start,
                filter.End,
                options?.GroupStatsPeriod,
                options?.ShortIdLookup is { } lookup ? (lookup ? "1" : "0") : null,
                filter.ViewId,
                filter.Sort?.Value,
                limit,
                options?.Expand,
                options?.Collapse,
                ct),
            pages);
    }

    /// <summary>Gets an issue.</summary>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The issue.</returns>
    public virtual Task<Issue> GetAsync(string issueId, CancellationToken cancellationToken = default) =>
        _api.GetAsync(_scope.Slug, QueryValues.NumericId(issueId, nameof(issueId)), cancellationToken: cancellationToken);

    /// <summary>Changes an issue: resolve, archive, assign, bookmark, prioritize…</summary>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="update">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The issue as it is now.</returns>
    public virtual Task<Issue> UpdateAsync(string issueId, IssueUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _api.UpdateAsync(_scope.Slug, QueryValues.NumericId(issueId, nameof(issueId)), update, cancellationToken);
    }

    /// <summary>Schedules an issue for deletion.</summary>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    public virtual Task DeleteAsync(string issueId, CancellationToken cancellationToken = default) =>
        _api.DeleteAsync(_scope.Slug, QueryValues.NumericId(issueId, nameof(issueId)), cancellationToken);

    /// <summary>Finds an issue by its short id, such as <c>PUMP-STATION-1</c>.</summary>
    /// <param name="shortId">The short id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The issue with its organization and project slugs.</returns>
    public virtual Task<IssueShortIdLookup> ResolveShortIdAsync(string shortId, CancellationToken cancellationToken = default) =>
        _api.ResolveShortIdAsync(_scope.Slug, SentrySlug.Validate(shortId), cancellationToken: cancellationToken);

    /// <summary>Gets a tag key of an issue's events with its most frequent values.</summary>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="key">The tag key, such as <c>browser</c> or <c>sentry:release</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tag's details.</returns>
    public virtual Task<IssueTag> GetTagAsync(string issueId, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return _api.GetTagAsync(_scope.Slug, QueryValues.NumericId(issueId, nameof(issueId)), key, cancellationToken: cancellationToken);
    }

    /// <summary>Lists the values of a tag on an issue's events.</summary>
    /// <param name="issueId">The issue's numeric id.</param>
    /// <param name="key">The tag key, such as <c>browser</c>.</param>
    /// <param name="sort">
    /// <c>date</c> (last seen), <c>age</c> (first seen), <c>count</c> (times seen) or <c>id</c>; Sentry always sorts
    /// descending, so there is no <c>-</c> prefix (the schema's description mentions one, but Sentry's endpoint treats
    /// such a value as unknown and falls back to <c>id</c>). <see langword="null"/> for Sentry's default, <c>id</c>.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The values.</returns>
    /// <exception cref="ArgumentException"><paramref name="sort"/> is not one of the values above.</exception>
    public virtual async Task<IReadOnlyList<IssueTagValue>> ListTagValuesAsync(
        string issueId,
        string key,
        string? sort = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (sort is not (null or "date" or "age" or "count" or "id"))
        {
            throw new ArgumentException($"'{sort}' is not a tag value sort: use date, age, count or id (Sentry sorts them descending, without a '-' prefix).", nameof(sort));
        }

        return await _api.ListTagValuesAsync(_scope.Slug, QueryValues.NumericId(issueId, nameof(issueId)), key, sort, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Changes many issues of an organization, sending the ids in requests of at most <see cref="MaxIdsPerBulkRequest"/>.
    /// A failed request does not stop the others; the result says which ids succeeded and why a chunk failed.
    /// </summary>
    /// <param name="issueIds">The numeric ids of the issues (duplicates are sent once).</param>
    /// <param name="update">The changes. <see cref="IssueUpdate.Merge"/> needs all ids in one request, so at most <see cref="MaxIdsPerBulkRequest"/>.</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>One entry per request.</returns>
    public virtual Task<IssueBulkResult> BulkUpdateAsync(IEnumerable<string> issueIds, IssueUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var organization = _scope.Slug;
        var chunks = Chunk(issueIds, update.Merge == true);
        return RunChunksAsync(chunks, async (ids, ct) => Content(await _api.BulkUpdateAsync(organization, update, ids, cancellationToken: ct).ConfigureAwait(false)), cancellationToken);
    }

    /// <summary>Changes the issues a query matches, in one request (Sentry applies at most <c>limit</c> of 100 per request).</summary>
    /// <param name="filter">The issues to change; its <see cref="IssueQuery.Query"/> is required, so the change never falls back to Sentry's default query by accident.</param>
    /// <param name="update">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changes Sentry applied, or <see langword="null"/> when it answered 204 (nothing matched).</returns>
    public virtual async Task<IssueBulkUpdateResult?> BulkUpdateByQueryAsync(IssueQuery filter, IssueUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(filter.Query, "filter.Query");
        var response = await _api.BulkUpdateAsync(
            _scope.Slug, update, null, filter.Query, filter.Environments, filter.Projects, filter.ViewId, filter.Sort?.Value, MaxIdsPerBulkRequest, cancellationToken)
            .ConfigureAwait(false);
        return Content(response);
    }

    /// <summary>
    /// Deletes many issues of an organization, sending the ids in requests of at most <see cref="MaxIdsPerBulkRequest"/>.
    /// A failed request does not stop the others.
    /// </summary>
    /// <param name="issueIds">The numeric ids of the issues (duplicates are sent once; at least one, because Sentry deletes up to 1000 issues when none is given).</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>One entry per request.</returns>
    public virtual Task<IssueBulkResult> BulkDeleteAsync(IEnumerable<string> issueIds, CancellationToken cancellationToken = default)
    {
        var organization = _scope.Slug;
        var chunks = Chunk(issueIds, merge: false);
        return RunChunksAsync(
            chunks,
            async (ids, ct) =>
            {
                await _api.BulkDeleteAsync(organization, ids, cancellationToken: ct).ConfigureAwait(false);
                return null;
            },
            cancellationToken);
    }

    /// <summary>Deletes the issues a query matches, in one request (Sentry deletes at most <c>limit</c> of 100).</summary>
    /// <param name="filter">The issues to delete; its <see cref="IssueQuery.Query"/> must be a non-empty query, so a missing filter never deletes Sentry's default selection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    public virtual Task BulkDeleteByQueryAsync(IssueQuery filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentException.ThrowIfNullOrWhiteSpace(filter.Query, "filter.Query");
        return _api.BulkDeleteAsync(
            _scope.Slug, null, filter.Query, filter.Environments, filter.Projects, filter.ViewId, filter.Sort?.Value, MaxIdsPerBulkRequest, cancellationToken);
    }

    /// <summary>Validates and de-duplicates the ids, then splits them into request-sized chunks.</summary>
    internal static List<string[]> Chunk(IEnumerable<string> issueIds, bool merge)
    {
        ArgumentNullException.ThrowIfNull(issueIds);
        var ids = issueIds.Select(id => QueryValues.NumericId(id, nameof(issueIds))).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            // Sentry treats a bulk request without ids as "all issues matching the default query": never send one by accident.
            throw new ArgumentException("At least one issue id is required.", nameof(issueIds));
        }

        if (merge && ids.Count > MaxIdsPerBulkRequest)
        {
            // A merge split over requests would create one parent per request instead of one merged issue.
            throw new ArgumentException($"A merge can take at most {MaxIdsPerBulkRequest} issues (one request).", nameof(issueIds));
        }

        return [.. ids.Chunk(MaxIdsPerBulkRequest)];
    }

    internal static async Task<IssueBulkResult> RunChunksAsync(
        List<string[]> chunks,
        Func<string[], CancellationToken, Task<IssueBulkUpdateResult?>> send,
        CancellationToken cancellationToken)
    {
        var results = new List<IssueBulkChunk>(chunks.Count);
        foreach (var ids in chunks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var response = await send(ids, cancellationToken).ConfigureAwait(false);
                results.Add(new IssueBulkChunk(ids, response, null));
            }
            catch (SentryApiException exception)
            {
                // Sentry refused this chunk (validation, permission, not found, rate limit after retries): record it and go on,
                // so the caller learns exactly which ids were changed. Transport failures and cancellation still throw.
                results.Add(new IssueBulkChunk(ids, null, exception));
            }
        }

        return new IssueBulkResult(results);
    }

    /// <summary>The body of a 200 answer; <see langword="null"/> for 204. A Refit-level error (such as unreadable JSON) is thrown.</summary>
    internal static IssueBulkUpdateResult? Content(IApiResponse<IssueBulkUpdateResult> response)
    {
        using (response)
        {
            if (response.Error is { } error)
            {
                if (error.InnerException is SentryApiException sentryError)
                {
                    throw sentryError;
                }

                throw error;
            }

            return response.Content;
        }
    }

    /// <summary>Lists an issue's notes (comments), newest first.</summary>
    /// <param name="issueId">The issue's id.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing of activities of type <c>note</c>; the text is in <see cref="IssueActivity.Data"/> (<c>text</c>).</returns>
    public virtual SentryPageable<IssueActivity> ListNotes(string issueId, SentryPageOptions? pages = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueId);
        var organization = _scope.Slug;
        return OrganizationScope.Pageable((cursor, ct) => _api.ListNotesAsync(organization, issueId, cursor, ct), pages);
    }

    /// <summary>Adds a note (comment) to an issue; those it mentions are notified.</summary>
    /// <param name="issueId">The issue's id.</param>
    /// <param name="text">The text (markdown).</param>
    /// <param name="mentions">Who to mention, as <c>user:ID</c> or <c>team:ID</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The note, as an activity of type <c>note</c>.</returns>
    public virtual Task<IssueActivity> AddNoteAsync(string issueId, string text, IEnumerable<string>? mentions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueId);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return _api.AddNoteAsync(_scope.Slug, issueId, new IssueNoteCreate { Text = text, Mentions = mentions?.ToList() }, cancellationToken);
    }

    /// <summary>
    /// The dry run of a triage: lists the issues the query matches (up to <see cref="IssueTriageRequest.Limit"/>) and
    /// what would change on each, after resolving the assignee. Nothing changes until <see cref="IssueTriagePlan.ApplyAsync"/>.
    /// </summary>
    /// <param name="request">The query, project, environment, period, change and limit.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The plan: ids, short ids, titles, current and new state.</returns>
    /// <exception cref="ArgumentException">
    /// The query is empty or Sentry rejected it (400; the message names the query), or the assignee or project does not
    /// exist in the organization. Raised before anything changes.
    /// </exception>
    public virtual Task<IssueTriagePlan> PlanChangesAsync(IssueTriageRequest request, CancellationToken cancellationToken = default) =>
        new Workflows.Triage.IssueTriage(_scope, this).PlanAsync(request, cancellationToken);

    /// <summary>
    /// Watches for issues that are new or regressed: polls every <see cref="IssueWatchOptions.PollInterval"/> for issues
    /// seen after the last one reported, and yields each new or regressed issue once, with a cursor to resume from.
    /// Runs until <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="options">The query, projects, environments, starting point or cursor, interval and clock.</param>
    /// <param name="cancellationToken">Stops the watch.</param>
    /// <returns>The issues, as they come.</returns>
    /// <exception cref="ArgumentException">The query is empty or the cursor is not one a watch handed out.</exception>
    public virtual IAsyncEnumerable<IssueWatchEvent> WatchAsync(IssueWatchOptions? options = null, CancellationToken cancellationToken = default) =>
        Workflows.Watch.IssueWatch.RunAsync(this, options ?? new IssueWatchOptions(), _scope.Context.TimeProvider, cancellationToken);
}
