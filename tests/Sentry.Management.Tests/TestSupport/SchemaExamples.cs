using System.Text.Json;
using Sentry.Management.Tests.Contract;

namespace Sentry.Management.Tests.TestSupport;

/// <summary>One example response of a schema operation: verb, path template, status, example name and its JSON.</summary>
internal sealed record SchemaExample(string Verb, string Path, string Status, string Name, string Json)
{
    public override string ToString() => $"{Verb} {Path} {Status} {Name}";
}

/// <summary>
/// The example responses of Sentry's vendored OpenAPI schema (Contract/Schema/sentry-openapi.json, read through
/// <see cref="OpenApiSchema"/>), so tests answer with Sentry's own examples instead of copies of them.
/// </summary>
internal static class SchemaExamples
{
    /// <summary>The JSON of the first <c>application/json</c> example the schema gives for an operation's response.</summary>
    /// <param name="verb">GET, POST, PUT, DELETE or PATCH.</param>
    /// <param name="path">The schema's path template, e.g. <c>/api/0/organizations/{organization_id_or_slug}/releases/</c>.</param>
    /// <param name="status">The response status, e.g. <c>200</c>.</param>
    internal static string Response(string verb, string path, string status = "200") =>
        For(verb, path, status).FirstOrDefault()?.Json
            ?? throw new ArgumentException($"Sentry's OpenAPI schema has no application/json example response for {SchemaOperation.OperationKey(verb, path)} {status}.");

    /// <summary>Every example of every response of every operation, in schema order.</summary>
    internal static IEnumerable<SchemaExample> All() =>
        OpenApiSchema.Operations.Values.SelectMany(o => For(o.Method, o.Path, status: null));

    private static IEnumerable<SchemaExample> For(string verb, string path, string? status)
    {
        if (!OpenApiSchema.Operations.ContainsKey(SchemaOperation.OperationKey(verb, path)))
        {
            throw new ArgumentException($"Sentry's OpenAPI schema has no operation {SchemaOperation.OperationKey(verb, path)}.");
        }

        var operation = OpenApiSchema.Document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(verb.ToLowerInvariant());
        if (!operation.TryGetProperty("responses", out var responses))
        {
            yield break;
        }

        foreach (var response in responses.EnumerateObject())
        {
            if ((status is not null && response.Name != status)
                || !response.Value.TryGetProperty("content", out var content)
                || !content.TryGetProperty("application/json", out var json))
            {
                continue;
            }

            if (json.TryGetProperty("examples", out var examples) && examples.ValueKind == JsonValueKind.Object)
            {
                foreach (var example in examples.EnumerateObject())
                {
                    if (example.Value.TryGetProperty("value", out var value))
                    {
                        yield return new SchemaExample(verb.ToUpperInvariant(), path, response.Name, example.Name, value.GetRawText());
                    }
                }
            }

            if (json.TryGetProperty("example", out var single))
            {
                yield return new SchemaExample(verb.ToUpperInvariant(), path, response.Name, "example", single.GetRawText());
            }
        }
    }
}
