using System.Text;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Protocol;

/// <summary>Checks the bytes on the wire against Sentry's documented envelope format.</summary>
public class EnvelopeFormatTests
{
    private static async Task<RecordingHandler> CaptureAsync(Action<SentryCaptureClient> capture, Action<SentryCaptureOptions>? configure = null)
    {
        var handler = new RecordingHandler();
        var options = TestOptions.Create();
        configure?.Invoke(options);
        await using (var client = new SentryCaptureClient(options, handler))
        {
            capture(client);
            Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        return handler;
    }

    [Test]
    public async Task Event_envelope_has_header_auth_and_exact_item_length()
    {
        Guid id = default;
        var handler = await CaptureAsync(c => id = c.CaptureException(Thrown.By(() => throw new InvalidOperationException("boom"))));

        var request = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Uri.ToString(), Is.EqualTo("https://o1.ingest.example.com/api/42/envelope/"));
            Assert.That(request.ContentType, Is.EqualTo("application/x-sentry-envelope"));
            Assert.That(request.Gzipped, Is.True);
            Assert.That(request.Auth, Does.StartWith("Sentry sentry_version=7, sentry_client=sentry.dotnet.management/"));
            Assert.That(request.Auth, Does.EndWith("sentry_key=abc123def456"));
        });

        var raw = ParsedEnvelope.Gunzip(request.Body);
        var lines = Encoding.UTF8.GetString(raw).Split('\n');
        Assert.That(lines, Has.Length.EqualTo(4), "header, item header, payload and the trailing newline");
        var envelope = request.Envelope;
        var item = envelope.Items.Single();
        Assert.Multiple(() =>
        {
            Assert.That(envelope.Header.GetProperty("event_id").GetString(), Is.EqualTo(id.ToString("N")));
            Assert.That(envelope.Header.TryGetProperty("dsn", out _), Is.False, "the key travels in X-Sentry-Auth; a dsn header is for tunnels");
            Assert.That(envelope.Header.GetProperty("sent_at").GetDateTimeOffset().Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(envelope.Header.GetProperty("sent_at").GetString(), Does.EndWith("Z"), "RFC 3339 in UTC, as Sentry's SDKs write it");
            Assert.That(envelope.Header.GetProperty("sdk").GetProperty("name").GetString(), Is.EqualTo("sentry.dotnet.management"));
            Assert.That(item.Type, Is.EqualTo("event"));
            Assert.That(item.Header.GetProperty("length").GetInt32(), Is.EqualTo(Encoding.UTF8.GetByteCount(lines[2])));
            Assert.That(item.Json.GetProperty("event_id").GetString(), Is.EqualTo(id.ToString("N")));
            Assert.That(item.Json.GetProperty("release").GetString(), Is.EqualTo("app@1.2.3"));
            Assert.That(item.Json.GetProperty("environment").GetString(), Is.EqualTo("test"));
            Assert.That(item.Json.GetProperty("level").GetString(), Is.EqualTo("error"));
            Assert.That(item.Json.GetProperty("platform").GetString(), Is.EqualTo("csharp"));
        });
    }

    [Test]
    public async Task A_legacy_secret_goes_only_into_the_auth_header()
    {
        var handler = new RecordingHandler();
        await using (var client = new SentryCaptureClient(TestOptions.Create("https://pubkey:verysecret@o1.ingest.example.com/42"), handler))
        {
            client.CaptureMessage("m");
            await client.FlushAsync(TimeSpan.FromSeconds(10));
            Assert.That(client.Dsn.ToString(), Does.Not.Contain("verysecret"));
        }

        var request = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Auth, Does.Contain("sentry_key=pubkey").And.Contain("sentry_secret=verysecret"));
            Assert.That(System.Text.Encoding.UTF8.GetString(ParsedEnvelope.Gunzip(request.Body)), Does.Not.Contain("verysecret"));
        });
    }

    [Test]
    public async Task Exception_chain_is_linked_with_mechanism_ids()
    {
        var aggregate = Thrown.By(() => throw new AggregateException(
            "many",
            Thrown.By(() => throw new InvalidOperationException("first", Thrown.By(() => throw new TimeoutException("deep")))),
            Thrown.By(() => throw new ArgumentException("second"))));
        var handler = await CaptureAsync(c => c.CaptureException(aggregate));

        var values = handler.Items("event").Single().Json.GetProperty("exception").GetProperty("values").EnumerateArray().ToList();
        Assert.That(values, Has.Count.EqualTo(4));
        var byType = values.ToDictionary(v => v.GetProperty("type").GetString()!);
        var root = byType["System.AggregateException"].GetProperty("mechanism");
        var first = byType["System.InvalidOperationException"].GetProperty("mechanism");
        var deep = byType["System.TimeoutException"].GetProperty("mechanism");
        var second = byType["System.ArgumentException"].GetProperty("mechanism");
        Assert.Multiple(() =>
        {
            Assert.That(values[^1].GetProperty("type").GetString(), Is.EqualTo("System.AggregateException"), "outermost last");
            Assert.That(root.GetProperty("exception_id").GetInt32(), Is.Zero);
            Assert.That(root.GetProperty("is_exception_group").GetBoolean(), Is.True);
            Assert.That(root.TryGetProperty("parent_id", out _), Is.False);
            Assert.That(first.GetProperty("parent_id").GetInt32(), Is.Zero);
            Assert.That(first.GetProperty("source").GetString(), Is.EqualTo("InnerExceptions[0]"));
            Assert.That(second.GetProperty("parent_id").GetInt32(), Is.Zero);
            Assert.That(second.GetProperty("source").GetString(), Is.EqualTo("InnerExceptions[1]"));
            Assert.That(deep.GetProperty("parent_id").GetInt32(), Is.EqualTo(first.GetProperty("exception_id").GetInt32()));
            Assert.That(deep.GetProperty("source").GetString(), Is.EqualTo("InnerException"));
            Assert.That(deep.GetProperty("type").GetString(), Is.EqualTo("chained"));
        });
    }

    [Test]
    public async Task Stack_frames_have_function_module_file_line_and_in_app()
    {
        var handler = await CaptureAsync(
            c => c.CaptureException(Thrown.By(() => throw new InvalidOperationException("boom"))),
            o => o.InAppExclude.Add("Sentry.Management.Tests.Capture.Protocol.EnvelopeFormatTests"));

        var frames = handler.Items("event").Single().Json.GetProperty("exception").GetProperty("values")[0]
            .GetProperty("stacktrace").GetProperty("frames").EnumerateArray().ToList();
        var own = frames.First(f => f.GetProperty("function").GetString()!.Contains("Thrown_lambda") || f.GetProperty("module").GetString()!.Contains("EnvelopeFormatTests"));
        Assert.Multiple(() =>
        {
            Assert.That(frames, Is.Not.Empty);
            Assert.That(own.GetProperty("module").GetString(), Does.StartWith("Sentry.Management.Tests.Capture.Protocol.EnvelopeFormatTests"));
            Assert.That(own.GetProperty("filename").GetString(), Is.EqualTo("EnvelopeFormatTests.cs"));
            Assert.That(own.GetProperty("lineno").GetInt32(), Is.GreaterThan(0));
            // Only in_app: true is written; Sentry reads a missing flag as not in-app.
            Assert.That(own.TryGetProperty("in_app", out var inApp) && inApp.GetBoolean(), Is.False, "excluded by prefix");
        });
    }

    [Test]
    public async Task Frames_remembered_from_an_earlier_event_are_written_the_same_and_lines_stay_per_throw_site()
    {
        var handler = await CaptureAsync(c =>
        {
            c.CaptureException(ThrowAt(0));
            c.CaptureException(ThrowAt(0)); // Same trace: every frame comes from the cache.
            c.CaptureException(ThrowAt(1)); // Same method, another line.
        });

        var traces = handler.Items("event")
            .Select(i => i.Json.GetProperty("exception").GetProperty("values")[0].GetProperty("stacktrace").GetProperty("frames"))
            .OrderBy(f => f.GetArrayLength())
            .Select(f => f.EnumerateArray().Select(x => x.GetRawText()).ToList())
            .ToList();
        var own = traces.Select(t => t.Last(f => f.Contains("\"function\":\"ThrowSite\"", StringComparison.Ordinal))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(traces, Has.Count.EqualTo(3));
            Assert.That(own.Count(f => f.Contains("\"lineno\"", StringComparison.Ordinal) && f.Contains("\"filename\":\"EnvelopeFormatTests.cs\"", StringComparison.Ordinal)), Is.EqualTo(3));
            Assert.That(own.Distinct().Count(), Is.EqualTo(2), "two throw sites, two lines; the repeated site is written identically");
        });
    }

    private static Exception ThrowAt(int site) => Thrown.By(() => ThrowSite(site));

    private static void ThrowSite(int site)
    {
        if (site == 0)
        {
            throw new InvalidOperationException("site 0");
        }

        throw new InvalidOperationException("site 1");
    }

    [Test]
    public async Task Event_carries_scope_and_event_data_with_fingerprint()
    {
        var handler = await CaptureAsync(c =>
        {
            c.Scope.SetTag("region", "eu");
            c.Scope.SetExtra("scope-extra", 1);
            c.Scope.SetUser(new CaptureUser { Id = "42", Email = "a@b.c", IpAddress = "1.2.3.4" });
            c.Scope.SetContext("app", new Dictionary<string, object?> { ["name"] = "shop" });
            for (var i = 0; i < 5; i++)
            {
                c.Scope.AddBreadcrumb($"step {i}", "nav");
            }

            c.CaptureMessage("hello", EventLevel.Warning, e =>
            {
                e.Tags["tenant"] = "a";
                e.Extra["order"] = new Dictionary<string, object?> { ["id"] = 7, ["items"] = new[] { "x", "y" } };
                e.Fingerprint = ["{{ default }}", "tenant-a"];
            });
        }, o => { o.MaxBreadcrumbs = 3; o.ServerName = "web-1"; });

        var json = handler.Items("event").Single().Json;
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("message").GetProperty("formatted").GetString(), Is.EqualTo("hello"));
            Assert.That(json.GetProperty("level").GetString(), Is.EqualTo("warning"));
            Assert.That(json.GetProperty("server_name").GetString(), Is.EqualTo("web-1"));
            Assert.That(json.GetProperty("tags").GetProperty("region").GetString(), Is.EqualTo("eu"));
            Assert.That(json.GetProperty("tags").GetProperty("tenant").GetString(), Is.EqualTo("a"));
            Assert.That(json.GetProperty("extra").GetProperty("scope-extra").GetInt32(), Is.EqualTo(1));
            Assert.That(json.GetProperty("extra").GetProperty("order").GetProperty("items")[1].GetString(), Is.EqualTo("y"));
            Assert.That(json.GetProperty("user").GetProperty("id").GetString(), Is.EqualTo("42"));
            Assert.That(json.GetProperty("user").TryGetProperty("email", out _), Is.False, "SendDefaultPii is off");
            Assert.That(json.GetProperty("user").TryGetProperty("ip_address", out _), Is.False, "SendDefaultPii is off");
            Assert.That(json.GetProperty("contexts").GetProperty("app").GetProperty("name").GetString(), Is.EqualTo("shop"));
            Assert.That(json.GetProperty("fingerprint").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "{{ default }}", "tenant-a" }));
            var crumbs = json.GetProperty("breadcrumbs").GetProperty("values").EnumerateArray().Select(b => b.GetProperty("message").GetString()).ToList();
            Assert.That(crumbs, Is.EqualTo(new[] { "step 2", "step 3", "step 4" }), "bounded, oldest dropped");
        });
    }

    [Test]
    public async Task An_error_inside_a_span_is_linked_to_its_trace()
    {
        string traceId = "", spanId = "";
        var handler = await CaptureAsync(c =>
        {
            var tx = c.StartTransaction("job", "task");
            var step = tx.StartChild("step");
            (traceId, spanId) = (step.TraceId, step.SpanId);
            c.CaptureException(Thrown.By(() => throw new InvalidOperationException("in a span")), e => e.Span = step);
            step.Finish(TraceSpanStatus.InternalError);
            tx.Finish(TraceSpanStatus.InternalError);
        }, o => o.TracesSampleRate = 1);

        var trace = handler.Items("event").Single().Json.GetProperty("contexts").GetProperty("trace");
        Assert.Multiple(() =>
        {
            Assert.That(trace.GetProperty("trace_id").GetString(), Is.EqualTo(traceId));
            Assert.That(trace.GetProperty("span_id").GetString(), Is.EqualTo(spanId));
            Assert.That(trace.GetProperty("op").GetString(), Is.EqualTo("step"));
            Assert.That(handler.Items("transaction").Single().Json.GetProperty("contexts").GetProperty("trace").GetProperty("trace_id").GetString(), Is.EqualTo(traceId));
        });
    }

    [Test]
    public async Task Transaction_has_trace_context_and_spans()
    {
        var handler = await CaptureAsync(c =>
        {
            var tx = c.StartTransaction("GET /orders", "http.server");
            tx.SetTag("route", "orders");
            var db = tx.StartChild("db.query", "SELECT 1");
            db.SetTag("db", "main");
            var nested = db.StartChild("db.connect");
            nested.Finish();
            db.Finish(TraceSpanStatus.InternalError);
            tx.Finish();
        }, o => o.TracesSampleRate = 1);

        var item = handler.Items("transaction").Single();
        var json = item.Json;
        var trace = json.GetProperty("contexts").GetProperty("trace");
        var spans = json.GetProperty("spans").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("type").GetString(), Is.EqualTo("transaction"));
            Assert.That(json.GetProperty("transaction").GetString(), Is.EqualTo("GET /orders"));
            Assert.That(json.GetProperty("start_timestamp").GetDouble(), Is.LessThanOrEqualTo(json.GetProperty("timestamp").GetDouble()));
            Assert.That(trace.GetProperty("trace_id").GetString(), Has.Length.EqualTo(32));
            Assert.That(trace.GetProperty("span_id").GetString(), Has.Length.EqualTo(16));
            Assert.That(trace.GetProperty("op").GetString(), Is.EqualTo("http.server"));
            Assert.That(trace.GetProperty("status").GetString(), Is.EqualTo("ok"));
            Assert.That(json.GetProperty("tags").GetProperty("route").GetString(), Is.EqualTo("orders"));
            Assert.That(spans, Has.Count.EqualTo(2));
            var db = spans.Single(s => s.GetProperty("op").GetString() == "db.query");
            var connect = spans.Single(s => s.GetProperty("op").GetString() == "db.connect");
            Assert.That(db.GetProperty("parent_span_id").GetString(), Is.EqualTo(trace.GetProperty("span_id").GetString()));
            Assert.That(connect.GetProperty("parent_span_id").GetString(), Is.EqualTo(db.GetProperty("span_id").GetString()));
            Assert.That(db.GetProperty("description").GetString(), Is.EqualTo("SELECT 1"));
            Assert.That(db.GetProperty("status").GetString(), Is.EqualTo("internal_error"));
            Assert.That(db.GetProperty("tags").GetProperty("db").GetString(), Is.EqualTo("main"));
            Assert.That(db.GetProperty("trace_id").GetString(), Is.EqualTo(trace.GetProperty("trace_id").GetString()));
        });
    }

    [Test]
    public async Task Metrics_queued_while_the_sender_is_busy_are_batched_into_one_trace_metric_item()
    {
        var release = new TaskCompletionSource();
        var firstRequest = new TaskCompletionSource();
        var handler = new RecordingHandler(_ =>
        {
            firstRequest.TrySetResult();
            release.Task.Wait(TimeSpan.FromSeconds(10)); // Holds the only worker so the metrics queue up behind it.
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        });
        var options = TestOptions.Create();
        options.MaxConcurrentSends = 1;
        await using (var client = new SentryCaptureClient(options, handler))
        {
            client.CaptureMessage("keeps the worker busy");
            await firstRequest.Task;
            client.IncrementCounter("orders.created", 2, "none", new Dictionary<string, string> { ["region"] = "eu" });
            client.SetGauge("queue.depth", 17, "none");
            client.RecordDistribution("http.latency", 12.5, "millisecond");
            release.SetResult();
            Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        var item = handler.Items("trace_metric").Single();
        var all = item.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(item.Header.GetProperty("item_count").GetInt32(), Is.EqualTo(3));
            Assert.That(item.Header.GetProperty("content_type").GetString(), Is.EqualTo("application/vnd.sentry.items.trace-metric+json"));
            Assert.That(all.Select(m => m.GetProperty("type").GetString()), Is.EquivalentTo(new[] { "counter", "gauge", "distribution" }));
            var counter = all.Single(m => m.GetProperty("name").GetString() == "orders.created");
            Assert.That(counter.GetProperty("value").GetDouble(), Is.EqualTo(2));
            Assert.That(counter.GetProperty("unit").GetString(), Is.EqualTo("none"));
            Assert.That(counter.GetProperty("trace_id").GetString(), Has.Length.EqualTo(32));
            Assert.That(counter.GetProperty("attributes").GetProperty("region").GetProperty("value").GetString(), Is.EqualTo("eu"));
            Assert.That(counter.GetProperty("attributes").GetProperty("sentry.release").GetProperty("value").GetString(), Is.EqualTo("app@1.2.3"));
        });
    }

    [Test]
    public async Task Discards_are_sent_as_a_client_report()
    {
        var handler = await CaptureAsync(c => c.CaptureMessage("dropped"), o => o.SampleRate = 0);

        var report = handler.Items("client_report").Single().Json;
        var line = report.GetProperty("discarded_events").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(handler.Items("event"), Is.Empty);
            Assert.That(line.GetProperty("reason").GetString(), Is.EqualTo("sample_rate"));
            Assert.That(line.GetProperty("category").GetString(), Is.EqualTo("error"));
            Assert.That(line.GetProperty("quantity").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Uncompressed_when_compression_is_off()
    {
        var handler = await CaptureAsync(c => c.CaptureMessage("plain"), o => o.Compression = System.IO.Compression.CompressionLevel.NoCompression);

        var request = handler.Requests.Single();
        Assert.That(request.Gzipped, Is.False);
        Assert.That(request.Envelope.Items.Single().Json.GetProperty("message").GetProperty("formatted").GetString(), Is.EqualTo("plain"));
    }

    [Test]
    public async Task Async_frames_show_the_method_that_was_written()
    {
        Exception? thrown = null;
        try
        {
            await FailLaterAsync();
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        var handler = await CaptureAsync(c => c.CaptureException(thrown));

        var frames = handler.Items("event").Single().Json.GetProperty("exception").GetProperty("values")[0]
            .GetProperty("stacktrace").GetProperty("frames").EnumerateArray().ToList();
        Assert.That(frames.Select(f => (f.GetProperty("module").GetString(), f.GetProperty("function").GetString())),
            Does.Contain(("Sentry.Management.Tests.Capture.Protocol.EnvelopeFormatTests", nameof(FailLaterAsync))));
    }

    private static async Task FailLaterAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException("after an await");
    }
}
