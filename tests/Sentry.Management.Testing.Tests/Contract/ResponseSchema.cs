using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Sentry.Management.Tests.Contract;

namespace Sentry.Management.Testing.Tests.Contract;

/// <summary>
/// Judges a local Sentry's management responses by Sentry's OpenAPI schema: finds the operation a request hit
/// (verb and path template), takes the schema of the status it answered, and validates the JSON body with
/// JsonSchema.Net. Responses of operations or statuses the schema does not describe are counted as unjudged.
/// </summary>
internal static partial class ResponseSchema
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };
    private static readonly Lazy<IReadOnlyList<(string Method, Regex Path, string Key)>> Templates = new(ReadTemplates);
    private static readonly ConcurrentDictionary<string, JsonSchema?> Schemas = new(StringComparer.Ordinal);
    private static int _schemaCounter;

    /// <summary>The schema operation (<c>GET /api/0/…/{x}/</c>) a request to <paramref name="path"/> performs, if any.</summary>
    public static string? Operation(string method, string path)
    {
        // The most literal template wins (…/members/me/ style paths cannot be told apart otherwise).
        return Templates.Value.Where(t => t.Method == method && t.Path.IsMatch(path))
            .OrderBy(t => t.Key.Count(ch => ch == '{'))
            .Select(t => t.Key)
            .FirstOrDefault();
    }

    /// <summary>Validates one response; <see langword="null"/> when the schema has nothing to judge it by.</summary>
    public static IReadOnlyList<string>? Validate(string operation, int status, string body)
    {
        var schema = Schemas.GetOrAdd(operation + " " + status, _ => Build(operation, status));
        if (schema is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        return RequestBodyValidator.Problems(schema.Evaluate(document.RootElement, Options));
    }

    private static JsonSchema? Build(string operation, int status)
    {
        var (method, path) = (operation.Split(' ')[0].ToLowerInvariant(), operation.Split(' ')[1]);
        if (!OpenApiSchema.Document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses")
                .TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response)
            || !response.TryGetProperty("content", out var content)
            || !content.TryGetProperty("application/json", out var json)
            || !json.TryGetProperty("schema", out var schema))
        {
            return null;
        }

        var converted = RequestBodyValidator.ToJsonSchema(JsonNode.Parse(schema.GetRawText())!);
        var baseUri = new Uri($"https://contract.sentry-management.invalid/response/{Interlocked.Increment(ref _schemaCounter)}");
        return JsonSchema.FromText(converted.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, baseUri);
    }

    private static List<(string, Regex, string)> ReadTemplates() =>
        OpenApiSchema.Operations.Values
            .Select(o => (o.Method, new Regex("^" + Parameter().Replace(Regex.Escape(o.Path).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$"), o.Key))
            .ToList();

    [GeneratedRegex(@"\{[^}/]+\}")]
    private static partial Regex Parameter();
}
