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
        var rand = header.GetProperty("trace").GetProperty("sample_rand").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(rand, Does.Match(@"^0(\.\d{1,6})?$"), "a float in [0, 1), at most six decimals");
            Assert.That(header.GetProperty("trace").GetRawText(), Is.EqualTo(
                $$"""{"trace_id":"{{traceId}}","public_key":"abc123def456","release":"app@1.2.3","environment":"test","transaction":"checkout","sample_rate":"1","sampled":"true","sample_rand":"{{rand}}"}"""));
            Assert.That(seen.Requests.Single().Header("baggage"), Is.EqualTo(
                $"sentry-trace_id={traceId},sentry-public_key=abc123def456,sentry-release=app%401.2.3,sentry-environment=test,sentry-transaction=checkout,sentry-sample_rate=1,sentry-sampled=true,sentry-sample_rand={rand}"));
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
        var rand = header.GetProperty("trace").GetProperty("sample_rand").GetString();
        Assert.That(header.GetProperty("trace").GetRawText(), Is.EqualTo(
            $$"""{"trace_id":"{{UpstreamTraceId}}","public_key":"abc123def456","transaction":"name","sample_rate":"1","sampled":"true","sample_rand":"{{rand}}"}"""));
    }

    [Test]
    public async Task The_head_decides_by_its_sample_rand_and_every_outgoing_call_says_which()
    {
        var options = Options();
        options.TracesSampleRate = 0.5;
        var seen = new HeaderRecorder();
        await using (var capture = new SentryCaptureClient(options, new RecordingHandler()))
        {
            using var http = new HttpClient(new SentryCaptureHttpHandler(capture, seen));
            for (var i = 0; i < 400; i++)
            {
                var tx = capture.StartTransaction("checkout", "task");
                (await http.GetAsync(new Uri("https://api.example.com/orders"))).Dispose();
                tx.Finish();
            }
        }

        var decisions = seen.Requests.Select(r => Members(r.Header("baggage")!)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(decisions, Has.Count.EqualTo(400));
            foreach (var members in decisions)
            {
                var rand = double.Parse(members["sample_rand"], System.Globalization.CultureInfo.InvariantCulture);
                Assert.That(rand, Is.GreaterThanOrEqualTo(0).And.LessThan(1));
                Assert.That(members["sampled"], Is.EqualTo(rand < 0.5 ? "true" : "false"), $"sample_rand {rand} at rate 0.5");
            }

            // Both decisions occur (400 draws at 0.5: all one way has odds of 2^-399).
            Assert.That(decisions.Select(m => m["sampled"]).Distinct().Count(), Is.EqualTo(2));
        });
    }

    [TestCase(true, 0.0, 0.25)]
    [TestCase(false, 0.25, 1.0)]
    public async Task An_upstream_context_without_sample_rand_gets_one_that_agrees_with_the_upstream_decision(bool sampled, double from, double below)
    {
        const string Baggage = "sentry-trace_id=771a43a4192642f0b136d5159a501700,sentry-public_key=49d0f7386ad645858ae85020e393bef3,sentry-sample_rate=0.25,sentry-sampled=";
        var upstream = Baggage + (sampled ? "true" : "false");
        var seen = new HeaderRecorder();
        var sink = new RecordingHandler();
        await using (var capture = new SentryCaptureClient(Options(), sink))
        {
            using var http = new HttpClient(new SentryCaptureHttpHandler(capture, seen));
            var tx = capture.ContinueTrace(UpstreamTraceId + "-b7ad6b7169203331-" + (sampled ? "1" : "0"), upstream, "name", "task");
            Assert.That(tx.IsSampled, Is.EqualTo(sampled), "the upstream decision is kept");
            (await http.GetAsync(new Uri("https://api.example.com/stock"))).Dispose();
            tx.Finish();
            Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        var baggage = seen.Requests.Single().Header("baggage")!;
        var rand = Members(baggage)["sample_rand"];
        Assert.Multiple(() =>
        {
            // The upstream members unchanged, the new value appended: propagated from here on.
            Assert.That(baggage, Is.EqualTo($"{upstream},sentry-sample_rand={rand}"));
            Assert.That(double.Parse(rand, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(from).And.LessThan(below));
        });
        if (sampled)
        {
            var header = sink.Envelopes.Single(e => e.Items.Any(i => i.Type == "transaction")).Header;
            Assert.That(header.GetProperty("trace").GetProperty("sample_rand").GetString(), Is.EqualTo(rand));
        }
    }

    [TestCase("0.1", true)]
    [TestCase("0.9", false)]
    public async Task Without_an_upstream_decision_the_upstream_sample_rand_decides_at_this_services_rate(string upstreamRand, bool expected)
    {
        var options = Options();
        options.TracesSampleRate = 0.5;
        await using var capture = new SentryCaptureClient(options, new RecordingHandler());

        // sentry-trace without the sampled flag: deferred; the trace's random value is the upstream one.
        var tx = capture.ContinueTrace(UpstreamTraceId + "-b7ad6b7169203331", $"sentry-trace_id={UpstreamTraceId},sentry-sample_rand={upstreamRand}", "name", "task");
        Assert.That(tx.IsSampled, Is.EqualTo(expected));
        tx.Finish();
    }

    [Test]
    public async Task The_same_trace_gets_the_same_sample_rand_in_every_process()
    {
        async Task<string> RandAsync()
        {
            await using var capture = new SentryCaptureClient(Options(), new RecordingHandler());
            var tx = capture.ContinueTrace(UpstreamTraceId + "-b7ad6b7169203331", null, "name", "task");
            var dsc = Members(tx.SamplingContext(capture.Options, "abc123def456").Baggage);
            tx.Finish();
            return dsc["sample_rand"];
        }

        var first = await RandAsync();
        var second = await RandAsync();
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Sample_rand_from_trace_ids_is_uniform_in_the_unit_interval()
    {
        var values = Enumerable.Range(0, 20_000).Select(i => Sentry.Management.Capture.Tracing.SampleRand.FromTraceId(Guid.NewGuid().ToString("N"))).ToList();
        var sequential = Enumerable.Range(0, 20_000).Select(i => Sentry.Management.Capture.Tracing.SampleRand.FromTraceId(i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Multiple(() =>
        {
            foreach (var set in new[] { values, sequential })
            {
                Assert.That(set.Min(), Is.GreaterThanOrEqualTo(0.0));
                Assert.That(set.Max(), Is.LessThan(1.0));
                Assert.That(set.Average(), Is.EqualTo(0.5).Within(0.01));
                Assert.That(set.Count(v => v < 0.1) / (double)set.Count, Is.EqualTo(0.1).Within(0.01), "the lowest tenth");
            }

            Assert.That(Sentry.Management.Capture.Tracing.SampleRand.Format(0.9999999), Is.EqualTo("0.999999"), "cut, never rounded up to 1");
        });
    }

    private static Dictionary<string, string> Members(string baggage) =>
        baggage.Split(',').Select(m => m.Split('=', 2)).ToDictionary(p => p[0]["sentry-".Length..], p => Uri.UnescapeDataString(p[1]));

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
