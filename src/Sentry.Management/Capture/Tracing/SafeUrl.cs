using System.Text;

namespace Sentry.Management.Capture.Tracing;

/// <summary>
/// The URL as breadcrumbs and spans show it: no user info, no fragment, and query values replaced, since tokens and
/// signatures travel in query strings. The parameter names stay, so a reader still sees which call it was.
/// </summary>
internal static class SafeUrl
{
    public const string Filtered = "[Filtered]";

    public static string WithoutQuery(Uri url) =>
        url.IsAbsoluteUri ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : StripRelative(url.OriginalString);

    /// <summary>The query with every value filtered (<c>a=[Filtered]&amp;b=[Filtered]</c>), or <see langword="null"/> without one.</summary>
    public static string? RedactedQuery(Uri url)
    {
        var query = url.IsAbsoluteUri ? url.Query : QueryOf(url.OriginalString);
        if (query.Length <= 1)
        {
            return null;
        }

        var builder = new StringBuilder(query.Length);
        foreach (var pair in query.AsSpan(1).ToString().Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            builder.Append(eq < 0 ? pair : pair[..eq]).Append('=').Append(Filtered);
        }

        return builder.ToString();
    }

    private static string StripRelative(string url)
    {
        var cut = url.IndexOfAny(['?', '#']);
        return cut < 0 ? url : url[..cut];
    }

    private static string QueryOf(string url)
    {
        var start = url.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        var end = url.IndexOf('#', start);
        return end < 0 ? url[start..] : url[start..end];
    }
}
