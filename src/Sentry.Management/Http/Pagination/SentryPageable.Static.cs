namespace Sentry.Management;

/// <summary>
/// Listings held in memory, for unit tests that fake a facade call (a mocked <c>Projects.List()</c> returns one of
/// these): enumerating them never sends a request.
/// </summary>
public static class SentryPageable
{
    /// <summary>A listing that yields <paramref name="pages"/> (and their items) in the order given, with the cursors given.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="pages">The pages.</param>
    /// <returns>The listing.</returns>
    public static SentryPageable<T> FromPages<T>(IEnumerable<SentryPage<T>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return new SentryPageable<T>([.. pages]);
    }

    /// <summary>A listing of one page holding <paramref name="values"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="values">The items.</param>
    /// <returns>The listing.</returns>
    public static SentryPageable<T> FromValues<T>(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return FromPages([new SentryPage<T>([.. values], null, null)]);
    }
}
