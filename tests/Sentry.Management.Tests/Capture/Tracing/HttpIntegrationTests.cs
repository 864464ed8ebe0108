using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sentry.Management.Api;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Tracing;

/// <summary>The outgoing-HTTP integration: breadcrumbs without secrets, child spans, propagation only to the targets, and the library's own calls left alone.</summary>
public class HttpIntegrationTests
{
    private static SentryCaptureOptions Options(params string[] targets)
    {
        var options = TestOptions.Create();
        options.TracesSampleRate = 1;
        options.Integrations.Http.Enabled = true;
        foreach (var target in targets)
        {
            options.TracePropagationTargets.Add(target);
        }

        return options;
    }

    [Test]
    public async Task The_breadcrumbs_duration_is_the_time_the_request_took_on_the_capture_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var options = Options();
        options.TimeProvider = clock;
        await using var capture = new SentryCaptureClient(options, new RecordingHandler());
        var slow = new Sentry.Management.Tests.TestSupport.FuncHandler((_, _) =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(250.04));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        });
        using var http = new HttpClient(new SentryCaptureHttpHandler(capture, slow));

        using var response = await http.GetAsync(new Uri("https://api.example.com/slow"));

        Assert.That(capture.Scope.Breadcrumbs.Single().Data!["duration_ms"], Is.EqualTo("250"));
    }

    [Test]
    public async Task A_request_leaves_a_breadcrumb_without_user_info_or_query_values()
    {
        var transport = new RecordingHandler();
        await using var capture = new SentryCaptureClient(Options(), transport);
        using var http = new HttpClient(new SentryCaptureHttpHandler(capture, new HeaderRecorder(_ => HttpStatusCode.NotFound)));

        using var response = await http.GetAsync(new Uri("https://ann:hunter2@api.example.com/users/42?token=s3cr3t&page=2#frag"));

        var crumb = capture.Scope.Breadcrumbs.Single();
        var values = string.Join(" ", crumb.Data!.Values);
        Assert.Multiple(() =>
        {
            Assert.That((crumb.Category, crumb.Type, crumb.Level), Is.EqualTo(("http", "http", EventLevel.Warning)));
            Assert.That(crumb.Data!["method"], Is.EqualTo("GET"));
            Assert.That(crumb.Data["url"], Is.EqualTo("https://api.example.com/users/42"));
            Assert.That(crumb.Data["http.query"], Is.EqualTo("token=[Filtered]&page=[Filtered]"));
            Assert.That(crumb.Data["status_code"], Is.EqualTo("404"));
            Assert.That(double.Parse(crumb.Data["duration_ms"], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(0));
            Assert.That(values, Does.Not.Contain("s3cr3t").And.Not.Contain("hunter2").And.Not.Contain("ann").And.Not.Contain("frag"));
        });
    }

    [Test]
    public async Task Inside_a_transaction_a_request_is_a_child_span_and_only_targets_get_trace_headers()
    {
        var transport = new RecordingHandler();
        var seen = new HeaderRecorder(r => r.RequestUri!.Host == "fail.example.com" ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        await using var capture = new SentryCaptureClient(Options("localhost", "api.example.com", "^https://.*\\.internal\\.net", "/internal/"), transport);
        using var http = new HttpClient(new SentryCaptureHttpHandler(capture, seen));

        var tx = capture.StartTransaction("GET /checkout", "http.server");
        Assert.That(capture.CurrentSpan, Is.SameAs(tx));
        (await http.GetAsync(new Uri("https://api.example.com/orders?id=1"))).Dispose();
        (await http.GetAsync(new Uri("http://localhost:5000/health"))).Dispose();
        (await http.GetAsync(new Uri("https://billing.internal.net/pay"))).Dispose();
        (await http.GetAsync(new Uri("https://thirdparty.org/track?api.example.com"))).Dispose();
        (await http.GetAsync(new Uri("https://evil.org/?next=https://x.internal.net"))).Dispose();
        (await http.GetAsync(new Uri("https://evil.org/api.example.com/x"))).Dispose();
        (await http.GetAsync(new Uri("https://svc.local/internal/ping"))).Dispose();
        (await http.GetAsync(new Uri("https://fail.example.com/"))).Dispose();
        tx.Finish();
        Assert.That(capture.CurrentSpan, Is.Null, "finishing the transaction restores the flow's previous span");
        Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

        var requests = seen.Requests.ToArray();
        var payload = transport.Items("transaction").Single().Json;
        var spans = payload.GetProperty("spans").EnumerateArray().ToArray();
        var propagated = requests.Where(r => r.Header("sentry-trace") is not null).Select(r => r.Uri.Host).ToArray();
        Assert.Multiple(() =>
        {
            // thirdparty.org and evil.org carry a target only in their query or path: neither is a target host.
            Assert.That(propagated, Is.EqualTo(new[] { "api.example.com", "localhost", "billing.internal.net", "svc.local" }));
            Assert.That(requests.Where(r => r.Header("traceparent") is not null || r.Header("baggage") is not null).Select(r => r.Uri.Host), Is.EqualTo(propagated));
            Assert.That(spans, Has.Length.EqualTo(8));
            Assert.That(spans.Select(s => s.GetProperty("op").GetString()), Is.All.EqualTo("http.client"));
            Assert.That(spans.Select(s => s.GetProperty("parent_span_id").GetString()), Is.All.EqualTo(tx.SpanId));
            Assert.That(spans[0].GetProperty("description").GetString(), Is.EqualTo("GET https://api.example.com/orders"));
            Assert.That(spans[7].GetProperty("status").GetString(), Is.EqualTo("unavailable"));
            var first = requests[0];
            var spanId = spans[0].GetProperty("span_id").GetString();
            Assert.That(first.Header("sentry-trace"), Is.EqualTo($"{tx.TraceId}-{spanId}-1"));
            Assert.That(first.Header("traceparent"), Is.EqualTo($"00-{tx.TraceId}-{spanId}-01"));
            Assert.That(first.Header("baggage"), Does.Contain($"sentry-trace_id={tx.TraceId}").And.Contain("sentry-public_key=abc123def456")
                .And.Contain("sentry-release=app%401.2.3").And.Contain("sentry-environment=test").And.Contain("sentry-sampled=true"));
        });
    }

    [Test]
    public async Task Outside_a_transaction_nothing_is_propagated_and_with_the_integration_off_nothing_is_recorded()
    {
        var seen = new HeaderRecorder();
        await using var capture = new SentryCaptureClient(Options("api.example.com"), new RecordingHandler());
        using var http = new HttpClient(new SentryCaptureHttpHandler(capture, seen));
        (await http.GetAsync(new Uri("https://api.example.com/a"))).Dispose();

        var off = Options("api.example.com");
        off.Integrations.Http.Enabled = false;
        await using var disabled = new SentryCaptureClient(off, new RecordingHandler());
        using var offHttp = new HttpClient(new SentryCaptureHttpHandler(disabled, seen));
        var tx = disabled.StartTransaction("t", "task");
        (await offHttp.GetAsync(new Uri("https://api.example.com/b"))).Dispose();
        tx.Finish();

        Assert.Multiple(() =>
        {
            Assert.That(seen.Requests.Select(r => r.Header("sentry-trace")), Is.All.Null);
            Assert.That(capture.Scope.Breadcrumbs, Has.Count.EqualTo(1));
            Assert.That(disabled.Scope.Breadcrumbs, Is.Empty);
        });
    }

    [Test]
    public async Task Existing_baggage_of_other_vendors_is_kept_and_stale_sentry_members_are_replaced()
    {
        var seen = new HeaderRecorder();
        await using var capture = new SentryCaptureClient(Options("api.example.com"), new RecordingHandler());
        using var http = new HttpClient(new SentryCaptureHttpHandler(capture, seen));
        var tx = capture.StartTransaction("t", "task");
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/");
        request.Headers.TryAddWithoutValidation("baggage", "vendor=1, sentry-trace_id=00000000000000000000000000000001");
        (await http.SendAsync(request)).Dispose();
        tx.Finish();

        var baggage = seen.Requests.Single().Header("baggage")!;
        Assert.That(baggage, Does.StartWith("vendor=1,sentry-trace_id=" + tx.TraceId));
        Assert.That(baggage, Does.Not.Contain("00000000000000000000000000000001"));
    }

    [Test]
    public async Task The_capture_transport_is_never_traced_even_through_a_tracing_handler()
    {
        // The DSN host (o1.ingest.example.com) matches the target: only the mark keeps the envelope request clean.
        var seen = new HeaderRecorder();
        await using var app = new SentryCaptureClient(Options("example.com"), new RecordingHandler());
        await using var sender = new SentryCaptureClient(TestOptions.Create(), new SentryCaptureHttpHandler(app, seen));
        var tx = app.StartTransaction("t", "task");
        sender.CaptureMessage("through a tracing handler");
        Assert.That(await sender.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        tx.Finish();

        Assert.Multiple(() =>
        {
            Assert.That(seen.Requests, Has.Count.EqualTo(1));
            Assert.That(seen.Requests.Single().Header("sentry-trace"), Is.Null);
            Assert.That(app.Scope.Breadcrumbs, Is.Empty);
            Assert.That(tx.SpansSnapshot, Is.Empty);
        });
    }

    [Test]
    public async Task Management_calls_are_never_traced_inside_or_outside_the_pipeline()
    {
        var seen = new HeaderRecorder();
        await using var app = new SentryCaptureClient(Options("sentry.io"), new RecordingHandler());
        var management = new SentryManagementOptions { AuthToken = "fake-fake_token_for_tests", Organization = "acme" };

        // Inside: the tracing handler as the pipeline's primary handler.
        var inside = new SentryManagementClient(management, new SentryCaptureHttpHandler(app, seen));
        // Outside: added to every HttpClient, so it runs before the pipeline's own handlers.
        var services = new ServiceCollection();
        services.AddSingleton(app);
        services.ConfigureHttpClientDefaults(b => b.AddSentryCaptureHandler());
        services.AddSentryManagement(o =>
        {
            o.AuthToken = management.AuthToken;
            o.Organization = "acme";
        }).HttpClient.ConfigurePrimaryHttpMessageHandler(() => seen);
        await using var provider = services.BuildServiceProvider();

        var tx = app.StartTransaction("t", "task");
        _ = await inside.Organization("acme").GetAsync();
        _ = await provider.GetRequiredService<IOrganizationsApi>().GetAsync("acme");
        tx.Finish();

        Assert.Multiple(() =>
        {
            Assert.That(seen.Requests, Has.Count.EqualTo(2));
            Assert.That(seen.Requests.Select(r => r.Header("sentry-trace")), Is.All.Null);
            Assert.That(app.Scope.Breadcrumbs, Is.Empty);
            Assert.That(tx.SpansSnapshot, Is.Empty);
        });
    }
}
