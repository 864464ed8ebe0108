using System.Text.Json;

namespace Sentry.Management.Tests.Contract;

/// <summary>One parameter of a schema operation (path or query).</summary>
internal sealed record SchemaParameter(string In, string Name, bool Required);

/// <summary>One operation of Sentry's OpenAPI description: a verb on a path template.</summary>
internal sealed record SchemaOperation(
    string Method,
    string Path,
    string? OperationId,
    string? Summary,
    IReadOnlyList<SchemaParameter> Parameters,
    JsonElement? RequestBodySchema,
    bool RequestBodyRequired)
{
    /// <summary>How the contract tests name an operation everywhere: <c>GET /api/0/organizations/{organization_id_or_slug}/</c>.</summary>
    public string Key => OperationKey(Method, Path);

    public static string OperationKey(string method, string path) => $"{method.ToUpperInvariant()} {path}";

    public override string ToString() => Key;
}

/// <summary>
/// Reads the vendored OpenAPI description (Contract/Schema/sentry-openapi.json, copied to the test output) once per
/// test run. Only what the contract checks need: operations, their path and query parameters, JSON request bodies.
/// </summary>
internal static class OpenApiSchema
{
    internal const string RelativePath = "Contract/Schema/sentry-openapi.json";

    private static readonly string[] Verbs = ["get", "post", "put", "delete", "patch"];
    private static readonly Lazy<JsonDocument> LazyDocument = new(Load);
    private static readonly Lazy<IReadOnlyDictionary<string, SchemaOperation>> LazyOperations = new(ReadOperations);

    /// <summary>The absolute path of the schema file in the test output directory.</summary>
    internal static string FilePath => Path.Combine(TestContext.CurrentContext.TestDirectory, RelativePath);

    internal static JsonDocument Document => LazyDocument.Value;

    /// <summary>Every operation, keyed by <see cref="SchemaOperation.Key"/>, in schema order.</summary>
    internal static IReadOnlyDictionary<string, SchemaOperation> Operations => LazyOperations.Value;

    private static JsonDocument Load()
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The vendored OpenAPI schema is missing from the test output: {path}. It is copied from tests/Sentry.Management.Tests/{RelativePath}.", path);
        }

        return JsonDocument.Parse(File.ReadAllBytes(path));
    }

    private static Dictionary<string, SchemaOperation> ReadOperations()
    {
        var result = new Dictionary<string, SchemaOperation>(StringComparer.Ordinal);
        foreach (var pathItem in Document.RootElement.GetProperty("paths").EnumerateObject())
        {
            // Parameters may also sit on the path item (OpenAPI allows it; Sentry's schema does not use it today).
            var shared = pathItem.Value.TryGetProperty("parameters", out var p) ? ReadParameters(p) : [];
            foreach (var verb in Verbs)
            {
                if (!pathItem.Value.TryGetProperty(verb, out var operation))
                {
                    continue;
                }

                var own = operation.TryGetProperty("parameters", out var op) ? ReadParameters(op) : [];
                var parameters = own.Concat(shared.Where(s => !own.Any(o => o.In == s.In && o.Name == s.Name))).ToList();
                JsonElement? body = operation.TryGetProperty("requestBody", out var rb)
                    && rb.TryGetProperty("content", out var content)
                    && content.TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var schema)
                        ? schema
                        : null;
                var entry = new SchemaOperation(
                    verb.ToUpperInvariant(),
                    pathItem.Name,
                    Text(operation, "operationId"),
                    Text(operation, "summary"),
                    parameters,
                    body,
                    operation.TryGetProperty("requestBody", out var rbr) && rbr.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.True);
                result.Add(entry.Key, entry);
            }
        }

        return result;
    }

    private static List<SchemaParameter> ReadParameters(JsonElement parameters) =>
        parameters.EnumerateArray()
            .Select(x => new SchemaParameter(
                x.GetProperty("in").GetString()!,
                x.GetProperty("name").GetString()!,
                x.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True))
            .ToList();

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
