using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sentry.Management.Tests.Contract;

/// <summary>
/// Compares the JSON property names a request model is written with (taken from the library's own source-generated
/// <see cref="JsonSerializerContext"/> metadata, so naming policy and [JsonPropertyName] are exactly what goes on the
/// wire) with the properties the operation's request body schema declares. Sentry ignores unknown fields, and the
/// schema does not forbid them, so a misspelled property would otherwise be dropped silently by everyone.
/// </summary>
internal static class RequestBodyNames
{
    private static readonly Lazy<IReadOnlyList<JsonSerializerContext>> Contexts = new(FindContexts);

    /// <summary>Property paths (<c>rateLimit.count</c>) the model writes but the schema does not declare.</summary>
    internal static List<string> Undeclared(Type model, JsonElement schema)
    {
        var info = TypeInfo(model) ?? throw new InvalidOperationException(
            $"{model.Name} is not registered in any JsonSerializerContext of the library; Refit could not serialize it.");
        var problems = new List<string>();
        Compare(info, schema, string.Empty, problems, depth: 0);
        return problems;
    }

    private static void Compare(JsonTypeInfo info, JsonElement schema, string prefix, List<string> problems, int depth)
    {
        if (info.Kind != JsonTypeInfoKind.Object || depth > 4 || !TryProperties(schema, out var declared))
        {
            // Free-form objects, arrays, dictionaries, or schemas built with allOf/oneOf: nothing to compare by name.
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Get is not null && !IsExtensionData(p)))
        {
            if (!declared.TryGetProperty(property.Name, out var propertySchema))
            {
                problems.Add(prefix + property.Name);
                continue;
            }

            var nested = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (TypeInfo(nested) is { } nestedInfo)
            {
                Compare(nestedInfo, propertySchema, $"{prefix}{property.Name}.", problems, depth + 1);
            }
        }
    }

    private static bool TryProperties(JsonElement schema, out JsonElement properties)
    {
        properties = default;
        return schema.ValueKind == JsonValueKind.Object
            && schema.TryGetProperty("properties", out properties)
            && properties.ValueKind == JsonValueKind.Object
            && !schema.TryGetProperty("additionalProperties", out _);
    }

    private static bool IsExtensionData(JsonPropertyInfo property) =>
        property.AttributeProvider is MemberInfo member && member.IsDefined(typeof(JsonExtensionDataAttribute));

    private static JsonTypeInfo? TypeInfo(Type type) =>
        Contexts.Value.Select(c => c.GetTypeInfo(type)).FirstOrDefault(i => i is not null);

    private static List<JsonSerializerContext> FindContexts() =>
        RefitOperations.LibraryAssembly.GetTypes()
            .Where(t => typeof(JsonSerializerContext).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.GetProperty("Default", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null))
            .OfType<JsonSerializerContext>()
            .ToList();
}
