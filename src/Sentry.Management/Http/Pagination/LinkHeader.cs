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

        foreach (var value in values)
        {
            foreach (var link in SplitLinks(value))
            {
                string? rel = null;
                string? cursor = null;
                var results = false;
                foreach (var part in link.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = part.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0)
                    {
                        continue;
                    }

                    var key = part[..eq].Trim();
                    var val = part[(eq + 1)..].Trim().Trim('"');
                    switch (key.ToLowerInvariant())
                    {
                        case "rel":
                            rel = val;
                            break;
                        case "cursor":
                            cursor = val;
                            break;
                        case "results":
                            results = string.Equals(val, "true", StringComparison.OrdinalIgnoreCase);
                            break;
                    }
                }

                if (!results || string.IsNullOrEmpty(cursor))
                {
                    continue;
                }

                if (string.Equals(rel, "next", StringComparison.OrdinalIgnoreCase))
                {
                    next = cursor;
                }
                else if (string.Equals(rel, "previous", StringComparison.OrdinalIgnoreCase))
                {
                    previous = cursor;
                }
            }
        }

        return new Cursors(next, previous);
    }

    /// <summary>Splits on the commas between links, not those inside the <c>&lt;url&gt;</c> or quoted values.</summary>
    private static IEnumerable<string> SplitLinks(string header)
    {
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
                    yield return header[start..i];
                    start = i + 1;
                    break;
            }
        }

        if (start < header.Length)
        {
            yield return header[start..];
        }
    }
}
