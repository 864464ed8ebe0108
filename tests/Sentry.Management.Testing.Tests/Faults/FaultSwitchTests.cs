using System.Text;
using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Faults;

/// <summary>What each fault switch answers on the wire.</summary>
public sealed class FaultSwitchTests : LocalSentryFixture
{
    [Test]
    public async Task Ingestion_rate_limit_answers_429_with_retry_after_and_sentry_rate_limits()
    {
        Sentry.Faults.Ingestion.RateLimit(TimeSpan.FromSeconds(42), times: 1);

        using var limited = await Http.PostEnvelopeAsync(Envelopes.Event(new { message = "limited" }));
        using var after = await Http.PostEnvelopeAsync(Envelopes.Event(new { message = "after" }));

        Assert.Multiple(() =>
        {
            Assert.That((int)limited.StatusCode, Is.EqualTo(429));
            Assert.That(limited.Headers.GetValues("Retry-After").Single(), Is.EqualTo("42"));
            Assert.That(limited.Headers.GetValues("X-Sentry-Rate-Limits").Single(), Is.EqualTo("42::organization:local_fault"));
            Assert.That((int)after.StatusCode, Is.EqualTo(200), "times: 1 limits one request only");
            Assert.That(Sentry.Received.Events.Select(e => e.Message), Is.EqualTo(new[] { "after" }));
        });
    }

    [Test]
    public async Task A_category_rate_limit_drops_only_that_category_and_counts_it()
    {
        Sentry.Faults.Ingestion.RateLimit(TimeSpan.FromSeconds(60), null, "error");
        var body = Envelopes.Build("{}",
            Envelopes.Item("event", "{\"message\":\"dropped\"}"),
            Envelopes.Item("session", "{\"sid\":\"" + Guid.NewGuid() + "\",\"status\":\"ok\",\"attrs\":{\"release\":\"app@1\"}}"));

        using var mixed = await Http.PostEnvelopeAsync(body);
        using var onlyEvents = await Http.PostEnvelopeAsync(Envelopes.Event(new { message = "dropped too" }));
        var stats = await Http.GetJsonAsync($"/api/0/organizations/{Org}/stats_v2/?groupBy=outcome&groupBy=category&field=sum(quantity)&statsPeriod=1h");
        var rateLimitedErrors = stats.GetProperty("groups").EnumerateArray()
            .Where(g => g.GetProperty("by").GetProperty("outcome").GetString() == "rate_limited" && g.GetProperty("by").GetProperty("category").GetString() == "error")
            .Sum(g => g.GetProperty("totals").GetProperty("sum(quantity)").GetInt64());

        Assert.Multiple(() =>
        {
            Assert.That((int)mixed.StatusCode, Is.EqualTo(200));
            Assert.That(mixed.Headers.GetValues("X-Sentry-Rate-Limits").Single(), Is.EqualTo("60:error:organization:local_fault"));
            Assert.That((int)onlyEvents.StatusCode, Is.EqualTo(429));
            Assert.That(Sentry.Received.Events, Is.Empty);
            Assert.That(Sentry.Received.Sessions, Has.Count.EqualTo(1));
            Assert.That(rateLimitedErrors, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Server_errors_answer_sentry_shaped_5xx_for_the_chosen_surface_only()
    {
        Sentry.Faults.Management.ServerError(502, times: 2);

        var (first, body) = await Http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/{Org}/");
        var (second, _) = await Http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/{Org}/");
        using var ingestion = await Http.PostEnvelopeAsync(Envelopes.Event(new { message = "unaffected" }));
        var (third, _) = await Http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/{Org}/");

        Assert.Multiple(() =>
        {
            Assert.That(new[] { first, second, third }, Is.EqualTo(new[] { 502, 502, 200 }));
            Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("Internal Error"));
            Assert.That((int)ingestion.StatusCode, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Dropped_connections_close_without_an_answer()
    {
        Sentry.Faults.Ingestion.DropConnections(times: 1);

        Assert.ThrowsAsync<HttpRequestException>(() => Http.PostEnvelopeAsync(Envelopes.Event(new { message = "lost" })));
        using var next = await Http.PostEnvelopeAsync(Envelopes.Event(new { message = "kept" }));

        Assert.That((int)next.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Limits_refuse_requests_over_the_concurrency_limit_with_429()
    {
        Sentry.Faults.Management.Delay(TimeSpan.FromMilliseconds(300)).Limit(concurrent: 1);

        var requests = Enumerable.Range(0, 3).Select(_ => Http.SendJsonAsync(HttpMethod.Get, $"/api/0/organizations/{Org}/")).ToList();
        await Task.Delay(100);
        var statuses = (await Task.WhenAll(requests)).Select(r => r.Status).ToList();

        Assert.That(statuses.Count(s => s == 429), Is.GreaterThanOrEqualTo(1), string.Join(",", statuses));
        Assert.That(statuses.Count(s => s == 200), Is.GreaterThanOrEqualTo(1), string.Join(",", statuses));
    }

    [Test]
    public async Task Limits_refuse_requests_over_the_per_second_window_with_429_and_retry_after()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sentry = await LocalSentry.StartAsync(new LocalSentryOptions { TimeProvider = clock });
        using var http = new LocalSentryHttp(sentry);
        sentry.Faults.Management.Limit(perSecond: 2);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await http.SendJsonAsync(HttpMethod.Get, "/api/0/organizations/local/")).Status);
        }

        using var refused = await http.GetAsync("/api/0/organizations/local/");
        clock.Advance(TimeSpan.FromSeconds(1));
        var (nextWindow, _) = await http.SendJsonAsync(HttpMethod.Get, "/api/0/organizations/local/");

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { 200, 200, 429 }));
            Assert.That((int)refused.StatusCode, Is.EqualTo(429));
            Assert.That(refused.Headers.GetValues("Retry-After").Single(), Is.EqualTo("1"));
            Assert.That(refused.Headers.GetValues("X-Sentry-Rate-Limit-Remaining").Single(), Is.EqualTo("0"));
            Assert.That(nextWindow, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Faults_are_set_and_cleared_over_http()
    {
        using var set = await Http.Client.PostAsync("_local/faults", new StringContent("{\"faults\":[\"management:delay=5\",\"ingestion:server-error=500;times=3\"]}", Encoding.UTF8, "application/json"));
        var state = await set.Content.ReadAsStringAsync();
        using var bad = await Http.Client.PostAsync("_local/faults", new StringContent("{\"fault\":\"sideways:drop\"}", Encoding.UTF8, "application/json"));
        using var cleared = await Http.Client.DeleteAsync("_local/faults");

        Assert.Multiple(async () =>
        {
            Assert.That((int)set.StatusCode, Is.EqualTo(200));
            Assert.That(state, Is.EqualTo("{\"ingestion\":\"server-error 500 x3\",\"management\":\"delay 5ms\"}"));
            Assert.That((int)bad.StatusCode, Is.EqualTo(400));
            Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("unknown surface 'sideways'"));
            Assert.That(await cleared.Content.ReadAsStringAsync(), Is.EqualTo("{\"ingestion\":\"none\",\"management\":\"none\"}"));
        });
    }

    [TestCase("ingestion")]
    [TestCase("management:teleport")]
    [TestCase("management:rate-limit=soon")]
    [TestCase("ingestion:drop;times=0")]
    public void Rejects_malformed_fault_specs_naming_the_syntax(string spec)
    {
        var error = Assert.Throws(Is.InstanceOf<ArgumentException>(), () => Sentry.Faults.Apply(spec));

        Assert.That(error!.Message, Does.Contain(spec.Split(';')[0].Split('=')[0]).Or.Contain("times"));
    }
}
