using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using RichardSzalay.MockHttp;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Http;

[NonParallelizable]
public class DiagnosticsTests
{
    [Test]
    public async Task Each_call_is_one_span_named_by_the_route_template_with_status_and_retries()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SentryManagementDefaults.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var h = new SentryTestHarness();
        var calls = 0;
        h.Mock.When(HttpMethod.Get, SentryTestHarness.Url("/api/0/organizations/acme/"))
            .Respond(_ => ++calls == 1 ? new HttpResponseMessage(HttpStatusCode.GatewayTimeout) : SentryTestHarness.Json("""{"slug": "acme"}"""));

        await h.RunAsync(h.Client.Organization("acme").GetAsync(), TimeSpan.FromSeconds(1));

        var span = spans.Single(s => s.OperationName.Contains("/api/0/organizations/", StringComparison.Ordinal));
        Assert.That(span.DisplayName, Is.EqualTo("GET /api/0/organizations/{organization_id_or_slug}/"));
        Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
        Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(200));
        Assert.That(span.GetTagItem("http.request.resend_count"), Is.EqualTo(1));
        Assert.That(span.GetTagItem("url.path"), Is.EqualTo("/api/0/organizations/acme/"));
    }

    [Test]
    public async Task Calls_are_logged_with_method_path_status_and_retries_and_carry_the_user_agent()
    {
        var logs = new ListLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        using var mock = new MockHttpMessageHandler();
        string? userAgent = null;
        mock.When(HttpMethod.Get, SentryTestHarness.Url("/api/0/organizations/acme/"))
            .Respond(req => { userAgent = req.Headers.UserAgent.ToString(); return SentryTestHarness.Json("""{"slug": "acme"}"""); });
        using var client = new SentryManagementClient(
            new SentryManagementOptions { AuthToken = SentryTestHarness.Token, BaseUrl = new Uri(SentryTestHarness.BaseUrl) }, mock, loggerFactory: loggerFactory);

        await client.Organization("acme").GetAsync();

        Assert.That(userAgent, Does.StartWith("Sentry.Management/"));
        Assert.That(logs.Messages, Has.One.Contains("GET /api/0/organizations/acme/ -> 200").And.Contains("0 retries"));
        Assert.That(string.Join("\n", logs.Messages), Does.Not.Contain(SentryTestHarness.Token));
    }
}
