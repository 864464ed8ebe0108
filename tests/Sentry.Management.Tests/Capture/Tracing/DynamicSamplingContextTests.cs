using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Tracing;

/// <summary>
/// The envelope header <c>trace</c> (Sentry's dynamic sampling context) on transactions and on errors inside them,
/// and the same context in outgoing <c>baggage</c>: built here when this service heads the trace, frozen as it came
/// when the trace was continued from upstream baggage.
/// </summary>
public class DynamicSamplingContextTests
{
    private const string UpstreamTraceId = "771a43a4192642f0b136d5159a501700";
    private const string UpstreamSentryTrace = UpstreamTraceId + "-b7ad6b7169203331-1";

    // Another vendor's member, an escaped value and a ;property: the DSC is the sentry- members, decoded.
    private const string UpstreamBaggage =
        "other=x,sentry-trace_id=771a43a4192642f0b136d5159a501700,sentry-public_key=49d0f7386ad645858ae85020e393bef3,"
        + "sentry-release=web%401.0,sentry-environment=prod,sentry-transaction=GET%20%2Fcart,sentry-sample_rate=0.25,"
        + "sentry-sampled=true,sentry-sample_rand=0.123456;prop=1";

    private static SentryCaptureOptions Options()
    {
        var options = TestOptions.Create();
        options.TracesSampleRate = 1;
        options.Integrations.Http.Enabled = true;
        options.TracePropagationTargets.Add("api.example.com");
        return options;
    }

    [Test]
    public async Task A_transaction_that_heads_its_trace_carries_its_own_context_and_so_does_its_baggage()
    {
        var sink = new RecordingHandler();
        var seen = new HeaderRecorder();
        string traceId;
        await using (var capture = new SentryCaptureClient(Options(), sink))
        {
            using var http = new HttpClient(new SentryCaptureHttpHandler(capture, seen));
            var tx = capture.StartTransaction("checkout", "task");
            (await http.GetAsync(new Uri("https://api.example.com/orders"))).Dispose();
            tx.Finish();
            traceId = tx.TraceId;
            Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        var header = sink.Envelopes.Single(e => e.Items.Any(i => i.Type == "transaction")).Header;
        Assert.Multiple(() =>
        {
            Assert.That(header.GetProperty("trace").GetRawText(), Is.EqualTo(
                $$"""{"trace_id":"{{traceId}}","public_key":"abc123def456","release":"app@1.2.3","environment":"test","transaction":"checkout","sample_rate":"1","sampled":"true"}"""));
            Assert.That(seen.Requests.Single().Header("baggage"), Is.EqualTo(
                $"sentry-trace_id={traceId},sentry-public_key=abc123def456,sentry-release=app%401.2.3,sentry-environment=test,sentry-transaction=checkout,sentry-sample_rate=1,sentry-sampled=true"));
        });
    }

    [Test]
    public async Task A_continued_trace_keeps_the_upstream_context_in_envelopes_and_outgoing_baggage()
    {
        var sink = new RecordingHandler();
        var seen = new HeaderRecorder();
        await using (var capture = new SentryCaptureClient(Options(), sink))
        {
            using var http = new HttpClient(new SentryCaptureHttpHandler(capture, seen));
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["sentry-trace"] = UpstreamSentryTrace, ["baggage"] = UpstreamBaggage };
            var tx = capture.ContinueHttpTrace("GET", "/orders/42", name => headers.GetValueOrDefault(name));
            (await http.GetAsync(new Uri("https://api.example.com/stock"))).Dispose();
            capture.Message("inside").Span(tx).Capture();
            tx.Finish();
            Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        const string Frozen =
            """{"trace_id":"771a43a4192642f0b136d5159a501700","public_key":"49d0f7386ad645858ae85020e393bef3","release":"web@1.0","environment":"prod","transaction":"GET /cart","sample_rate":"0.25","sampled":"true","sample_rand":"0.123456"}""";
        var transaction = sink.Envelopes.Single(e => e.Items.Any(i => i.Type == "transaction")).Header;
        var error = sink.Envelopes.Single(e => e.Items.Any(i => i.Type == "event")).Header;
        Assert.Multiple(() =>
        {
            Assert.That(transaction.GetProperty("trace").GetRawText(), Is.EqualTo(Frozen));
            Assert.That(error.GetProperty("trace").GetRawText(), Is.EqualTo(Frozen));

            // Forwarded as it came (only the sentry- members: other vendors add their own).
            Assert.That(seen.Requests.Single().Header("baggage"), Is.EqualTo(UpstreamBaggage["other=x,".Length..]));
        });
    }

    [Test]
    public async Task An_error_captured_inside_a_transaction_joins_its_trace_without_being_linked()
    {
        var sink = new RecordingHandler();
        string traceId;
        await using (var capture = new SentryCaptureClient(Options(), sink))
        {
            var tx = capture.StartTransaction("checkout", "task");
            traceId = tx.TraceId;
            await Task.Yield(); // The current span flows through awaits.
            capture.CaptureException(new InvalidOperationException("inside"));
            tx.Finish();
            capture.CaptureMessage("after the transaction");
            Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        var errors = sink.Envelopes.Where(e => e.Items.Any(i => i.Type == "event")).ToList();
        var inside = errors.Single(e => e.Items[0].Json.TryGetProperty("exception", out _));
        var after = errors.Single(e => !e.Items[0].Json.TryGetProperty("exception", out _));
        Assert.Multiple(() =>
        {
            Assert.That(inside.Header.GetProperty("trace").GetProperty("trace_id").GetString(), Is.EqualTo(traceId));
            Assert.That(inside.Items[0].Json.GetProperty("contexts").GetProperty("trace").GetProperty("trace_id").GetString(), Is.EqualTo(traceId));
            Assert.That(after.Header.TryGetProperty("trace", out _), Is.False, "the transaction had finished");
        });
    }

    [Test]
    public async Task A_continued_trace_without_upstream_sentry_baggage_has_this_service_as_its_head()
    {
        var sink = new RecordingHandler();
        var options = Options();
        options.Release = null;
        options.Environment = null;
        await using (var capture = new SentryCaptureClient(options, sink))
        {
            // Only another vendor's members: the upstream service had no Sentry SDK to decide the DSC.
            var tx = capture.ContinueTrace(UpstreamSentryTrace, "other=x,sentry-=y,sentry-novalue", "name", "task");
            tx.Finish();
            Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        var header = sink.Envelopes.Single(e => e.Items.Any(i => i.Type == "transaction")).Header;
        Assert.That(header.GetProperty("trace").GetRawText(), Is.EqualTo(
            $$"""{"trace_id":"{{UpstreamTraceId}}","public_key":"abc123def456","transaction":"name","sample_rate":"1","sampled":"true"}"""));
    }

    [Test]
    public async Task Envelopes_outside_a_trace_have_no_trace_header()
    {
        var sink = new RecordingHandler();
        await using (var capture = new SentryCaptureClient(Options(), sink))
        {
            capture.CaptureMessage("alone");
            Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        var header = sink.Envelopes.Single(e => e.Items.Any(i => i.Type == "event")).Header;
        Assert.That(header.TryGetProperty("trace", out _), Is.False);
    }
}
