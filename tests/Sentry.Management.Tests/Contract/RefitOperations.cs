using System.Reflection;
using System.Text.RegularExpressions;
using Refit;
using Sentry.Management.Api;

namespace Sentry.Management.Tests.Contract;

/// <summary>A query string key a Refit method can send, and whether it is always sent.</summary>
/// <param name="Name">The key on the wire.</param>
/// <param name="AlwaysSent">True when the C# value cannot be null (Refit leaves null values out of the query).</param>
/// <param name="Source">Where it comes from, for messages: <c>parameter cursor</c> or <c>StatsQuery.GroupBy</c>.</param>
public sealed record RefitQueryKey(string Name, bool AlwaysSent, string Source);

/// <summary>One method of a Refit interface of the library, as it will appear on the wire.</summary>
public sealed partial record RefitOperation(
    Type Interface,
    MethodInfo Method,
    string Verb,
    string Path,
    IReadOnlyList<string> PathParameters,
    IReadOnlyList<string> UnboundPathParameters,
    IReadOnlyList<RefitQueryKey> QueryKeys,
    bool HasBody,
    Type? BodyType)
{
    public string Key => SchemaOperation.OperationKey(Verb, Path);

    /// <summary><c>IProjectsApi.GetAsync</c>.</summary>
    public string Name => $"{Interface.Name}.{Method.Name}";

    public override string ToString() => $"{Name} ({Key})";

    [GeneratedRegex(@"\{\*{0,2}([^}:]+)(:[^}]*)?\}")]
    internal static partial Regex Placeholder();
}

/// <summary>
/// Finds the library's Refit interfaces by reflection (test code only; the library itself stays reflection-free)
/// and describes what each method sends, following Refit's own binding rules: placeholders bind by
/// <see cref="AliasAsAttribute"/> or parameter name; a <c>[Query]</c> complex object flattens its properties
/// (key = [AliasAs] or the property name, with the attribute's prefix); an undecorated complex parameter of a
/// POST/PUT/PATCH is the body; any other parameter not in the path is a query key.
/// </summary>
internal static class RefitOperations
{
    private static readonly HashSet<string> Verbs = ["GET", "POST", "PUT", "DELETE", "PATCH"];
    private static readonly NullabilityInfoContext Nullability = new();

    private static readonly Lazy<IReadOnlyList<RefitOperation>> LazyAll = new(Discover);

    /// <summary>The library assembly, found through a public type of it.</summary>
    internal static Assembly LibraryAssembly => typeof(SentryRefit).Assembly;

    /// <summary>Every Refit method of every public interface of the library, ordered by interface and declaration.</summary>
    internal static IReadOnlyList<RefitOperation> All => LazyAll.Value;

    private static List<RefitOperation> Discover()
    {
        var result = new List<RefitOperation>();
        foreach (var type in LibraryAssembly.GetExportedTypes().Where(t => t.IsInterface).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            foreach (var method in type.GetMethods().OrderBy(m => m.MetadataToken))
            {
                if (method.GetCustomAttribute<HttpMethodAttribute>(inherit: true) is { } verb && Verbs.Contains(verb.Method.Method.ToUpperInvariant()))
                {
                    result.Add(Describe(type, method, verb));
                }
            }
        }

        return result;
    }

    /// <summary>Describes one Refit method (also used by tests on fake interfaces).</summary>
    internal static RefitOperation Describe(Type type, MethodInfo method) =>
        Describe(type, method, method.GetCustomAttribute<HttpMethodAttribute>(inherit: true) ?? throw new ArgumentException($"{method.Name} has no Refit verb attribute.", nameof(method)));

    private static RefitOperation Describe(Type type, MethodInfo method, HttpMethodAttribute verb)
    {
        var verbName = verb.Method.Method.ToUpperInvariant();
        var placeholders = RefitOperation.Placeholder().Matches(verb.Path).Select(m => m.Groups[1].Value).ToList();
        var bound = new HashSet<string>(StringComparer.Ordinal);
        var query = new List<RefitQueryKey>();
        var hasBody = false;
        Type? bodyType = null;
        var candidates = new List<ParameterInfo>();

        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType == typeof(CancellationToken)
                || parameter.IsDefined(typeof(HeaderAttribute))
                || parameter.IsDefined(typeof(HeaderCollectionAttribute))
                || parameter.IsDefined(typeof(AuthorizeAttribute))
                || parameter.IsDefined(typeof(Refit.PropertyAttribute)))
            {
                continue;
            }

            if (parameter.IsDefined(typeof(BodyAttribute)))
            {
                hasBody = true;
                bodyType = parameter.ParameterType;
                continue;
            }

            var name = parameter.GetCustomAttribute<AliasAsAttribute>()?.Name ?? parameter.Name!;
            if (placeholders.Contains(name, StringComparer.Ordinal))
            {
                bound.Add(name);
                continue;
            }

            candidates.Add(parameter);
        }

        // Refit's implicit body: with no [Body], the one undecorated complex parameter of a POST/PUT/PATCH is the body.
        if (!hasBody && verbName is "POST" or "PUT" or "PATCH")
        {
            var implicitBodies = candidates.Where(p => !p.IsDefined(typeof(QueryAttribute)) && IsComplex(p.ParameterType)).ToList();
            if (implicitBodies.Count == 1)
            {
                hasBody = true;
                bodyType = implicitBodies[0].ParameterType;
                candidates.Remove(implicitBodies[0]);
            }
        }

        foreach (var parameter in candidates)
        {
            var queryAttribute = parameter.GetCustomAttribute<QueryAttribute>();
            var prefix = string.IsNullOrEmpty(queryAttribute?.Prefix) ? string.Empty : queryAttribute.Prefix + queryAttribute.Delimiter;
            if (IsComplex(parameter.ParameterType) && !IsCollection(parameter.ParameterType))
            {
                var objectAlwaysSent = IsNotNull(Nullability.Create(parameter));
                foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead))
                {
                    var key = prefix + (property.GetCustomAttribute<AliasAsAttribute>()?.Name ?? property.Name);
                    query.Add(new RefitQueryKey(key, objectAlwaysSent && IsNotNull(Nullability.Create(property)), $"{parameter.ParameterType.Name}.{property.Name}"));
                }
            }
            else
            {
                var key = parameter.GetCustomAttribute<AliasAsAttribute>()?.Name ?? parameter.Name!;
                query.Add(new RefitQueryKey(prefix + key, IsNotNull(Nullability.Create(parameter)), $"parameter {parameter.Name}"));
            }
        }

        return new RefitOperation(
            type,
            method,
            verbName,
            verb.Path,
            placeholders,
            placeholders.Where(p => !bound.Contains(p)).ToList(),
            query,
            hasBody,
            bodyType);
    }

    private static bool IsNotNull(NullabilityInfo info) =>
        info.ReadState == NullabilityState.NotNull && Nullable.GetUnderlyingType(info.Type) is null;

    /// <summary>Refit's rule for query values: strings, bools, chars, enums, URIs and <see cref="IFormattable"/> types are written as one value; anything else is flattened into its properties.</summary>
    private static bool IsComplex(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return !(t == typeof(string) || t == typeof(bool) || t == typeof(char) || t.IsEnum || t == typeof(Uri)
            || typeof(IFormattable).IsAssignableFrom(t));
    }

    /// <summary>
    /// Arrays, lists and <see cref="IEnumerable{T}"/> itself: an interface type does not list itself among its
    /// interfaces, so <c>IEnumerable&lt;string&gt;</c> must be matched directly, or it would be flattened into its
    /// (zero) properties and its query name never checked.
    /// </summary>
    private static bool IsCollection(Type type) =>
        type != typeof(string) && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
}
