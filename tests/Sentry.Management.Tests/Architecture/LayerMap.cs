using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Sentry.Management.Tests.Architecture;

/// <summary>One reference from a type of one layer to a type of another, and how it was found.</summary>
internal sealed record LayerEdge(string From, string FromLayer, string To, string ToLayer, string Via)
{
    public override string ToString() => $"{FromLayer} -> {ToLayer}: {From} -> {To} ({Via})";
}

/// <summary>
/// Reads the library as built: each type's layer is the top folder of the source files the PDB names for it
/// (folders say the layer, so namespaces are free to say who needs a type), and its references come from its
/// members' signatures, its method bodies' IL and its XML doc <c>cref</c>s.
/// </summary>
internal static partial class LayerMap
{
    internal const string Api = "Api";
    internal const string Http = "Http";
    internal const string Capture = "Capture";
    internal const string Facade = "Facade";

    /// <summary>The workflows (bootstrap, releases from CI, alert rules, triage, health, doctor): facade methods whose implementations live in their own folder; they and the area clients call each other.</summary>
    internal const string Workflows = "Workflows";
    internal const string DependencyInjection = "DependencyInjection";

    private static readonly Guid TypeDefinitionDocuments = new("932E74BC-DBA9-4478-8D46-0F32A7BAB3D3");
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The arrows that must not exist: a lower layer naming a higher one, or capture and the REST surface naming each other.</summary>
    internal static readonly (string From, string To)[] Forbidden =
    [
        (Api, Facade), (Api, Workflows), (Api, DependencyInjection), (Api, Capture),
        (Http, Api), (Http, Facade), (Http, Workflows), (Http, DependencyInjection), (Http, Capture),
        (Capture, Api), (Capture, Facade), (Capture, Workflows),
        (Facade, DependencyInjection), (Workflows, DependencyInjection),
    ];

    internal static IReadOnlyList<LayerEdge> Violations(IEnumerable<LayerEdge> edges) =>
        [.. edges.Where(e => Forbidden.Contains((e.FromLayer, e.ToLayer))).Distinct().OrderBy(e => e.ToString(), StringComparer.Ordinal)];

    /// <summary>Every cross-layer reference in <paramref name="assembly"/>.</summary>
    internal static IReadOnlyList<LayerEdge> Edges(Assembly assembly, out IReadOnlyDictionary<string, string> layers)
    {
        var map = Layers(assembly);
        layers = map;
        var edges = new List<LayerEdge>();
        void Add(string from, Type? to, string via)
        {
            foreach (var t in Flatten(to))
            {
                var name = Name(t);
                if (map.TryGetValue(from, out var fromLayer) && map.TryGetValue(name, out var toLayer) && fromLayer != toLayer)
                {
                    edges.Add(new LayerEdge(from, fromLayer, name, toLayer, via));
                }
            }
        }

        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            var from = Name(type);
            Add(from, type.BaseType, "base type");
            foreach (var i in type.GetInterfaces())
            {
                Add(from, i, "interface");
            }

            foreach (var f in type.GetFields(All))
            {
                Add(from, f.FieldType, "field " + f.Name);
            }

            foreach (var p in type.GetProperties(All))
            {
                Add(from, p.PropertyType, "property " + p.Name);
            }

            foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                if (m is MethodInfo mi)
                {
                    Add(from, mi.ReturnType, "return of " + m.Name);
                }

                foreach (var p in m.GetParameters())
                {
                    Add(from, p.ParameterType, "parameter of " + m.Name);
                }

                foreach (var referenced in IlReferences(m))
                {
                    Add(from, referenced, "IL of " + m.Name);
                }
            }
        }

        edges.AddRange(CrefEdges(assembly, map));
        return edges;
    }

    /// <summary>The layer of each type (by full name, nested types as <c>Outer+Inner</c>) that has a source file in a layer folder.</summary>
    private static Dictionary<string, string> Layers(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(Path.ChangeExtension(assembly.Location, ".pdb")));
        var md = pe.GetMetadataReader();
        var pdb = pdbProvider.GetMetadataReader();
        var layers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeDefinitions)
        {
            var definition = md.GetTypeDefinition(handle);
            var documents = new HashSet<DocumentHandle>();
            foreach (var method in definition.GetMethods())
            {
                var debug = pdb.GetMethodDebugInformation(method);
                if (!debug.Document.IsNil)
                {
                    documents.Add(debug.Document);
                }

                foreach (var point in debug.GetSequencePoints())
                {
                    documents.Add(point.Document);
                }
            }

            foreach (var cdiHandle in pdb.GetCustomDebugInformation(handle))
            {
                var cdi = pdb.GetCustomDebugInformation(cdiHandle);
                if (pdb.GetGuid(cdi.Kind) == TypeDefinitionDocuments)
                {
                    var blob = pdb.GetBlobReader(cdi.Value);
                    while (blob.RemainingBytes > 0)
                    {
                        documents.Add(MetadataTokens.DocumentHandle(blob.ReadCompressedInteger()));
                    }
                }
            }

            var folder = documents.Select(d => LayerOf(pdb.GetString(pdb.GetDocument(d).Name))).FirstOrDefault(l => l is not null);
            if (folder is not null)
            {
                layers[FullName(md, definition)] = folder;
            }
        }

        // A type whose only code is async methods or lambdas has its sequence points in its state machines and closures:
        // it belongs to the layer of the nested types that hold its code.
        foreach (var handle in md.TypeDefinitions)
        {
            var definition = md.GetTypeDefinition(handle);
            var name = FullName(md, definition);
            if (!layers.ContainsKey(name))
            {
                var inner = definition.GetNestedTypes().Select(n => layers.GetValueOrDefault(FullName(md, md.GetTypeDefinition(n)))).Where(l => l is not null).Distinct().ToList();
                if (inner.Count == 1)
                {
                    layers[name] = inner[0]!;
                }
            }
        }

        // Nested types without source of their own (closures, state machines) belong to the type they are nested in.
        foreach (var handle in md.TypeDefinitions)
        {
            var definition = md.GetTypeDefinition(handle);
            var name = FullName(md, definition);
            if (!layers.ContainsKey(name) && !definition.GetDeclaringType().IsNil)
            {
                var outer = md.GetTypeDefinition(definition.GetDeclaringType());
                while (!outer.GetDeclaringType().IsNil && !layers.ContainsKey(FullName(md, outer)))
                {
                    outer = md.GetTypeDefinition(outer.GetDeclaringType());
                }

                if (layers.TryGetValue(FullName(md, outer), out var layer))
                {
                    layers[name] = layer;
                }
            }
            else if (!layers.ContainsKey(name) && name.StartsWith("Refit.Implementation.", StringComparison.Ordinal))
            {
                layers[name] = Api; // Refit's generated clients implement the REST surface
            }
        }

        return layers;
    }

    /// <summary>The layer folder of a source file of the library (<c>src/Sentry.Management/{Layer}/…</c>); generated files have none.</summary>
    internal static string? LayerOf(string documentPath)
    {
        var match = LayerFolder().Match(documentPath.Replace('\\', '/'));
        return match.Success ? match.Groups[1].Value : null;
    }

    private static IEnumerable<LayerEdge> CrefEdges(Assembly assembly, Dictionary<string, string> layers)
    {
        var xml = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml"));
        foreach (var member in xml.Descendants("member"))
        {
            var from = DocOwner(member.Attribute("name")!.Value);
            if (from is null || !layers.TryGetValue(from, out var fromLayer))
            {
                continue;
            }

            foreach (var cref in member.Descendants().Select(e => e.Attribute("cref")?.Value).OfType<string>())
            {
                var to = DocOwner(cref);
                if (to is not null && layers.TryGetValue(to, out var toLayer) && toLayer != fromLayer)
                {
                    yield return new LayerEdge(from, fromLayer, to, toLayer, "cref " + cref);
                }
            }
        }
    }

    /// <summary>The type a doc id names or belongs to: <c>T:A.B</c> is <c>A.B</c>, <c>M:A.B.C(…)</c> is <c>A.B</c>.</summary>
    private static string? DocOwner(string id)
    {
        if (id.Length < 3 || id[1] != ':')
        {
            return null;
        }

        var name = id[2..];
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            name = name[..paren];
        }

        return id[0] == 'T' ? name : name[..Math.Max(0, name.LastIndexOf('.'))];
    }

    private static IEnumerable<Type> IlReferences(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (InvalidOperationException)
        {
            yield break;
        }

        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            var size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, i);
                Type? referenced = null;
                try
                {
                    referenced = module.ResolveMember(token, typeArgs, methodArgs) switch
                    {
                        Type t => t,
                        MemberInfo m => m.DeclaringType,
                        _ => null,
                    };
                }
                catch (ArgumentException)
                {
                }

                if (referenced is not null)
                {
                    yield return referenced;
                }
            }

            i += size;
        }
    }

    private static IEnumerable<Type> Flatten(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var t in Flatten(type.GetElementType()))
            {
                yield return t;
            }

            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var t in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return t;
            }
        }
    }

    private static string Name(Type type) => (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName ?? type.Name;

    private static string FullName(MetadataReader md, TypeDefinition definition)
    {
        var name = md.GetString(definition.Name);
        if (!definition.GetDeclaringType().IsNil)
        {
            return FullName(md, md.GetTypeDefinition(definition.GetDeclaringType())) + "+" + name;
        }

        var ns = md.GetString(definition.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    [GeneratedRegex(@"/src/Sentry\.Management/(Api|Http|Capture|Facade|Workflows|DependencyInjection)/")]
    private static partial Regex LayerFolder();
}
