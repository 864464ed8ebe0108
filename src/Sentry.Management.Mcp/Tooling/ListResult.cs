using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Sentry.Management.Mcp.Tooling;

/// <summary>
/// Reads one page through a facade pageable and renders it within the call's limit and size budget; what does not fit
/// is reachable through the returned cursor, never dropped.
/// </summary>
internal static class ListResult
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    /// <summary>Fetches the page the <c>cursor</c> argument points at and renders up to <c>limit</c> items of it.</summary>
    public static async Task<ToolOutput> PageAsync<T>(
        ToolCall call,
        Func<SentryPageOptions, SentryPageable<T>> list,
        string heading,
        Func<T, string> line,
        Func<T, JsonObject> json,
        Func<T, bool>? filter = null)
    {
        var limit = call.Integer("limit", DefaultLimit, 1, MaxLimit);
        var cursor = ToolCursor.Parse(call.Text("cursor"));
        var pageable = list(new SentryPageOptions { StartCursor = cursor.SentryCursor, MaxPages = 1 });
        SentryPage<T>? page = null;
        await foreach (var first in pageable.AsPages(call.CancellationToken).ConfigureAwait(false))
        {
            page = first;
            break;
        }

        var items = (page?.Items ?? []).Skip(cursor.Skip).ToList();
        return Render(call, heading, items, line, json, filter, limit, cursor, page?.NextCursor);
    }

    /// <summary>
    /// Fetches the page the <c>cursor</c> argument points at from an endpoint that pages by cursor but not through a
    /// pageable (<paramref name="fetch"/> gets Sentry's cursor and the page size), and renders up to <c>limit</c> items of it.
    /// </summary>
    public static async Task<ToolOutput> CursorPageAsync<T>(
        ToolCall call,
        Func<string?, int, Task<(IReadOnlyList<T> Items, string? NextCursor)>> fetch,
        string heading,
        Func<T, string> line,
        Func<T, JsonObject> json)
    {
        var limit = call.Integer("limit", DefaultLimit, 1, MaxLimit);
        var cursor = ToolCursor.Parse(call.Text("cursor"));
        var (items, next) = await fetch(cursor.SentryCursor, limit).ConfigureAwait(false);
        return Render(call, heading, [.. items.Skip(cursor.Skip)], line, json, null, limit, cursor, next);
    }

    /// <summary>Renders items already fetched (endpoints without a cursor): the cursor then only skips within them.</summary>
    public static ToolOutput Items<T>(ToolCall call, IReadOnlyList<T> all, string heading, Func<T, string> line, Func<T, JsonObject> json)
    {
        var limit = call.Integer("limit", DefaultLimit, 1, MaxLimit);
        var cursor = ToolCursor.Parse(call.Text("cursor"));
        return Render(call, heading, [.. all.Skip(cursor.Skip)], line, json, null, limit, cursor, null);
    }

    private static ToolOutput Render<T>(
        ToolCall call,
        string heading,
        List<T> items,
        Func<T, string> line,
        Func<T, JsonObject> json,
        Func<T, bool>? filter,
        int limit,
        ToolCursor cursor,
        string? pageNext)
    {
        var budget = call.Options.ResultBudget;
        var markdown = new StringBuilder().Append("# ").AppendLine(heading).AppendLine();
        var array = new JsonArray();
        var jsonLength = 0;
        var consumed = 0;
        var shown = 0;
        var cutByBudget = false;
        foreach (var item in items)
        {
            if (shown == limit)
            {
                break;
            }

            if (filter is not null && !filter(item))
            {
                consumed++;
                continue;
            }

            var text = line(item);
            var node = json(item);
            var nodeLength = node.ToJsonString().Length;
            if (shown > 0 && (markdown.Length + text.Length + 200 > budget || jsonLength + nodeLength + 200 > budget))
            {
                cutByBudget = true;
                break;
            }

            markdown.AppendLine(text);
            array.Add((JsonNode)node);
            jsonLength += nodeLength;
            consumed++;
            shown++;
        }

        var restOfPage = consumed < items.Count;
        var next = restOfPage ? new ToolCursor(cursor.SentryCursor, cursor.Skip + consumed).ToString() : pageNext;
        string? note = null;
        if (shown == 0)
        {
            markdown.AppendLine("Nothing found.");
        }

        if (cutByBudget)
        {
            note = string.Create(CultureInfo.InvariantCulture, $"Result cut at {shown} items to stay within {budget} characters; call again with cursor \"{next}\" for the rest, or narrow the query.");
        }
        else if (next is not null)
        {
            note = string.Create(CultureInfo.InvariantCulture, $"More results: call again with cursor \"{next}\" (and the same other arguments).");
        }

        if (note is not null)
        {
            markdown.AppendLine().Append('_').Append(note).AppendLine("_");
        }

        return new ToolOutput(markdown.ToString(), new JsonObject
        {
            ["items"] = array,
            ["nextCursor"] = next,
            ["truncated"] = cutByBudget,
            ["note"] = note,
        });
    }
}
