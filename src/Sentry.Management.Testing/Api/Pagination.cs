using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Sentry.Management.Testing.Api;

/// <summary>Cuts a list into a page and writes Sentry's <c>Link</c> header with previous and next cursors.</summary>
internal static class Pagination
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 100;

    /// <summary>The page of <paramref name="items"/> the request's <c>cursor</c> and <c>per_page</c>/<c>limit</c> ask for.</summary>
    public static IReadOnlyList<T> Page<T>(HttpContext context, IReadOnlyList<T> items, int defaultLimit = DefaultLimit)
    {
        var limit = Limit(context, defaultLimit);
        var cursor = Cursor.Parse(context.Request.Query["cursor"].ToString());
        var offset = Math.Min(cursor.Offset, items.Count);
        var page = items.Skip(offset).Take(limit).ToList();

        var previousOffset = Math.Max(0, offset - limit);
        var previous = new Cursor(0, previousOffset, true);
        var next = new Cursor(0, offset + limit, false);
        var header = new StringBuilder();
        Append(header, context, previous, "previous", offset > 0);
        header.Append(", ");
        Append(header, context, next, "next", offset + limit < items.Count);
        context.Response.Headers["Link"] = header.ToString();
        return page;
    }

    public static int Limit(HttpContext context, int defaultLimit = DefaultLimit)
    {
        var text = context.Request.Query["per_page"].ToString();
        if (text.Length == 0)
        {
            text = context.Request.Query["limit"].ToString();
        }

        if (text.Length == 0)
        {
            return defaultLimit;
        }

        if (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var limit) || limit < 1)
        {
            throw ApiProblem.BadRequest("Invalid per_page/limit parameter: it must be a positive integer.");
        }

        if (limit > MaxLimit)
        {
            throw ApiProblem.BadRequest($"Invalid per_page/limit parameter: the most is {MaxLimit}.");
        }

        return limit;
    }

    private static void Append(StringBuilder header, HttpContext context, Cursor cursor, string rel, bool results)
    {
        var request = context.Request;
        var query = new List<KeyValuePair<string, string?>>();
        foreach (var (key, values) in request.Query)
        {
            if (key == "cursor")
            {
                continue;
            }

            foreach (var value in values)
            {
                query.Add(new(key, value));
            }
        }

        var url = QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", query);

        // The cursor goes in unescaped, as Sentry writes it (0:100:0).
        url += (query.Count == 0 ? "?" : "&") + "cursor=" + cursor;
        header.Append('<').Append(url).Append(">; rel=\"").Append(rel).Append("\"; results=\"")
            .Append(results ? "true" : "false").Append("\"; cursor=\"").Append(cursor.ToString()).Append('"');
    }
}
