using System.Runtime.CompilerServices;
using System.Text.Json;
using Sentry.Management.Api;
using Sentry.Management.Http;

namespace Sentry.Management;

/// <summary>
/// The organization events table (Discover / Explore): event fields and aggregates such as <c>count()</c> or
/// <c>p95(span.duration)</c> over errors, spans or logs, grouped by the plain fields requested.
/// </summary>
public class DiscoverClient
{
    private readonly IDiscoverApi _api = null!;
    private readonly OrganizationScope _scope = null!;

    internal DiscoverClient(OrganizationScope scope)
    {
        _scope = scope;
        _api = scope.Api<IDiscoverApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected DiscoverClient()
    {
    }

    /// <summary>Runs a query and returns one page of rows.</summary>
    /// <param name="query">The columns, dataset and filters.</param>
    /// <param name="cursor">The page to read (<see cref="DiscoverPage.NextCursor"/> of the previous one); <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows, their column types and the next page's cursor.</returns>
    /// <exception cref="ArgumentException">The query is invalid (no fields, too many, a sort that is not a field); the message says which.</exception>
    /// <exception cref="SentryValidationException">Sentry rejected the query (an unknown field or function); its message is kept.</exception>
    public virtual async Task<DiscoverPage> QueryAsync(DiscoverQuery query, string? cursor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        using var response = await _api.QueryAsync(
            _scope.Slug,
            query.Fields,
            query.Dataset,
            query.End,
            query.Environments,
            query.Projects,
            query.Start,
            query.StatsPeriod,
            query.PerPage ?? _scope.PageSize,
            query.Query,
            query.Sort,
            cursor,
            cancellationToken).ConfigureAwait(false);
        if (response.Error is { } error)
        {
            throw error;
        }

        var (next, _) = LinkHeader.Parse(response.Headers is { } headers && headers.TryGetValues("Link", out var links) ? links : null);
        var rows = response.Content?.Data ?? [];
        return new DiscoverPage(rows, response.Content?.Meta, rows.Count > 0 && next != cursor ? next : null);
    }

    /// <summary>Runs a query and enumerates its rows, reading pages as they are used up.</summary>
    /// <param name="query">The columns, dataset and filters.</param>
    /// <param name="maxRows">The most rows to read; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The rows.</returns>
    public virtual async IAsyncEnumerable<IReadOnlyDictionary<string, JsonElement>> QueryAllAsync(
        DiscoverQuery query,
        int? maxRows = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (maxRows is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRows), maxRows, "At least one row.");
        }

        string? cursor = null;
        var read = 0;
        do
        {
            var page = await QueryAsync(query, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Rows)
            {
                yield return row;
                if (++read == maxRows)
                {
                    yield break;
                }
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }
}
