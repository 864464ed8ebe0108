namespace Sentry.Management.Http;

/// <summary>
/// Reads Sentry's <c>Link</c> header:
/// <c>&lt;…&gt;; rel="previous"; results="false"; cursor="0:0:1", &lt;…&gt;; rel="next"; results="true"; cursor="0:100:0"</c>.
/// A cursor counts only when <c>results="true"</c>: Sentry always sends a next link, even on the last page.
/// </summary>
internal static class LinkHeader
{
    internal readonly record struct Cursors(string? Next, string? Previous);

    internal static Cursors Parse(IEnumerable<string>? values)
    {
        string? next = null;
        string? previous = null;
        if (values is null)
        {
            return default;
        }

        // Over spans: only the two cursors kept become strings (one header per page, read on every page).
        foreach (var value in values)
        {
            var header = value.AsSpan();
            var start = 0;
            var inAngle = false;
            var inQuote = false;
            for (var i = 0; i < header.Length; i++)
            {
                switch (header[i])
                {
                    case '<' when !inQuote:
                        inAngle = true;
                        break;
                    case '>' when !inQuote:
                        inAngle = false;
                        break;
                    case '"' when !inAngle:
                        inQuote = !inQuote;
                        break;
                    case ',' when !inAngle && !inQuote:
                        ReadLink(header[start..i], ref next, ref previous);
                        start = i + 1;
                        break;
                }
            }

            ReadLink(header[start..], ref next, ref previous);
        }

        return new Cursors(next, previous);
    }

    /// <summary>One link: its <c>rel</c>, <c>results</c> and <c>cursor</c> parameters; a cursor counts only with <c>results="true"</c>.</summary>
    private static void ReadLink(ReadOnlySpan<char> link, ref string? next, ref string? previous)
    {
        ReadOnlySpan<char> rel = default;
        ReadOnlySpan<char> cursor = default;
        var results = false;
        foreach (var range in link.Split(';'))
        {
            var part = link[range].Trim();
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            var key = part[..eq].Trim();
            var val = part[(eq + 1)..].Trim().Trim('"');
            if (key.Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                rel = val;
            }
            else if (key.Equals("cursor", StringComparison.OrdinalIgnoreCase))
            {
                cursor = val;
            }
            else if (key.Equals("results", StringComparison.OrdinalIgnoreCase))
            {
                results = val.Equals("true", StringComparison.OrdinalIgnoreCase);
            }
        }

        if (!results || cursor.IsEmpty)
        {
            return;
        }

        if (rel.Equals("next", StringComparison.OrdinalIgnoreCase))
        {
            next = cursor.ToString();
        }
        else if (rel.Equals("previous", StringComparison.OrdinalIgnoreCase))
        {
            previous = cursor.ToString();
        }
    }
}
