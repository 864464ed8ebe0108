using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;
using Sentry.Management.Mcp.Views;

namespace Sentry.Management.Mcp.Tools;

/// <summary>
/// search_events over the organization events endpoint (Discover). Sentry has no "transactions" dataset any more:
/// transactions are spans with <c>is_transaction:true</c>, so that name is translated rather than refused.
/// </summary>
internal static class EventSearch
{
    public static readonly string[] Datasets = ["errors", "spans", "logs", "transactions"];

    public static Task<ToolOutput> RunAsync(ToolCall call)
    {
        var dataset = call.Text("dataset") ?? "errors";
        if (!Datasets.Contains(dataset, StringComparer.Ordinal))
        {
            throw new ToolInputException($"dataset '{dataset}' is not one of {string.Join(", ", Datasets)}.");
        }

        var fields = call.TextList("fields");
        if (fields.Count == 0)
        {
            fields = DefaultFields(dataset);
        }

        var sort = call.Text("sort") ?? DefaultSort(dataset, fields);
        var query = Query(call, dataset);
        var environment = call.Text("environment");
        var organization = call.Organization;
        var discover = call.Org(organization).Discover;
        return ListResult.CursorPageAsync<IReadOnlyDictionary<string, JsonElement>>(
            call,
            async (cursor, limit) =>
            {
                // facade: Discover.QueryAsync (one page; its cursor is Sentry's)
                var page = await discover.QueryAsync(
                    new DiscoverQuery
                    {
                        Fields = fields,
                        Dataset = dataset == "transactions" ? "spans" : dataset,
                        Query = query,
                        Environments = environment is null ? null : [environment],
                        StatsPeriod = call.Text("period") ?? "14d",
                        Sort = sort,
                        PerPage = limit,
                    },
                    cursor,
                    call.CancellationToken).ConfigureAwait(false);
                return (page.Rows, page.NextCursor);
            },
            $"{dataset} in {organization}" + (query is null ? string.Empty : $" matching `{query}`"),
            row => Line(row, fields),
            Json);
    }

    private static IReadOnlyList<string> DefaultFields(string dataset) => dataset switch
    {
        "spans" => ["span.op", "span.description", "count()", "avg(span.duration)"],
        "transactions" => ["transaction", "count()", "p95(span.duration)"],
        "logs" => ["timestamp", "severity", "message"],
        _ => ["issue", "title", "count()", "last_seen()"],
    };

    /// <summary>Busiest first when there is a count, newest first for logs; otherwise Sentry's order.</summary>
    private static string? DefaultSort(string dataset, IReadOnlyList<string> fields) =>
        fields.Contains("count()", StringComparer.Ordinal) ? "-count()"
        : dataset == "logs" && fields.Contains("timestamp", StringComparer.Ordinal) ? "-timestamp"
        : null;

    /// <summary>The query with the project (a slug is a query term; the endpoint's project parameter takes ids) and the transaction filter.</summary>
    private static string? Query(ToolCall call, string dataset)
    {
        var terms = new List<string>();
        if (dataset == "transactions")
        {
            terms.Add("is_transaction:true");
        }

        if (call.ProjectOrNull() is { } project)
        {
            terms.Add("project:" + project);
        }

        if (call.Text("query") is { } query)
        {
            terms.Add(query);
        }

        return terms.Count == 0 ? null : string.Join(' ', terms);
    }

    private static string Line(IReadOnlyDictionary<string, JsonElement> row, IReadOnlyList<string> fields)
    {
        var line = new StringBuilder("- ");
        foreach (var field in fields)
        {
            if (line.Length > 2)
            {
                line.Append(" · ");
            }

            line.Append(field).Append(": ").Append(row.TryGetValue(field, out var value) ? Format.Short(Text(value), 120) : "-");
        }

        return line.ToString();
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Null or JsonValueKind.Undefined => "-",
        _ => value.GetRawText(),
    };

    private static JsonObject Json(IReadOnlyDictionary<string, JsonElement> row)
    {
        var json = new JsonObject();
        foreach (var (field, value) in row)
        {
            json[field] = JsonNode.Parse(value.GetRawText());
        }

        return json;
    }
}
