using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;
using Sentry.Management.Api;
using Sentry.Management.Serialization;

namespace Sentry.Management.Tests.Api;

/// <summary>
/// Checks the release, deploy, sessions and stats interfaces against Sentry's OpenAPI schema: every Refit method's
/// verb, path and parameter names exist there, and every example response deserializes with each field the model
/// names populated (and every field it does not name kept in AdditionalProperties). Reads the schema vendored at
/// tests/Sentry.Management.Tests/Contract/Schema/ (through <see cref="Contract.OpenApiSchema"/>; a missing file fails the tests).
/// </summary>
public class ReleaseAndStatsSchemaTests
{
    private static readonly Type[] Apis = [typeof(IReleasesApi), typeof(IStatsApi), typeof(ISessionsApi)];

    private static readonly (string Verb, string Path, Type Model, JsonSerializerContext Context)[] Examples =
    [
        ("get", "/api/0/organizations/{organization_id_or_slug}/releases/", typeof(List<Release>), ReleasesJsonContext.Default),
        ("post", "/api/0/organizations/{organization_id_or_slug}/releases/", typeof(Release), ReleasesJsonContext.Default),
        ("get", "/api/0/organizations/{organization_id_or_slug}/releases/{version}/", typeof(Release), ReleasesJsonContext.Default),
        ("put", "/api/0/organizations/{organization_id_or_slug}/releases/{version}/", typeof(Release), ReleasesJsonContext.Default),
        ("get", "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/releases/", typeof(List<Release>), ReleasesJsonContext.Default),
        ("get", "/api/0/organizations/{organization_id_or_slug}/releases/{version}/commits/", typeof(List<ReleaseCommit>), ReleasesJsonContext.Default),
        ("get", "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/releases/{version}/commits/", typeof(List<ReleaseCommit>), ReleasesJsonContext.Default),
        ("get", "/api/0/organizations/{organization_id_or_slug}/releases/{version}/commitfiles/", typeof(List<ReleaseCommitFile>), ReleasesJsonContext.Default),
        ("get", "/api/0/organizations/{organization_id_or_slug}/releases/{version}/deploys/", typeof(List<Deploy>), ReleasesJsonContext.Default),
        ("post", "/api/0/organizations/{organization_id_or_slug}/releases/{version}/deploys/", typeof(Deploy), ReleasesJsonContext.Default),
        ("get", "/api/0/organizations/{organization_id_or_slug}/sessions/", typeof(SessionsResult), SessionsJsonContext.Default),
        ("get", "/api/0/organizations/{organization_id_or_slug}/stats_v2/", typeof(StatsV2Result), StatsJsonContext.Default),
        ("get", "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/stats/", typeof(List<StatsPoint>), StatsJsonContext.Default),
        ("get", "/api/0/organizations/{organization_id_or_slug}/stats-summary/", typeof(StatsSummary), StatsJsonContext.Default),
    ];

    [Test]
    public void Every_refit_method_matches_a_schema_operation_and_its_parameter_names()
    {
        var paths = Schema().GetProperty("paths");
        var methods = Apis.SelectMany(api => api.GetMethods()).ToList();
        Assert.That(methods, Has.Count.EqualTo(15));
        foreach (var method in methods)
        {
            var http = method.GetCustomAttribute<HttpMethodAttribute>()!;
            var verb = http.Method.Method.ToLowerInvariant();
            Assert.That(paths.TryGetProperty(http.Path, out var pathItem), Is.True, $"{method.Name}: {http.Path} is not in the schema");
            Assert.That(pathItem.TryGetProperty(verb, out var operation), Is.True, $"{method.Name}: {verb} {http.Path} is not in the schema");

            var schemaQuery = Parameters(operation, "query");
            var schemaPath = Parameters(operation, "path");
            var sentQuery = new List<string>();
            var sentPath = new List<string>();
            foreach (var parameter in method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)))
            {
                var name = parameter.GetCustomAttribute<AliasAsAttribute>()?.Name ?? parameter.Name!;
                if (parameter.GetCustomAttribute<BodyAttribute>() is not null)
                {
                    Assert.That(operation.TryGetProperty("requestBody", out _), Is.True, $"{method.Name}: the schema declares no body");
                }
                else if (http.Path.Contains("{" + name + "}", StringComparison.Ordinal))
                {
                    sentPath.Add(name);
                }
                else
                {
                    sentQuery.Add(name);
                }
            }

            Assert.That(sentPath, Is.EquivalentTo(schemaPath.Keys), $"{method.Name}: path parameters");
            Assert.That(schemaQuery.Keys, Is.SupersetOf(sentQuery), $"{method.Name}: query parameter names");
            Assert.That(sentQuery, Is.SupersetOf(schemaQuery.Where(p => p.Value).Select(p => p.Key)), $"{method.Name}: required query parameters");
        }
    }

    [Test]
    public void Every_example_response_deserializes_with_the_named_fields_populated()
    {
        var paths = Schema().GetProperty("paths");
        var checkedExamples = 0;
        foreach (var (verb, path, model, context) in Examples)
        {
            var responses = paths.GetProperty(path).GetProperty(verb).GetProperty("responses");
            foreach (var response in responses.EnumerateObject().Where(r => r.Name.StartsWith('2')))
            {
                if (!response.Value.TryGetProperty("content", out var content))
                {
                    continue;
                }

                foreach (var example in content.EnumerateObject().SelectMany(c => c.Value.TryGetProperty("examples", out var e) ? e.EnumerateObject() : Enumerable.Empty<JsonProperty>()))
                {
                    var json = example.Value.GetProperty("value");
                    var info = context.GetTypeInfo(model)!;
                    var value = JsonSerializer.Deserialize(json.GetRawText(), info);
                    Assert.That(value, Is.Not.Null, $"{verb} {path} {example.Name}");
                    CheckPopulated(json, value, info, $"{verb} {path} {example.Name}");
                    checkedExamples++;
                }
            }
        }

        // Deploys and commit files have no example in the schema; the rest have one each.
        Assert.That(checkedExamples, Is.EqualTo(11));
    }

    /// <summary>Walks the example and the model together: a non-null JSON field the model names must be non-null in the model; others must land in AdditionalProperties.</summary>
    private static void CheckPopulated(JsonElement json, object? value, JsonTypeInfo info, string where)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        Assert.That(value, Is.Not.Null, where);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when json.ValueKind == JsonValueKind.Object:
                foreach (var field in json.EnumerateObject())
                {
                    var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, field.Name, StringComparison.OrdinalIgnoreCase) && p.Get is not null && p.AttributeProvider?.IsDefined(typeof(JsonExtensionDataAttribute), false) != true);
                    if (property is null)
                    {
                        var extra = (value as SentryModel)?.AdditionalProperties;
                        Assert.That(extra?.ContainsKey(field.Name), Is.True, $"{where}.{field.Name} is neither mapped nor kept");
                        continue;
                    }

                    CheckPopulated(field.Value, property.Get!(value!), info.Options.GetTypeInfo(property.PropertyType), $"{where}.{field.Name}");
                }

                break;
            case JsonTypeInfoKind.Enumerable when json.ValueKind == JsonValueKind.Array:
                var items = ((IEnumerable)value!).Cast<object?>().ToList();
                Assert.That(items, Has.Count.EqualTo(json.GetArrayLength()), where);
                var elementInfo = info.Options.GetTypeInfo(info.ElementType!);
                for (var i = 0; i < items.Count; i++)
                {
                    CheckPopulated(json[i], items[i], elementInfo, $"{where}[{i}]");
                }

                break;
            case JsonTypeInfoKind.Dictionary when json.ValueKind == JsonValueKind.Object:
                var dictionary = (IDictionary)value!;
                var valueInfo = info.Options.GetTypeInfo(info.ElementType!);
                foreach (var field in json.EnumerateObject())
                {
                    Assert.That(dictionary.Contains(field.Name), Is.True, $"{where}[{field.Name}]");
                    CheckPopulated(field.Value, dictionary[field.Name], valueInfo, $"{where}[{field.Name}]");
                }

                break;
        }
    }

    private static Dictionary<string, bool> Parameters(JsonElement operation, string location) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == location)
                .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.TryGetProperty("required", out var r) && r.GetBoolean())
            : [];

    private static JsonElement Schema() => Contract.OpenApiSchema.Document.RootElement;
}
