namespace Sentry.Management;

/// <summary>One page of a Sentry list, with the cursors to continue from.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class SentryPage<T>
{
    /// <summary>Creates a page.</summary>
    /// <param name="items">The items on this page.</param>
    /// <param name="nextCursor">The cursor of the next page, or <see langword="null"/> when this is the last one.</param>
    /// <param name="previousCursor">The cursor of the previous page, or <see langword="null"/> on the first one.</param>
    public SentryPage(IReadOnlyList<T> items, string? nextCursor, string? previousCursor)
    {
        Items = items ?? [];
        NextCursor = nextCursor;
        PreviousCursor = previousCursor;
    }

    /// <summary>The items on this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Pass this as the start cursor to resume after this page; <see langword="null"/> when there are no more results.</summary>
    public string? NextCursor { get; }

    /// <summary>The cursor of the page before this one, when Sentry has results there.</summary>
    public string? PreviousCursor { get; }

    /// <summary>Whether Sentry has another page after this one.</summary>
    public bool HasMore => NextCursor is not null;
}
