using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Tracing;

/// <summary>
/// A traced outgoing call to a real HTTP server on 127.0.0.1 that continues the trace from the headers it received;
/// both transactions go to Sentry's Spotlight sidecar and are read back parsed: one trace, the server's transaction a
/// child of the client's <c>http.client</c> span, and both envelopes carry the client's dynamic sampling context (the
/// head of the trace decides it; the server forwards it unchanged).
/// </summary>
[NonParallelizable]
public class TracingEndToEndTests
{
    [Test]
    public async Task A_traced_call_continues_on_the_receiving_side_in_one_trace()
    {
        await using var spotlight = await SpotlightSidecar.StartAsync();
        var clientOptions = TestOptions.Create(spotlight.Dsn);
        clientOptions.TracesSampleRate = 1;
        clientOptions.Integrations.Http.Enabled = true;
        clientOptions.TracePropagationTargets.Add("127.0.0.1");
        var serverOptions = TestOptions.Create(spotlight.Dsn);
        serverOptions.Release = "server@1.0.0";

        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        string? receivedSentryTrace = null;
        string? serverTransactionId = null;
        await using var serverCapture = new SentryCaptureClient(serverOptions);
        var serving = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            receivedSentryTrace = context.Request.Headers["sentry-trace"];
            var tx = serverCapture.ContinueHttpTrace(context.Request.HttpMethod, context.Request.RawUrl!, name => context.Request.Headers[name]);
            context.Response.StatusCode = 200;
            context.Response.Close();
            tx.Finish(TraceSpanStatus.FromHttpStatus(200));
            serverTransactionId = tx.EventId.ToString("N");
        });

        string clientTransactionId, traceId;
        await using (var clientCapture = new SentryCaptureClient(clientOptions))
        {
            using var http = new HttpClient(new SentryCaptureHttpHandler(clientCapture, new SocketsHttpHandler()));
            var tx = clientCapture.StartTransaction("checkout", "task");
            (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/orders/42?secret=1"))).Dispose();
            tx.Finish();
            clientTransactionId = tx.EventId.ToString("N");
            traceId = tx.TraceId;
            await serving.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.That(await clientCapture.FlushAsync(TimeSpan.FromSeconds(20)), Is.True);
        }

        Assert.That(await serverCapture.FlushAsync(TimeSpan.FromSeconds(20)), Is.True);
        var envelopes = await spotlight.ReadStreamUntilAsync(
            seen => Transactions(seen).Any(t => Id(t) == clientTransactionId) && Transactions(seen).Any(t => Id(t) == serverTransactionId),
            TimeSpan.FromSeconds(30));

        var client = Transactions(envelopes).Single(t => Id(t) == clientTransactionId);
        var server = Transactions(envelopes).Single(t => Id(t) == serverTransactionId);
        var span = client.GetProperty("spans").EnumerateArray().Single();
        var serverTrace = server.GetProperty("contexts").GetProperty("trace");
        Assert.Multiple(() =>
        {
            Assert.That(receivedSentryTrace, Is.EqualTo($"{traceId}-{span.GetProperty("span_id").GetString()}-1"));
            Assert.That(span.GetProperty("op").GetString(), Is.EqualTo("http.client"));
            Assert.That(span.GetProperty("description").GetString(), Is.EqualTo($"GET http://127.0.0.1:{port}/orders/42"));
            Assert.That(span.GetProperty("trace_id").GetString(), Is.EqualTo(traceId));
            Assert.That(serverTrace.GetProperty("trace_id").GetString(), Is.EqualTo(traceId));
            Assert.That(serverTrace.GetProperty("parent_span_id").GetString(), Is.EqualTo(span.GetProperty("span_id").GetString()));
            Assert.That(server.GetProperty("transaction").GetString(), Is.EqualTo("GET /orders/{id}"));
            Assert.That(TraceHeader(envelopes, serverTransactionId!), Is.EqualTo(TraceHeader(envelopes, clientTransactionId)));
            Assert.That(TraceHeader(envelopes, clientTransactionId), Is.EqualTo(new Dictionary<string, string?>
            {
                ["trace_id"] = traceId,
                ["public_key"] = "spotlightkey",
                ["release"] = "app@1.2.3",
                ["environment"] = "test",
                ["transaction"] = "checkout",
                ["sample_rate"] = "1",
                ["sampled"] = "true",
                ["sample_rand"] = TraceHeader(envelopes, clientTransactionId)["sample_rand"],
            }));
            Assert.That(TraceHeader(envelopes, clientTransactionId)["sample_rand"], Does.Match(@"^0(\.\d{1,6})?$"));
        });
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static IEnumerable<JsonElement> Transactions(List<JsonElement> envelopes) =>
        envelopes.SelectMany(e => e[1].EnumerateArray())
            .Where(i => i[0].GetProperty("type").GetString() == "transaction")
            .Select(i => i[1]);

    // Spotlight streams each envelope as [header, [[item header, payload]...]].
    private static Dictionary<string, string?> TraceHeader(List<JsonElement> envelopes, string transactionId) =>
        envelopes.Single(e => e[1].EnumerateArray().Any(i => i[0].GetProperty("type").GetString() == "transaction" && Id(i[1]) == transactionId))[0]
            .GetProperty("trace").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

    private static string? Id(JsonElement payload) => payload.GetProperty("event_id").GetString();
}
