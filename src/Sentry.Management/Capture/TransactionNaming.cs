using System.Text;

namespace Sentry.Management;

/// <summary>
/// Transaction names for HTTP requests as the seed's <c>transactionNaming</c> asks: the URL path only (no scheme,
/// host, query or fragment), with segments that are ids collapsed to placeholders, so one route is one transaction
/// in Sentry: <c>GET /users/42/orders?page=2</c> becomes <c>GET /users/{id}/orders</c>.
/// </summary>
/// <remarks>
/// Placeholders: <c>{id}</c> for numbers, <c>{uuid}</c> for UUIDs, <c>{hash}</c> for hex strings of 16 or more digits
/// (commit SHAs, content hashes) and for long tokens that mix letters and digits.
/// </remarks>
public static class TransactionNaming
{
    /// <summary>The normalized path of <paramref name="url"/>, such as <c>/users/{id}</c>.</summary>
    /// <param name="url">An absolute URL or a path, with or without a query.</param>
    /// <returns>The path with ids replaced; <c>/</c> for an empty path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is <see langword="null"/>.</exception>
    public static string FromPath(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = PathOf(url);
        var builder = new StringBuilder(path.Length + 8);
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append('/').Append(Placeholder(segment) ?? segment);
        }

        return builder.Length == 0 ? "/" : builder.ToString();
    }

    /// <summary>The transaction name of an HTTP request: <c>{METHOD} {normalized path}</c>.</summary>
    /// <param name="method">The HTTP method, such as <c>GET</c>.</param>
    /// <param name="url">An absolute URL or a path, with or without a query.</param>
    /// <returns>A name such as <c>GET /users/{id}</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="method"/> is empty.</exception>
    public static string FromHttp(string method, string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        return method.ToUpperInvariant() + " " + FromPath(url);
    }

    private static string PathOf(string url)
    {
        var span = url.AsSpan();
        var cut = span.IndexOfAny('?', '#');
        if (cut >= 0)
        {
            span = span[..cut];
        }

        var scheme = span.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var rest = span[(scheme + 3)..];
            var slash = rest.IndexOf('/');
            span = slash < 0 ? [] : rest[slash..];
        }

        return span.ToString();
    }

    private static string? Placeholder(string segment)
    {
        if (segment.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return "{id}";
        }

        if (segment.Length == 36 && Guid.TryParseExact(segment, "D", out _))
        {
            return "{uuid}";
        }

        if (segment.Length == 32 && Guid.TryParseExact(segment, "N", out _))
        {
            return "{uuid}";
        }

        var digits = 0;
        var letters = 0;
        var hexOnly = true;
        foreach (var c in segment)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetter(c))
            {
                letters++;
                hexOnly &= char.IsAsciiHexDigit(c);
            }
            else if (c is not ('-' or '_'))
            {
                return null;
            }
        }

        if (digits == 0)
        {
            return null; // A word such as "orders" or "health-check".
        }

        if (hexOnly && digits + letters >= 16)
        {
            return "{hash}";
        }

        // A long token mixing letters and digits (base62 ids, slugs with ids) is an id; short ones like "v2" stay.
        return segment.Length >= 20 && letters > 0 ? "{hash}" : null;
    }
}
