using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Tracing;

/// <summary>trace_metric values carry the current transaction's trace and span; outside one, the client's own trace and no span.</summary>
public class MetricTraceLinkTests
{
    [Test]
    public async Task Counter_gauge_and_distribution_link_to_the_current_span()
    {
        var transport = new RecordingHandler();
        var options = TestOptions.Create();
        options.TracesSampleRate = 1;
        await using var capture = new SentryCaptureClient(options, transport);

        var tx = capture.StartTransaction("orders", "task");
        capture.IncrementCounter("orders", 1, "none", new Dictionary<string, string> { ["region"] = "eu" });
        capture.SetGauge("queue.depth", 7, "none");
        capture.RecordDistribution("latency", 12.5, "millisecond");
        tx.Finish();
        capture.IncrementCounter("outside");
        Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

        var metrics = transport.Items("trace_metric").SelectMany(i => i.Json.GetProperty("items").EnumerateArray())
            .ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Multiple(() =>
        {
            foreach (var name in new[] { "orders", "queue.depth", "latency" })
            {
                Assert.That(metrics[name].GetProperty("trace_id").GetString(), Is.EqualTo(tx.TraceId), name);
                Assert.That(metrics[name].GetProperty("span_id").GetString(), Is.EqualTo(tx.SpanId), name);
            }

            Assert.That(metrics["latency"].GetProperty("type").GetString(), Is.EqualTo("distribution"));
            Assert.That(metrics["latency"].GetProperty("unit").GetString(), Is.EqualTo("millisecond"));
            Assert.That(metrics["outside"].GetProperty("trace_id").GetString(), Is.Not.EqualTo(tx.TraceId));
            Assert.That(metrics["outside"].TryGetProperty("span_id", out _), Is.False);
        });
    }
}
