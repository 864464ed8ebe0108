namespace Sentry.Management.Tests.Architecture;

/// <summary>
/// Layers point one way: REST surface (Api/) -> HTTP pipeline (Http/); capture (Capture/) on its own path; the facade
/// over both; DI over the facade. Read from the built assembly, so a new arrow fails the build's tests.
/// </summary>
public class LayeringTests
{
    private static readonly IReadOnlyList<LayerEdge> Edges = LayerMap.Edges(typeof(SentryManagementClient).Assembly, out Layers);
    private static readonly IReadOnlyDictionary<string, string> Layers;
    private static readonly string[] GeneratedNamespaces = ["Microsoft.Extensions.Configuration.Binder.SourceGeneration.", "RefitInternalGenerated.", "System."];

    [Test]
    public void No_layer_points_where_it_must_not()
    {
        Assert.That(LayerMap.Violations(Edges).Select(e => e.ToString()), Is.Empty);
    }

    [Test]
    public void Every_type_of_the_library_has_a_layer()
    {
        // A type without one would escape the check above (only compiler-generated helpers and source generators' output may).
        var missing = typeof(SentryManagementClient).Assembly.GetTypes()
            .Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false))
            .Select(t => t.FullName!)
            .Where(n => !Layers.ContainsKey(n) && !n.Contains('<', StringComparison.Ordinal) && !GeneratedNamespaces.Any(g => n.StartsWith(g, StringComparison.Ordinal)))
            .ToList();

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void The_map_sees_the_references_it_must_see()
    {
        // Allowed arrows found by each kind of evidence: if one of these disappears the reader went blind, not the code clean.
        Assert.That(Layers[typeof(IssueBulkResult).FullName!], Is.EqualTo(LayerMap.Facade));
        Assert.That(Layers[typeof(Issue).FullName!], Is.EqualTo(LayerMap.Api));
        Assert.That(Layers[typeof(SentryPageable<>).FullName!], Is.EqualTo(LayerMap.Http));
        Assert.That(Layers[typeof(Sentry.Management.Api.IProjectsApi).FullName!], Is.EqualTo(LayerMap.Api), "an interface has no IL: its layer comes from the PDB's type documents");
        Assert.That(Edges, Has.Some.Matches<LayerEdge>(e => e.From == typeof(ProjectsClient).FullName && e.ToLayer == LayerMap.Api && e.Via.StartsWith("field", StringComparison.Ordinal)));
        Assert.That(Edges, Has.Some.Matches<LayerEdge>(e => e.FromLayer == LayerMap.Facade && e.ToLayer == LayerMap.Api && e.Via.StartsWith("IL of", StringComparison.Ordinal)));
        Assert.That(Edges, Has.Some.Matches<LayerEdge>(e => e.FromLayer == LayerMap.Facade && e.Via.StartsWith("cref", StringComparison.Ordinal)));
    }

    [Test]
    public void The_checker_reports_a_planted_violation_and_passes_allowed_arrows()
    {
        var planted = new[]
        {
            new LayerEdge("Sentry.Management.IssueBulkResult", LayerMap.Api, "Sentry.Management.IssuesClient", LayerMap.Facade, "cref F:Sentry.Management.IssuesClient.MaxIdsPerBulkRequest"),
            new LayerEdge("Sentry.Management.Http.AuthHandler", LayerMap.Http, "Sentry.Management.Capture.SentryDsn", LayerMap.Capture, "IL of SendAsync"),
            new LayerEdge("Sentry.Management.Capture.CaptureSender", LayerMap.Capture, "Sentry.Management.Api.IProjectsApi", LayerMap.Api, "field _api"),
            new LayerEdge("Sentry.Management.ProjectsClient", LayerMap.Facade, "Sentry.Management.Api.IProjectsApi", LayerMap.Api, "field _api"),
            new LayerEdge("Sentry.Management.Capture.EnvelopeHttpSender", LayerMap.Capture, "Sentry.Management.Http.RateLimitHeaders", LayerMap.Http, "IL of SendAsync"),
        };

        var violations = LayerMap.Violations(planted);

        Assert.That(violations.Select(v => (v.FromLayer, v.ToLayer)), Is.EquivalentTo(new[] { (LayerMap.Api, LayerMap.Facade), (LayerMap.Http, LayerMap.Capture), (LayerMap.Capture, LayerMap.Api) }));
    }

    [TestCase("/work/repo/src/Sentry.Management/Api/Issues/Issue.cs", "Api")]
    [TestCase(@"C:\repo\src\Sentry.Management\Facade\ProjectClient.cs", "Facade")]
    [TestCase("/work/repo/src/Sentry.Management/obj/Release/net10.0/generated/Refit/Generated.g.cs", null)]
    [TestCase("Refit.GeneratorV2/Refit.Generator.InterfaceStubGeneratorV2/IProjectsApi.g.cs", null)]
    public void Layers_are_the_source_folders(string document, string? layer)
    {
        Assert.That(LayerMap.LayerOf(document), Is.EqualTo(layer));
    }
}
