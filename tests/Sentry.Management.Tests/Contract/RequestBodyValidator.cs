using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Sentry.Management.Tests.Contract;

/// <summary>
/// Validates a JSON request body against an operation's request body schema from the vendored OpenAPI description,
/// in process, with JsonSchema.Net. For the operations Prism cannot check: it silently skips the bodies of
/// <c>PUT .../issues/</c> and <c>PUT .../issues/{issue_id}/</c>, whose schemas it fails to compile.
/// </summary>
internal sealed class RequestBodyValidator
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };
    private static int _schemaCounter;

    private readonly JsonSchema _schema;

    private RequestBodyValidator(string operation, JsonSchema schema)
    {
        Operation = operation;
        _schema = schema;
    }

    internal string Operation { get; }

    /// <summary>Builds the validator for <paramref name="operation"/> (<c>PUT /api/0/...</c>).</summary>
    /// <param name="operation">The schema operation.</param>
    /// <param name="partialUpdate">
    /// Ignore <c>required</c> lists. Sentry validates the issue mutation bodies as partial updates (Django REST
    /// Framework <c>partial=True</c>, which also relaxes nested serializers), but its schema generator lists every
    /// field as required: taken literally, a valid body would have to send <c>discard</c> and <c>merge</c> too,
    /// which would discard or merge the issues. Types, enums and bounds are still checked.
    /// </param>
    /// <exception cref="ArgumentException">The operation is not in the schema or has no JSON request body.</exception>
    internal static RequestBodyValidator For(string operation, bool partialUpdate = false)
    {
        if (!OpenApiSchema.Operations.TryGetValue(operation, out var op) || op.RequestBodySchema is not { } body)
        {
            throw new ArgumentException($"{operation} has no application/json request body in the schema.", nameof(operation));
        }

        var converted = ToJsonSchema(JsonNode.Parse(body.GetRawText())!);
        if (partialUpdate)
        {
            RemoveRequired(converted);
        }

        // Each build gets its own registry and base URI: JsonSchema.Net registers built schemas by URI, and these
        // schemas have no $id of their own.
        var baseUri = new Uri($"https://contract.sentry-management.invalid/request-body/{Interlocked.Increment(ref _schemaCounter)}");
        var schema = JsonSchema.FromText(converted.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, baseUri);
        return new RequestBodyValidator(operation, schema);
    }

    /// <summary>Validates <paramref name="json"/>; returns the problems, empty when the body is valid.</summary>
    internal IReadOnlyList<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Problems(_schema.Evaluate(document.RootElement, Options));
    }

    /// <summary>The problems of an evaluation in <see cref="OutputFormat.List"/> form, one line each; empty when valid.</summary>
    internal static IReadOnlyList<string> Problems(EvaluationResults results)
    {
        if (results.IsValid)
        {
            return [];
        }

        var problems = new List<string>();
        foreach (var detail in (IEnumerable<EvaluationResults>?)results.Details ?? [])
        {
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                problems.Add($"{detail.InstanceLocation} ({keyword}): {message}");
            }
        }

        return problems.Count > 0 ? problems : ["invalid (no details reported)"];
    }

    private static void RemoveRequired(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            // Only the keyword (an array of names): a properties map may declare a field called "required".
            if (obj["required"] is JsonArray)
            {
                obj.Remove("required");
            }

            foreach (var (_, child) in obj.ToList())
            {
                if (child is not null)
                {
                    RemoveRequired(child);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.ToList())
            {
                if (child is not null)
                {
                    RemoveRequired(child);
                }
            }
        }
    }

    /// <summary>
    /// Converts an OpenAPI 3.0 schema object to JSON Schema (2020-12) in place: <c>nullable: true</c> becomes a
    /// <c>"null"</c> type and a <c>null</c> enum member; the OpenAPI-only <c>nullable</c> keyword is dropped
    /// (<c>example</c> stays: JSON Schema treats unknown keywords as annotations).
    /// </summary>
    internal static JsonNode ToJsonSchema(JsonNode node, bool dedupeEnums = true)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj.ToList())
                {
                    if (child is not null)
                    {
                        ToJsonSchema(child, dedupeEnums);
                    }
                }

                if (obj["nullable"] is JsonValue nullable && nullable.GetValueKind() == JsonValueKind.True)
                {
                    if (obj["type"] is JsonValue type)
                    {
                        obj["type"] = new JsonArray(type.GetValue<string>(), "null");
                    }

                    if (obj["enum"] is JsonArray values)
                    {
                        values.Add(null);
                    }
                }

                // Sentry's enums for nullable fields (issue substatus) already list null, so adding null for
                // `nullable: true` lists it twice. JSON Schema requires unique enum items; duplicates make schema
                // compilers reject the whole schema, which is exactly why Prism skips these bodies. Dedupe explicitly.
                if (dedupeEnums && obj["enum"] is JsonArray members)
                {
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var member in members.ToList())
                    {
                        if (!seen.Add(member?.ToJsonString() ?? "null"))
                        {
                            members.Remove(member);
                        }
                    }
                }

                // Only the boolean keyword: a properties map may declare a field that happens to be called "nullable".
                if (obj["nullable"] is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    obj.Remove("nullable");
                }

                break;

            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    if (child is not null)
                    {
                        ToJsonSchema(child, dedupeEnums);
                    }
                }

                break;
        }

        return node;
    }
}
