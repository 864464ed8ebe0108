using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Tracing;

/// <summary>Continuing a trace from incoming headers: ids, the upstream sampling decision, forwarded baggage, and a new trace for bad headers.</summary>
public class IncomingTraceTests
{
    private const string TraceId = "771a43a4192642f0b136d5159a501700";
    private const string SpanId = "b0e6f15b45c36b12";

    [Test]
    public async Task A_valid_sentry_trace_header_is_continued_with_its_sampling_decision_and_baggage()
    {
        var transport = new RecordingHandler();
        var options = TestOptions.Create();
        options.TracesSampleRate = 0; // The upstream decision wins over the local rate.
        await using var capture = new SentryCaptureClient(options, transport);

        var tx = capture.ContinueTrace($"{TraceId}-{SpanId}-1", "other=x, sentry-trace_id=" + TraceId + ",sentry-public_key=up", "GET /users/{id}", "http.server");
        tx.Finish();
        Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

        var trace = transport.Items("transaction").Single().Json.GetProperty("contexts").GetProperty("trace");
        Assert.Multiple(() =>
        {
            Assert.That((tx.TraceId, tx.ParentSpanId, tx.IsSampled), Is.EqualTo((TraceId, SpanId, true)));
            Assert.That(tx.UpstreamContext?.Baggage, Is.EqualTo($"sentry-trace_id={TraceId},sentry-public_key=up"));
            Assert.That(trace.GetProperty("trace_id").GetString(), Is.EqualTo(TraceId));
            Assert.That(trace.GetProperty("parent_span_id").GetString(), Is.EqualTo(SpanId));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not-a-trace")]
    [TestCase("771a43a4192642f0b136d5159a50170-b0e6f15b45c36b12")]
    [TestCase("771a43a4192642f0b136d5159a501700-b0e6f15b45c36b12-2")]
    [TestCase("00000000000000000000000000000000-b0e6f15b45c36b12-1")]
    [TestCase("771a43a4192642f0b136d5159a50170z-b0e6f15b45c36b12-1")]
    public async Task A_missing_or_malformed_header_starts_a_new_trace(string? header)
    {
        await using var capture = new SentryCaptureClient(TestOptions.Create(), new RecordingHandler());
        var tx = capture.ContinueTrace(header, null, "job", "task");
        tx.Finish();
        Assert.That((tx.TraceId, tx.ParentSpanId), Is.Not.EqualTo((TraceId, SpanId)));
        Assert.That(tx.ParentSpanId, Is.Null);
        Assert.That(tx.TraceId, Has.Length.EqualTo(32));
    }

    [Test]
    public async Task The_http_helper_names_the_route_and_falls_back_to_traceparent()
    {
        var transport = new RecordingHandler();
        await using var capture = new SentryCaptureClient(TestOptions.Create(), transport);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["traceparent"] = $"00-{TraceId}-{SpanId}-01" };

        var tx = capture.ContinueHttpTrace("post", "/carts/991/items?coupon=SECRET", headers.GetValueOrDefault);
        Assert.That(capture.CurrentSpan, Is.SameAs(tx));
        tx.Finish(TraceSpanStatus.FromHttpStatus(201));
        Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

        var payload = transport.Items("transaction").Single().Json;
        Assert.Multiple(() =>
        {
            Assert.That(payload.GetProperty("transaction").GetString(), Is.EqualTo("POST /carts/{id}/items"));
            Assert.That(payload.GetProperty("transaction_info").GetProperty("source").GetString(), Is.EqualTo("route"));
            Assert.That(payload.GetProperty("contexts").GetProperty("trace").GetProperty("op").GetString(), Is.EqualTo("http.server"));
            Assert.That((tx.TraceId, tx.ParentSpanId, tx.IsSampled), Is.EqualTo((TraceId, SpanId, true)));
        });
    }

    [Test]
    public async Task Outgoing_calls_of_a_continued_trace_forward_the_upstream_baggage()
    {
        var seen = new HeaderRecorder();
        var options = TestOptions.Create();
        options.Integrations.Http.Enabled = true;
        options.TracePropagationTargets.Add("downstream");
        await using var capture = new SentryCaptureClient(options, new RecordingHandler());
        using var http = new HttpClient(new SentryCaptureHttpHandler(capture, seen));

        var tx = capture.ContinueTrace($"{TraceId}-{SpanId}-0", "sentry-trace_id=" + TraceId + ",sentry-sampled=false", "job", "task");
        (await http.GetAsync(new Uri("http://downstream/x"))).Dispose();
        tx.Finish();

        var request = seen.Requests.Single();
        Assert.That(request.Header("sentry-trace"), Does.StartWith(TraceId + "-").And.EndWith("-0"));
        // Unchanged but for the trace's sample_rand, which upstream did not send: made here, propagated from here on.
        Assert.That(request.Header("baggage"), Does.Match($@"^sentry-trace_id={TraceId},sentry-sampled=false,sentry-sample_rand=0(\.\d{{1,6}})?$"));
    }
}
