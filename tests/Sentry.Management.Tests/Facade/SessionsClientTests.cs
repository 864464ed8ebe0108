using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

public class SessionsClientTests
{
    private static string GetOrganizationSessions => SchemaExamples.Response("GET", "/api/0/organizations/{organization_id_or_slug}/sessions/");

    [Test]
    public async Task Get_sends_repeated_fields_and_group_bys_and_parses_the_schema_example()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, GetOrganizationSessions);
        var query = new SessionsQuery { StatsPeriod = "24h", Interval = "30m", Query = "release:\"app@1.0\"", OrderBy = "-sum(session)", PerPage = 5 };
        query.Fields.Add("sum(session)");
        query.Fields.Add("crash_free_rate(session)");
        query.GroupBy.Add("release");
        query.GroupBy.Add("session.status");
        query.Projects.Add("1");
        query.Projects.Add("2");
        query.Environments.Add("production");

        var result = await h.Client.Sessions.GetAsync(query);

        var request = log.Single;
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(request.RawPath, Is.EqualTo("/api/0/organizations/acme/sessions/"));
        Assert.That(request.RawQuery, Is.EqualTo(
            "field=sum%28session%29&field=crash_free_rate%28session%29&environment=production&statsPeriod=24h"
            + "&project=1&project=2&per_page=5&interval=30m&groupBy=release&groupBy=session.status"
            + "&orderBy=-sum%28session%29&query=release%3A%22app%401.0%22"));

        Assert.That(result.Start, Is.EqualTo(new DateTimeOffset(2024, 1, 29, 7, 30, 0, TimeSpan.Zero)));
        Assert.That(result.End, Is.EqualTo(new DateTimeOffset(2024, 1, 29, 9, 0, 0, TimeSpan.Zero)));
        Assert.That(result.Intervals, Has.Count.EqualTo(3));
        Assert.That(result.Query, Is.Empty);
        var errored = result.Groups![0];
        Assert.That(errored.By!["session.status"], Is.EqualTo("errored"));
        Assert.That(errored.Totals!["sum(session)"], Is.EqualTo(1000));
        Assert.That(errored.Series!["sum(session)"], Is.EqualTo(new double?[] { 368, 392, 240 }));
        Assert.That(result.Groups[1].Total("sum(session)"), Is.EqualTo(17905998));
    }

    [Test]
    public async Task Get_sends_start_and_end_as_iso_8601_and_can_leave_totals_and_series_out()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, GetOrganizationSessions);
        var query = new SessionsQuery
        {
            Start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            End = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.FromHours(1)),
            IncludeSeries = false,
            IncludeTotals = false,
        };
        query.Fields.Add("count_unique(user)");

        await h.Client.Organization("other").Sessions.GetAsync(query);

        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/organizations/other/sessions/"));
        Assert.That(log.Single.RawQuery, Is.EqualTo(
            "field=count_unique%28user%29&start=2026-11-01T00%3A00%3A00Z"
            + "&end=2026-11-01T23%3A00%3A00Z&includeTotals=0&includeSeries=0"));
    }

    [Test]
    public void Get_requires_a_field()
    {
        using var h = new SentryTestHarness();

        var error = Assert.ThrowsAsync<ArgumentException>(() => h.Client.Sessions.GetAsync(new SessionsQuery()));

        Assert.That(error!.Message, Does.Contain("at least one field"));
    }

    [Test]
    public async Task GetCrashFreeRates_asks_for_rates_of_one_release_and_environment()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, """
            {"start": "2026-11-11T00:00:00Z", "end": "2026-11-25T12:00:00Z", "query": "release:\"app@1.0.0+7\"",
             "intervals": ["2026-11-11T00:00:00Z"],
             "groups": [{"by": {}, "totals": {"crash_free_rate(session)": 0.9975, "crash_free_rate(user)": 0.991,
                                              "sum(session)": 4000, "count_unique(user)": 1200}}]}
            """);

        var rates = await h.Client.Sessions.GetCrashFreeRatesAsync(release: "app@1.0.0+7", environment: "production", statsPeriod: "14d", projects: ["42"]);

        Assert.That(log.Single.RawPath, Is.EqualTo("/api/0/organizations/acme/sessions/"));
        Assert.That(log.Single.RawQuery, Is.EqualTo(
            "field=crash_free_rate%28session%29&field=crash_free_rate%28user%29&field=sum%28session%29&field=count_unique%28user%29"
            + "&environment=production&statsPeriod=14d&project=42&includeSeries=0"
            + "&query=release%3A%22app%401.0.0%2B7%22"));
        Assert.That(rates, Is.EqualTo(new CrashFreeRates(0.9975, 0.991, 4000, 1200)));
    }

    [Test]
    public async Task GetCrashFreeRates_keeps_nulls_when_there_were_no_sessions()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, """
            {"start": "2026-11-24T12:00:00Z", "end": "2026-11-25T12:00:00Z", "query": "", "intervals": [],
             "groups": [{"by": {}, "totals": {"crash_free_rate(session)": null, "crash_free_rate(user)": null,
                                              "sum(session)": 0, "count_unique(user)": 0}, "series": {}}]}
            """);

        var rates = await h.Client.Sessions.GetCrashFreeRatesAsync(statsPeriod: "24h");

        Assert.That(log.Single.RawQuery, Does.Not.Contain("query=").And.Not.Contain("environment="));
        Assert.That(rates, Is.EqualTo(new CrashFreeRates(null, null, 0, 0)));
    }

    [Test]
    public async Task GetCrashFreeRates_reads_an_empty_answer_as_no_data()
    {
        using var h = new SentryTestHarness();
        RequestRecorder.Answer(h, """{"start": "2026-11-24T12:00:00Z", "end": "2026-11-25T12:00:00Z", "query": "", "intervals": [], "groups": []}""");

        var rates = await h.Client.Sessions.GetCrashFreeRatesAsync();

        Assert.That(rates, Is.EqualTo(new CrashFreeRates(null, null, null, null)));
    }

    [Test]
    public async Task GetCrashFreeRatesByRelease_groups_by_release_with_the_most_sessions_first()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, """
            {"query": "", "intervals": ["2026-11-25T00:00:00Z"], "groups": [
              {"by": {"release": "app@1.1.0"}, "totals": {"crash_free_rate(session)": 0.999, "crash_free_rate(user)": 0.99, "sum(session)": 900, "count_unique(user)": 90}},
              {"by": {"release": "app@1.0.0"}, "totals": {"crash_free_rate(session)": null, "crash_free_rate(user)": null, "sum(session)": 0, "count_unique(user)": 0}}]}
            """);

        var rates = await h.Client.Sessions.GetCrashFreeRatesByReleaseAsync(environment: "production", statsPeriod: "24h", top: 2);

        Assert.That(log.Single.RawQuery, Is.EqualTo(
            "field=crash_free_rate%28session%29&field=crash_free_rate%28user%29&field=sum%28session%29&field=count_unique%28user%29"
            + "&environment=production&statsPeriod=24h&per_page=2&groupBy=release&orderBy=-sum%28session%29&includeSeries=0"));
        Assert.That(rates.Select(r => r.Key), Is.EqualTo(new[] { "app@1.1.0", "app@1.0.0" }));
        Assert.That(rates[0].Value, Is.EqualTo(new CrashFreeRates(0.999, 0.99, 900, 90)));
        Assert.That(rates[1].Value.CrashFreeSessions, Is.Null);
    }

    [Test]
    public void GetCrashFreeRatesByRelease_rejects_top_outside_1_to_100()
    {
        using var h = new SentryTestHarness();

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => h.Client.Sessions.GetCrashFreeRatesByReleaseAsync(top: 0));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => h.Client.Sessions.GetCrashFreeRatesByReleaseAsync(top: 101));
    }

    [Test]
    public async Task Group_by_values_that_are_numbers_read_as_text()
    {
        using var h = new SentryTestHarness();
        RequestRecorder.Answer(h, """
            {"query": "", "intervals": ["2026-11-25T00:00:00Z"],
             "groups": [{"by": {"project": 42, "release": "1.0"}, "totals": {"sum(session)": 5}, "series": {"sum(session)": [null]}}]}
            """);
        var query = new SessionsQuery();
        query.Fields.Add("sum(session)");

        var result = await h.Client.Sessions.GetAsync(query);

        Assert.That(result.Groups![0].By!["project"], Is.EqualTo("42"));
        Assert.That(result.Groups[0].Series!["sum(session)"], Is.EqualTo(new double?[] { null }));
    }

    [Test]
    public void Release_filter_quotes_the_version()
    {
        Assert.That(SessionsClient.ReleaseFilter("a \"b\"\\c"), Is.EqualTo("release:\"a \\\"b\\\"\\\\c\""));
    }
}
