using System.Runtime.CompilerServices;
using Refit;
using Sentry.Management.Http;

namespace Sentry.Management;

/// <summary>
/// A Sentry list that fetches its pages lazily as it is enumerated: <c>await foreach</c> over it for items,
/// or over <see cref="AsPages"/> for pages with their cursors. Nothing is requested until enumeration starts,
/// and each enumeration starts again from <see cref="SentryPageOptions.StartCursor"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class SentryPageable<T> : IAsyncEnumerable<T>
{
    private readonly Func<string?, CancellationToken, Task<IApiResponse<List<T>>>>? _fetchPage;
    private readonly IReadOnlyList<SentryPage<T>>? _inMemory;
    private readonly SentryPageOptions _options;

    /// <summary>
    /// Wraps a Refit list method (one that returns <see cref="IApiResponse{T}"/> so the <c>Link</c> header is readable),
    /// given a cursor, as a lazy listing.
    /// </summary>
    /// <param name="fetchPage">Fetches the page at a cursor (<see langword="null"/> for the first page).</param>
    /// <param name="options">Start cursor and caps; <see langword="null"/> for the whole list.</param>
    public SentryPageable(Func<string?, CancellationToken, Task<IApiResponse<List<T>>>> fetchPage, SentryPageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        _fetchPage = fetchPage;
        _options = options ?? new SentryPageOptions();
        _options.Validate();
    }

    /// <summary>Over pages held in memory; see <see cref="SentryPageable.FromPages"/>.</summary>
    internal SentryPageable(IReadOnlyList<SentryPage<T>> pages)
    {
        _inMemory = pages;
        _options = new SentryPageOptions();
    }

    /// <summary>Enumerates page by page, exposing each page's cursors so a caller can stop and resume later.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The pages, fetched one at a time as they are enumerated.</returns>
    public IAsyncEnumerable<SentryPage<T>> AsPages(CancellationToken cancellationToken = default) =>
        _inMemory is { } pages ? InMemory(pages, cancellationToken) : Fetch(_fetchPage!, cancellationToken);

    private static async IAsyncEnumerable<SentryPage<T>> InMemory(IReadOnlyList<SentryPage<T>> pages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return page;
        }
    }

    private async IAsyncEnumerable<SentryPage<T>> Fetch(
        Func<string?, CancellationToken, Task<IApiResponse<List<T>>>> fetchPage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = _options.StartCursor;
        var pages = 0;
        var items = 0;
        while (_options.MaxPages is null || pages < _options.MaxPages)
        {
            if (_options.MaxItems is { } maxItems && items >= maxItems)
            {
                yield break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            using var response = await fetchPage(cursor, cancellationToken).ConfigureAwait(false);
            if (response.Error is { } error)
            {
                throw error;
            }

            var content = response.Content ?? [];
            var (next, previous) = LinkHeader.Parse(response.Headers is { } headers && headers.TryGetValues("Link", out var links) ? links : null);
            pages++;
            if (_options.MaxItems is { } cap && items + content.Count > cap)
            {
                content = content.GetRange(0, cap - items);
            }

            items += content.Count;

            // An empty page ends the listing even if a cursor came with it, so a misbehaving proxy cannot loop us forever.
            var hasMore = next is not null && content.Count > 0 && next != cursor;
            yield return new SentryPage<T>(content, hasMore ? next : null, previous);
            if (!hasMore)
            {
                yield break;
            }

            cursor = next;
        }
    }

    /// <summary>Enumerates the items of every page, fetching the next page only when the current one is used up.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>An enumerator over the items.</returns>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    /// <summary>Fetches every page (within the caps) and returns the items in one list.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>All items.</returns>
    public async Task<List<T>> ToListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<T>();
        await foreach (var item in this.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
