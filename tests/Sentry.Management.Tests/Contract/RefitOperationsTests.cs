using Refit;

namespace Sentry.Management.Tests.Contract;

/// <summary>
/// The Refit binding rules the schema check relies on, on a fake interface shaped like the ones other areas add
/// (query objects, prefixes, implicit bodies), so a wrong rule cannot make the check pass vacuously.
/// </summary>
[Category("ContractSchema")]
public class RefitOperationsTests
{
    [Test]
    public void Query_objects_flatten_with_alias_and_prefix_and_nullability_decides_always_sent()
    {
        var op = Describe(nameof(IFakeApi.StatsAsync));

        Assert.That(op.PathParameters, Is.EqualTo(new[] { "organization_id_or_slug" }));
        Assert.That(op.UnboundPathParameters, Is.Empty);
        Assert.That(op.QueryKeys.Select(k => (k.Name, k.AlwaysSent)), Is.EquivalentTo(new[]
        {
            ("groupBy", true),      // [AliasAs] on a non-nullable property of a non-nullable object
            ("field", true),
            ("Project", false),     // no alias: Refit uses the property name as is (a bug the check would report)
            ("cursor", false),
            ("per_page", false),
        }));
        Assert.That(op.HasBody, Is.False);
    }

    [Test]
    public void Prefixed_query_objects_and_implicit_bodies_follow_refit()
    {
        var prefixed = Describe(nameof(IFakeApi.PrefixedAsync));
        var post = Describe(nameof(IFakeApi.CreateAsync));

        Assert.That(prefixed.QueryKeys.Select(k => k.Name), Is.SupersetOf(new[] { "stats.groupBy", "stats.field" }));
        Assert.That(post.HasBody, Is.True, "an undecorated complex parameter of a POST is the body");
        Assert.That(post.BodyType, Is.EqualTo(typeof(FakeBody)));
        Assert.That(post.QueryKeys.Select(k => k.Name), Is.EqualTo(new[] { "dryRun" }), "a simple parameter not in the path is a query key");
    }

    [Test]
    public void Collection_parameters_are_one_query_key_each()
    {
        // IEnumerable<T> is an interface whose GetInterfaces() does not list itself; it must still be one key, not flattened.
        var op = Describe(nameof(IFakeApi.SessionsAsync));

        Assert.That(op.QueryKeys.Select(k => (k.Name, k.AlwaysSent)), Is.EquivalentTo(new[]
        {
            ("field", true),
            ("project", false),
            ("environment", false),
            ("id", false),
        }));
    }

    private static RefitOperation Describe(string method) =>
        RefitOperations.Describe(typeof(IFakeApi), typeof(IFakeApi).GetMethod(method)!);

    public interface IFakeApi
    {
        [Get("/api/0/organizations/{organization_id_or_slug}/stats_v2/")]
        Task<string> StatsAsync([AliasAs("organization_id_or_slug")] string organization, [Query] FakeStatsQuery query, [Query] string? cursor = null, [Query, AliasAs("per_page")] int? perPage = null, CancellationToken cancellationToken = default);

        [Get("/api/0/organizations/{organization_id_or_slug}/stats_v2/")]
        Task<string> PrefixedAsync([AliasAs("organization_id_or_slug")] string organization, [Query(".", "stats")] FakeStatsQuery query);

        [Get("/api/0/organizations/{organization_id_or_slug}/sessions/")]
        Task<string> SessionsAsync([AliasAs("organization_id_or_slug")] string organization, [Query(CollectionFormat.Multi)] IEnumerable<string> field, [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null, [Query(CollectionFormat.Multi)] List<string>? environment = null, [Query(CollectionFormat.Multi)] string[]? id = null);

        [Post("/api/0/organizations/{organization_id_or_slug}/teams/")]
        Task<string> CreateAsync([AliasAs("organization_id_or_slug")] string organization, FakeBody team, bool dryRun);
    }

    public sealed class FakeStatsQuery
    {
        [AliasAs("groupBy")]
        public required string GroupBy { get; set; }

        [AliasAs("field")]
        public required string Field { get; set; }

        public string? Project { get; set; }
    }

    public sealed class FakeBody
    {
        public string? Slug { get; set; }
    }
}
