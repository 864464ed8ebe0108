namespace Sentry.Management.Testing.Tests.EndToEnd;

/// <summary>The local Sentry accepts our transactions with the envelope header <c>trace</c> and keeps it as it came.</summary>
public sealed class TraceHeaderCaptureTests
{
    [Test]
    public async Task A_continued_trace_reaches_the_local_Sentry_with_the_upstream_dynamic_sampling_context()
    {
        await using var sentry = await LocalSentry.StartAsync();
        string transactionId;
        await using (var capture = new SentryCaptureClient(new SentryCaptureOptions { Dsn = sentry.Dsn, Release = "pumps@3.0.0", TracesSampleRate = 1 }))
        {
            var tx = capture.ContinueTrace(
                "771a43a4192642f0b136d5159a501700-b7ad6b7169203331-1",
                "sentry-trace_id=771a43a4192642f0b136d5159a501700,sentry-public_key=upstream,sentry-release=web%401.0,sentry-sampled=true",
                "pump.check",
                "task");
            tx.Finish();
            transactionId = tx.EventId.ToString("N");
            Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        await sentry.Received.WaitForTransactionsAsync(1, TimeSpan.FromSeconds(10));
        var envelope = sentry.Received.Envelopes.Single(e => e.Headers.TryGetProperty("event_id", out var id) && id.GetString() == transactionId);

        // Upstream sent no sample_rand: the client makes one for the trace and propagates it from then on.
        var rand = envelope.Headers.GetProperty("trace").GetProperty("sample_rand").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(rand, Does.Match(@"^0(\.\d{1,6})?$"));
            Assert.That(envelope.Headers.GetProperty("trace").GetRawText(), Is.EqualTo(
                $$"""{"trace_id":"771a43a4192642f0b136d5159a501700","public_key":"upstream","release":"web@1.0","sampled":"true","sample_rand":"{{rand}}"}"""));
        });
    }
}
