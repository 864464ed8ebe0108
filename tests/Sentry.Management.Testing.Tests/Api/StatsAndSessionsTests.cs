using System.Text;
using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Api;

public sealed class StatsAndSessionsTests : LocalSentryFixture
{
    [Test]
    public async Task Stats_v2_counts_accepted_items_and_client_report_outcomes()
    {
        await SendAsync(new { message = "one" });
        await SendAsync(new { message = "two" });
        var report = "{\"timestamp\":" + DateTimeOffset.UtcNow.ToUnixTimeSeconds() + ",\"discarded_events\":[{\"reason\":\"sample_rate\",\"category\":\"transaction\",\"quantity\":7}],"
            + "\"rate_limited_events\":[{\"reason\":\"ratelimit_backoff\",\"category\":\"error\",\"quantity\":2}]}";
        using var response = await Http.PostEnvelopeAsync(Envelopes.Build("{}", Envelopes.Item("client_report", report),
            ($"{{\"type\":\"attachment\",\"length\":5,\"filename\":\"a.txt\"}}", Encoding.UTF8.GetBytes("hello"))));

        var stats = await Http.GetJsonAsync($"/api/0/organizations/{Org}/stats_v2/?groupBy=outcome&groupBy=category&groupBy=reason&field=sum(quantity)&statsPeriod=2h&interval=1h");
        long Total(string outcome, string category) => stats.GetProperty("groups").EnumerateArray()
            .Where(g => g.GetProperty("by").GetProperty("outcome").GetString() == outcome && g.GetProperty("by").GetProperty("category").GetString() == category)
            .Sum(g => g.GetProperty("totals").GetProperty("sum(quantity)").GetInt64());

        Assert.Multiple(() =>
        {
            Assert.That(Total("accepted", "error"), Is.EqualTo(2));
            Assert.That(Total("accepted", "attachment"), Is.EqualTo(5), "attachments count bytes");
            Assert.That(Total("client_discard", "transaction"), Is.EqualTo(7));
            Assert.That(Total("rate_limited", "error"), Is.EqualTo(2));
            Assert.That(stats.GetProperty("intervals").GetArrayLength(), Is.InRange(2, 3));
            Assert.That(stats.GetProperty("groups")[0].GetProperty("series").GetProperty("sum(quantity)").GetArrayLength(), Is.EqualTo(stats.GetProperty("intervals").GetArrayLength()));
        });
    }

    [Test]
    public async Task Our_stats_client_reads_stats_v2()
    {
        await SendAsync(new { message = "counted" });
        using var client = Client();

        var result = await client.Stats.GetAsync(query: new StatsQuery { StatsPeriod = "1h", Category = "error" });

        Assert.That(result.Groups!.Single(g => g.By!["outcome"] == "accepted").Total("sum(quantity)"), Is.EqualTo(1));
    }

    [Test]
    public async Task Stats_v2_requires_group_by_and_field()
    {
        var (missing, body) = await Http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/{Org}/stats_v2/?field=sum(quantity)");
        var (badField, _) = await Http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/{Org}/stats_v2/?groupBy=outcome&field=count()");

        Assert.That(missing, Is.EqualTo(400));
        Assert.That(body.GetProperty("groupBy")[0].GetString(), Is.EqualTo("This field is required."));
        Assert.That(badField, Is.EqualTo(400));
    }

    [Test]
    public async Task Crash_rates_grouped_by_session_status_answer_400_as_in_Sentry()
    {
        var (status, body) = await Http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/{Org}/sessions/?field=sum(session)&field=crash_free_rate(session)&groupBy=project&groupBy=session.status&statsPeriod=24h");

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("by session.status"));
    }

    [Test]
    public async Task Crash_free_rates_come_from_the_sessions_received()
    {
        var now = DateTimeOffset.UtcNow.ToString("o");
        string Session(string did, string status, string release) => SessionJson(now, did, status, release, "prod");
        using var response = await Http.PostEnvelopeAsync(Envelopes.Build("{}",
            Envelopes.Item("session", Session("alice", "exited", "app@1.0")),
            Envelopes.Item("session", Session("alice", "crashed", "app@1.0")),
            Envelopes.Item("session", Session("bob", "exited", "app@1.0")),
            Envelopes.Item("session", Session("carol", "exited", "app@2.0")),
            Envelopes.Item("sessions", "{\"aggregates\":[{\"started\":\"" + now + "\",\"exited\":4,\"errored\":1}],\"attrs\":{\"release\":\"app@2.0\",\"environment\":\"prod\"}}")));

        var byRelease = await Http.GetJsonAsync($"/api/0/organizations/{Org}/sessions/?field=sum(session)&field=count_unique(user)&field=crash_free_rate(session)&field=crash_free_rate(user)&groupBy=release&statsPeriod=1h&interval=1h");
        var v1 = byRelease.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("by").GetProperty("release").GetString() == "app@1.0").GetProperty("totals");
        var v2 = byRelease.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("by").GetProperty("release").GetString() == "app@2.0").GetProperty("totals");
        using var client = Client();
        var rates = await client.Sessions.GetCrashFreeRatesAsync(release: "app@1.0", statsPeriod: "1h");
        var byStatus = await Http.GetJsonAsync($"/api/0/organizations/{Org}/sessions/?field=sum(session)&groupBy=session.status&statsPeriod=1h");

        Assert.Multiple(() =>
        {
            Assert.That(v1.GetProperty("sum(session)").GetInt32(), Is.EqualTo(3));
            Assert.That(v1.GetProperty("count_unique(user)").GetInt32(), Is.EqualTo(2));
            Assert.That(v1.GetProperty("crash_free_rate(session)").GetDouble(), Is.EqualTo(2.0 / 3).Within(1e-9));
            Assert.That(v1.GetProperty("crash_free_rate(user)").GetDouble(), Is.EqualTo(0.5).Within(1e-9));
            Assert.That(v2.GetProperty("sum(session)").GetInt32(), Is.EqualTo(6));
            Assert.That(v2.GetProperty("crash_free_rate(session)").GetDouble(), Is.EqualTo(1.0));
            Assert.That(rates.CrashFreeSessions, Is.EqualTo(2.0 / 3).Within(1e-9));
            Assert.That(byStatus.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("by").GetProperty("session.status").GetString()!, g => g.GetProperty("totals").GetProperty("sum(session)").GetInt32()),
                Is.EquivalentTo(new Dictionary<string, int> { ["healthy"] = 7, ["crashed"] = 1, ["errored"] = 1 }));
        });
    }

    [Test]
    public async Task The_release_health_queries_of_docs_stats_md_are_accepted_and_its_former_one_is_refused()
    {
        var now = DateTimeOffset.UtcNow.ToString("o");
        string Session(string status, string release, string environment) => SessionJson(now, "ann", status, release, environment);
        using var response = await Http.PostEnvelopeAsync(Envelopes.Build("{}",
            Envelopes.Item("session", Session("exited", "app@1.0", "production")),
            Envelopes.Item("session", Session("crashed", "app@1.0", "production")),
            Envelopes.Item("session", Session("exited", "app@1.0", "staging"))));
        using var client = Client();

        // The two queries of the docs/stats.md snippet (docs/snippets/Stats.cs), as it builds them.
        var query = new SessionsQuery { StatsPeriod = "7d", Interval = "1d" };
        query.Fields.Add(SessionFields.Sessions);
        query.GroupBy.Add("release");
        query.GroupBy.Add("session.status");
        var health = new SessionsQuery { StatsPeriod = "7d" };
        health.Fields.Add(SessionFields.CrashFreeSessionRate);
        health.GroupBy.Add("release");
        health.GroupBy.Add("environment");
        var byStatus = await client.Sessions.GetAsync(query);
        var rates = await client.Sessions.GetAsync(health);

        // What the page showed before: a rate grouped by status.
        var former = new SessionsQuery { StatsPeriod = "7d", Interval = "1d" };
        former.Fields.Add(SessionFields.Sessions);
        former.Fields.Add(SessionFields.CrashFreeSessionRate);
        former.GroupBy.Add("release");
        former.GroupBy.Add("session.status");
        var refused = Assert.ThrowsAsync<SentryValidationException>(() => client.Sessions.GetAsync(former));

        Assert.Multiple(() =>
        {
            Assert.That(byStatus.Groups!.ToDictionary(g => g.By!["session.status"]!, g => g.Total(SessionFields.Sessions)),
                Is.EquivalentTo(new Dictionary<string, double?> { ["healthy"] = 2, ["crashed"] = 1 }));
            Assert.That(rates.Groups!.ToDictionary(g => g.By!["environment"]!, g => g.Total(SessionFields.CrashFreeSessionRate)),
                Is.EquivalentTo(new Dictionary<string, double?> { ["production"] = 0.5, ["staging"] = 1.0 }));
            Assert.That(refused!.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task Discover_answers_fields_and_percentiles_of_transaction_durations()
    {
        var start = DateTimeOffset.UtcNow.AddSeconds(-10).ToUnixTimeMilliseconds() / 1000.0;
        static string Seconds(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var items = new[] { 100, 200, 300, 400, 1000 }.Select(ms => Envelopes.Item("transaction",
            "{\"type\":\"transaction\",\"transaction\":\"GET /pumps\",\"start_timestamp\":" + Seconds(start) + ",\"timestamp\":" + Seconds(start + (ms / 1000.0))
            + ",\"contexts\":{\"trace\":{\"trace_id\":\"" + Envelopes.NewId() + "\",\"span_id\":\"0123456789abcdef\"}}}")).ToArray();
        using var response = await Http.PostEnvelopeAsync(Envelopes.Build("{}", items));
        await SendAsync(new { message = "an error", level = "error" });

        var percentiles = await Http.GetJsonAsync($"/api/0/organizations/{Org}/events/?dataset=transactions&field=transaction&field=count()&field=p95(transaction.duration)&field=p50(transaction.duration)&statsPeriod=1h");
        var errors = await Http.GetJsonAsync($"/api/0/organizations/{Org}/events/?dataset=errors&field=title&field=level&field=count()&query=level:error&statsPeriod=1h");
        var row = percentiles.GetProperty("data")[0];

        Assert.Multiple(() =>
        {
            Assert.That(row.GetProperty("transaction").GetString(), Is.EqualTo("GET /pumps"));
            Assert.That(row.GetProperty("count()").GetInt32(), Is.EqualTo(5));
            Assert.That(row.GetProperty("p50(transaction.duration)").GetDouble(), Is.EqualTo(300).Within(1));
            Assert.That(row.GetProperty("p95(transaction.duration)").GetDouble(), Is.EqualTo(880).Within(1));
            Assert.That(percentiles.GetProperty("meta").GetProperty("fields").GetProperty("p95(transaction.duration)").GetString(), Is.EqualTo("duration"));
            Assert.That(errors.GetProperty("data").GetArrayLength(), Is.EqualTo(1));
            Assert.That(errors.GetProperty("data")[0].GetProperty("title").GetString(), Is.EqualTo("an error"));
        });
    }

    private SentryManagementClient Client() => ManagementClients.For(Sentry);

    private static string SessionJson(string started, string did, string status, string release, string environment) =>
        "{\"sid\":\"" + Guid.NewGuid() + "\",\"did\":\"" + did + "\",\"init\":true,\"started\":\"" + started + "\",\"status\":\"" + status
        + "\",\"attrs\":{\"release\":\"" + release + "\",\"environment\":\"" + environment + "\"}}";
}
