using System.Net;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Workflows.Health;

/// <summary><c>org.Releases.GetHealthReportAsync(version)</c>: sessions, events table and issue search, judged against thresholds.</summary>
public class ReleaseHealthReportTests
{
    private const string Version = "api-1.2.3";
    private const string Previous = "api-1.2.2";
    private const string SessionsPath = "/api/0/organizations/acme/sessions/";
    private const string EventsPath = "/api/0/organizations/acme/events/";
    private const string IssuesPath = "/api/0/organizations/acme/issues/";

    private static string Totals(double sessionsRate, double usersRate, int sessions, int users) =>
        $$$"""{"intervals":["2026-11-25T10:00:00Z","2026-11-25T11:00:00Z"],"groups":[{"by":{},"totals":{"crash_free_rate(session)":{{{sessionsRate}}},"crash_free_rate(user)":{{{usersRate}}},"sum(session)":{{{sessions}}},"count_unique(user)":{{{users}}}},"series":{"crash_free_rate(session)":[0.9,0.96]}}]}""";

    private static RequestRecorder Scenario(SentryTestHarness h, double crashFree = 0.93, HttpStatusCode spans = HttpStatusCode.OK, bool sessions = true)
    {
        var log = new RequestRecorder();
        log.On(h, HttpMethod.Get, "/api/0/organizations/acme/releases/" + Version + "/", WorkflowJson.Release(Version));
        log.On(h, HttpMethod.Get, "/api/0/projects/acme/api/releases/", $"[{WorkflowJson.Release(Version)},{WorkflowJson.Release(Previous, dateCreated: "2026-11-19T10:00:00Z")}]");
        log.On(h, HttpMethod.Get, SessionsPath, r => SentryTestHarness.Json(
            !sessions ? """{"groups":[]}"""
            : r.Query("query").SingleOrDefault() switch
            {
                "release:\"api-1.2.3\"" => Totals(crashFree, 0.96, 1000, 200),
                "release:\"api-1.2.2\"" => Totals(0.99, 0.99, 3000, 300),
                _ => Totals(0.98, 0.98, 4000, 400),
            }));
        log.On(h, HttpMethod.Get, EventsPath, r => r.Query("dataset").Single() == "errors"
            ? SentryTestHarness.Json("""{"data":[{"count()":57}]}""")
            : spans != HttpStatusCode.OK ? SentryTestHarness.Json("""{"detail":"Invalid dataset: spans"}""", spans)
            : SentryTestHarness.Json(r.Query("query").Single().Contains(Version, StringComparison.Ordinal) ? """{"data":[{"p95(span.duration)":300.0}]}""" : """{"data":[{"p95(span.duration)":200.0}]}"""));
        log.On(h, HttpMethod.Get, IssuesPath, """[{"id":"1","shortId":"API-1"},{"id":"2","shortId":"API-2"}]""");
        return log;
    }

    [Test]
    public async Task An_unhealthy_release_gets_every_alert_and_a_roll_back_recommendation()
    {
        using var h = new SentryTestHarness();
        var log = Scenario(h);

        var report = await h.Client.Organization("acme").Releases.GetHealthReportAsync(Version);

        Assert.Multiple(() =>
        {
            Assert.That(report.CrashFreeSessions, Is.EqualTo(0.93));
            Assert.That(report.CrashFreeUsers, Is.EqualTo(0.96));
            Assert.That(report.Sessions, Is.EqualTo(1000));
            Assert.That(report.CrashFreeSessionSeries, Is.EqualTo(new double?[] { 0.9, 0.96 }));
            Assert.That(report.Intervals, Has.Count.EqualTo(2));
            Assert.That(report.Errors, Is.EqualTo(57));
            Assert.That(report.SessionAdoption, Is.EqualTo(0.25));
            Assert.That(report.UserAdoption, Is.EqualTo(0.5));
            Assert.That(report.NewIssues, Is.EqualTo(2));
            Assert.That(report.P95DurationMs, Is.EqualTo(300));
            Assert.That(report.Previous, Is.EqualTo(new ReleaseHealthBaseline(Previous, 0.99, 0.99, 200)));
            Assert.That(report.CrashFreeSessionsDelta, Is.EqualTo(-0.06).Within(1e-9));
            Assert.That(report.P95Change, Is.EqualTo(0.5).Within(1e-9));
            Assert.That(report.Alerts.Select(a => a.Kind), Is.EqualTo(new[] { "crash-free-sessions", "crash-free-drop", "p95-regression", "new-issues" }));
            Assert.That(report.Recommendation, Is.EqualTo(ReleaseHealthRecommendation.RollBack));
            Assert.That(report.Problems, Is.Empty);
        });

        var releaseSessions = log.Requests.First(r => r.Path == SessionsPath);
        Assert.That(releaseSessions.Query("statsPeriod"), Is.EqualTo(new[] { "24h" }));
        Assert.That(releaseSessions.Query("interval"), Is.EqualTo(new[] { "1h" }));
        Assert.That(releaseSessions.Query("field"), Is.EqualTo(new[] { "crash_free_rate(session)", "crash_free_rate(user)", "sum(session)", "count_unique(user)" }));
        var p95 = log.Requests.First(r => r.Path == EventsPath && r.Query("dataset").Single() == "spans");
        Assert.That(p95.Query("field"), Is.EqualTo(new[] { "p95(span.duration)" }));
        Assert.That(p95.Query("query"), Is.EqualTo(new[] { "is_transaction:true release:\"api-1.2.3\"" }));
        Assert.That(log.Requests.Single(r => r.Path == IssuesPath).Query("query"), Is.EqualTo(new[] { "first-release:\"api-1.2.3\"" }));
        Assert.That(report.ToString(), Does.Contain("Release api-1.2.3 over 24h: RollBack").And.Contain("crash-free sessions 93 %").And.Contain("vs api-1.2.2: crash-free sessions 99 % (-6 points), p95 200 ms (+50 %)").And.Contain("critical: crash-free sessions 93 % are under 95 %"));
    }

    [Test]
    public async Task Thresholds_are_configurable_and_the_previous_release_can_be_given()
    {
        using var h = new SentryTestHarness();
        var log = Scenario(h);

        var report = await h.Client.Organization("acme").Releases.GetHealthReportAsync(Version, new ReleaseHealthOptions
        {
            CrashFreeThreshold = 0.9,
            CrashFreeDropThreshold = 0.1,
            P95RegressionThreshold = 0.6,
            NewIssuesThreshold = 5,
            PreviousVersion = Previous,
            Window = TimeSpan.FromHours(6),
            Environment = "production",
        });

        Assert.That(report.Alerts, Is.Empty);
        Assert.That(report.Recommendation, Is.EqualTo(ReleaseHealthRecommendation.Healthy));
        Assert.That(log.Requests.Where(r => r.Path == SessionsPath).Select(r => r.Query("statsPeriod").Single()), Is.All.EqualTo("6h"));
        Assert.That(log.Requests.Where(r => r.Path != "/api/0/organizations/acme/releases/" + Version + "/").Select(r => r.Query("environment").SingleOrDefault()), Is.All.EqualTo("production").Or.Null);
        Assert.That(log.Requests.Any(r => r.Path.StartsWith("/api/0/projects/", StringComparison.Ordinal)), Is.False, "no lookup when the previous release is given");
    }

    [Test]
    public async Task A_crash_free_drop_alone_means_watch()
    {
        using var h = new SentryTestHarness();
        Scenario(h, crashFree: 0.97);

        var report = await h.Client.Organization("acme").Releases.GetHealthReportAsync(Version, new ReleaseHealthOptions { NewIssuesThreshold = 10, P95RegressionThreshold = 1 });

        Assert.That(report.Alerts.Single().Kind, Is.EqualTo("crash-free-drop"));
        Assert.That(report.Recommendation, Is.EqualTo(ReleaseHealthRecommendation.Watch));
    }

    [Test]
    public async Task A_release_without_sessions_has_no_data()
    {
        using var h = new SentryTestHarness();
        Scenario(h, sessions: false);

        var report = await h.Client.Organization("acme").Releases.GetHealthReportAsync(Version, new ReleaseHealthOptions { NewIssuesThreshold = 10, P95RegressionThreshold = 1 });

        Assert.That(report.CrashFreeSessions, Is.Null);
        Assert.That(report.Recommendation, Is.EqualTo(ReleaseHealthRecommendation.NoData));
        Assert.That(report.ToString(), Does.Contain("crash-free sessions n/a"));
    }

    [Test]
    public async Task A_measure_Sentry_refuses_is_reported_as_unavailable_not_fatal()
    {
        using var h = new SentryTestHarness();
        Scenario(h, spans: HttpStatusCode.BadRequest);

        var report = await h.Client.Organization("acme").Releases.GetHealthReportAsync(Version);

        Assert.That(report.P95DurationMs, Is.Null);
        Assert.That(report.Problems, Has.Some.EqualTo("p95 transaction duration: Invalid dataset: spans"));
        Assert.That(report.Alerts.Select(a => a.Kind), Does.Not.Contain("p95-regression"));
        Assert.That(report.ToString(), Does.Contain("unavailable: p95 transaction duration: Invalid dataset: spans"));
    }

    [Test]
    public void An_unknown_release_or_a_bad_option_fails_naming_it()
    {
        using var h = new SentryTestHarness();
        var log = new RequestRecorder();
        log.NotFound(h, HttpMethod.Get, "/api/0/organizations/acme/releases/nope-1.0/");
        var releases = h.Client.Organization("acme").Releases;

        var unknown = Assert.ThrowsAsync<ArgumentException>(() => releases.GetHealthReportAsync("nope-1.0"));
        Assert.That(unknown!.Message, Does.Contain("Release 'nope-1.0' does not exist in organization 'acme'"));
        Assert.That(() => releases.GetHealthReportAsync(Version, new ReleaseHealthOptions { CrashFreeThreshold = 95 }), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("CrashFreeThreshold"));
        Assert.That(() => releases.GetHealthReportAsync(Version, new ReleaseHealthOptions { Window = TimeSpan.FromSeconds(30) }), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Window"));
        Assert.That(() => releases.GetHealthReportAsync(""), Throws.ArgumentException);
        Assert.That(log.Requests, Has.Count.EqualTo(1));
    }
}
