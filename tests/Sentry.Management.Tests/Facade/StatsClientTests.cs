using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

public class StatsClientTests
{
    private static string GetOrganizationStatsSummary => SchemaExamples.Response("GET", "/api/0/organizations/{organization_id_or_slug}/stats-summary/");
    private static string ListOrganizationStatsV2 => SchemaExamples.Response("GET", "/api/0/organizations/{organization_id_or_slug}/stats_v2/");
    private static string ListProjectStats => SchemaExamples.Response("GET", "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/stats/");

    [Test]
    public async Task Get_sends_repeated_group_bys_and_filters_and_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, ListOrganizationStatsV2);
        var query = new StatsQuery { StatsPeriod = "14d", Interval = "1d", Category = "error", Outcome = "invalid", Reason = "too_large" };
        query.GroupBy.Add("outcome");
        query.GroupBy.Add("project");
        query.Projects.Add("1");
        query.Projects.Add("-1");

        var result = await h.Client.Stats.GetAsync(query: query);

        var request = log.Single;
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(request.RawPath, Is.EqualTo("/api/0/organizations/acme/stats_v2/"));
        Assert.That(request.RawQuery, Is.EqualTo(
            "groupBy=outcome&groupBy=project&field=sum%28quantity%29&statsPeriod=14d&interval=1d"
            + "&project=1&project=-1&category=error&outcome=invalid&reason=too_large"));
        Assert.That(result.Start, Is.EqualTo(new DateTimeOffset(2022, 2, 14, 19, 0, 0, TimeSpan.Zero)));
        Assert.That(result.End, Is.EqualTo(new DateTimeOffset(2022, 2, 28, 18, 3, 0, TimeSpan.Zero)));
        Assert.That(result.Intervals, Is.EqualTo(new[] { new DateTimeOffset(2022, 2, 28, 0, 0, 0, TimeSpan.Zero) }));
        var group = result.Groups!.Single();
        Assert.That(group.By!["outcome"], Is.EqualTo("invalid"));
        Assert.That(group.Total("sum(quantity)"), Is.EqualTo(165665));
        Assert.That(group.Series!["sum(quantity)"], Is.EqualTo(new double?[] { 165665 }));
    }

    [Test]
    public async Task Get_defaults_to_the_last_24_hours_grouped_by_outcome()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, ListOrganizationStatsV2);

        await h.Client.Organization("other").Stats.GetAsync();

        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/organizations/other/stats_v2/"));
        Assert.That(log.Single.RawQuery, Is.EqualTo("groupBy=outcome&field=sum%28quantity%29&statsPeriod=24h"));
    }

    [Test]
    public async Task Get_with_start_and_end_sends_no_period()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, ListOrganizationStatsV2);
        var query = new StatsQuery { Field = "sum(times_seen)", Start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero) };

        await h.Client.Stats.GetAsync(query: query);

        Assert.That(log.Single.RawQuery, Is.EqualTo(
            "groupBy=outcome&field=sum%28times_seen%29&start=2026-11-01T00%3A00%3A00Z&end=2026-11-02T00%3A00%3A00Z"));
    }

    [Test]
    public void Get_rejects_start_without_end()
    {
        using var h = new SentryTestHarness();

        Assert.ThrowsAsync<ArgumentException>(() => h.Client.Stats.GetAsync(query: new StatsQuery { Start = DateTimeOffset.UnixEpoch }));
    }

    [Test]
    public async Task GetSummary_sends_the_filters_and_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, GetOrganizationStatsSummary);
        var query = new StatsQuery { StatsPeriod = "7d", Category = "error", Outcome = "accepted" };
        query.Projects.Add("1");

        var summary = await h.Client.Stats.GetSummaryAsync(query: query);

        Assert.That(log.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/organizations/acme/stats-summary/"));
        Assert.That(log.Single.RawQuery, Is.EqualTo("field=sum%28quantity%29&statsPeriod=7d&project=1&category=error&outcome=accepted"));
        Assert.That(summary.Start, Is.EqualTo(new DateTimeOffset(2023, 9, 19, 13, 0, 0, TimeSpan.Zero)));
        var project = summary.Projects!.Single();
        Assert.That((project.Id, project.Slug), Is.EqualTo(("1", "android-project")));
        Assert.That(project.Stats!.Select(s => s.Category), Is.EqualTo(new[] { "error", "transaction" }));
        Assert.That(project.Stats![0].Outcomes!["rate_limited"], Is.EqualTo(2506132));
        Assert.That(project.Stats[1].Totals!["sum(quantity)"], Is.EqualTo(10174711));
    }

    [Test]
    public async Task GetProjectStats_sends_unix_seconds_and_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, ListProjectStats);

        var points = await h.Client.Project("web").GetStatsAsync(stat: "received",
            since: DateTimeOffset.FromUnixTimeSeconds(1541455200),
            until: DateTimeOffset.FromUnixTimeSeconds(1541538000),
            resolution: "1h");

        Assert.That(log.Single.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/projects/acme/web/stats/"));
        Assert.That(log.Single.RawQuery, Is.EqualTo("stat=received&since=1541455200&until=1541538000&resolution=1h"));
        Assert.That(points, Has.Count.EqualTo(24));
        Assert.That(points[0], Is.EqualTo(new StatsPoint(DateTimeOffset.FromUnixTimeSeconds(1541455200), 1184)));
        Assert.That(points[^1].Value, Is.EqualTo(1533));
    }

    [Test]
    public async Task GetProjectStats_without_options_sends_no_query()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, "[[1541455200, null, \"future\"]]");

        var points = await h.Client.Project("web").GetStatsAsync();

        Assert.That(log.Single.RawQuery, Is.Empty);
        Assert.That(points.Single().Value, Is.Null);
    }
}
