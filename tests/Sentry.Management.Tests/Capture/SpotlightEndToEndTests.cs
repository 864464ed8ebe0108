using System.Text.Json;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture;

/// <summary>
/// Sends real envelopes (gzipped) to Sentry's own Spotlight sidecar and reads them back parsed from its
/// <c>/stream</c>: proof that Sentry's envelope parser reads what we write.
/// </summary>
[NonParallelizable]
public class SpotlightEndToEndTests
{
    [Test]
    public async Task Events_transaction_and_metrics_arrive_parsed_in_spotlight()
    {
        await using var spotlight = await SpotlightSidecar.StartAsync();
        var options = TestOptions.Create(spotlight.Dsn);
        options.TracesSampleRate = 1;
        Guid errorId, messageId;
        string transactionId;
        await using (var client = new SentryCaptureClient(options))
        {
            client.Scope.SetTag("suite", "spotlight");
            errorId = client.CaptureException(
                Thrown.By(() => throw new InvalidOperationException("outer", new TimeoutException("Network timeout"))),
                e => e.Fingerprint = ["{{ default }}", "e2e"]);
            messageId = client.CaptureMessage("hello spotlight", EventLevel.Warning);
            var tx = client.StartTransaction("GET /e2e", "http.server");
            tx.StartChild("db.query", "SELECT 1").Finish();
            tx.Finish();
            transactionId = tx.EventId.ToString("N");
            client.IncrementCounter("e2e.count", 3, "none", new Dictionary<string, string> { ["k"] = "v" });
            client.RecordDistribution("e2e.latency", 12.5, "millisecond");
            Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(20)), Is.True);
        }

        var envelopes = await spotlight.ReadStreamUntilAsync(
            seen => Items(seen).Any(i => IdOf(i) == errorId.ToString("N"))
                && Items(seen).Any(i => IdOf(i) == messageId.ToString("N"))
                && Items(seen).Any(i => IdOf(i) == transactionId)
                && MetricNames(seen).Contains("e2e.count")
                && MetricNames(seen).Contains("e2e.latency"),
            TimeSpan.FromSeconds(30));

        var items = Items(envelopes).ToList();
        var error = items.Single(i => IdOf(i) == errorId.ToString("N"))[1];
        var message = items.Single(i => IdOf(i) == messageId.ToString("N"))[1];
        var transaction = items.Single(i => IdOf(i) == transactionId)[1];
        var metrics = items.Where(i => Type(i) == "trace_metric").SelectMany(i => i[1].GetProperty("items").EnumerateArray()).ToList();
        Assert.Multiple(() =>
        {
            var values = error.GetProperty("exception").GetProperty("values");
            Assert.That(values.GetArrayLength(), Is.EqualTo(2));
            Assert.That(values[1].GetProperty("type").GetString(), Is.EqualTo("System.InvalidOperationException"));
            Assert.That(values[0].GetProperty("value").GetString(), Is.EqualTo("Network timeout"));
            Assert.That(error.GetProperty("tags").GetProperty("suite").GetString(), Is.EqualTo("spotlight"));
            Assert.That(error.GetProperty("fingerprint")[0].GetString(), Is.EqualTo("{{ default }}"));
            Assert.That(message.GetProperty("message").GetProperty("formatted").GetString(), Is.EqualTo("hello spotlight"));
            Assert.That(transaction.GetProperty("transaction").GetString(), Is.EqualTo("GET /e2e"));
            Assert.That(transaction.GetProperty("spans")[0].GetProperty("op").GetString(), Is.EqualTo("db.query"));
            Assert.That(transaction.GetProperty("contexts").GetProperty("trace").GetProperty("op").GetString(), Is.EqualTo("http.server"));
            Assert.That(metrics.Select(m => m.GetProperty("name").GetString()), Is.SupersetOf(new[] { "e2e.count", "e2e.latency" }));
        });
    }

    private static IEnumerable<JsonElement> Items(List<JsonElement> envelopes) =>
        envelopes.SelectMany(e => e[1].EnumerateArray());

    private static string? Type(JsonElement item) => item[0].GetProperty("type").GetString();

    // Metrics may arrive in more than one trace_metric envelope: a worker can send the first before the next is recorded.
    private static HashSet<string?> MetricNames(List<JsonElement> envelopes) =>
        [.. Items(envelopes).Where(i => Type(i) == "trace_metric").SelectMany(i => i[1].GetProperty("items").EnumerateArray()).Select(m => m.GetProperty("name").GetString())];

    private static string? IdOf(JsonElement item) =>
        item[1].ValueKind == JsonValueKind.Object && item[1].TryGetProperty("event_id", out var id) ? id.GetString() : null;
}
