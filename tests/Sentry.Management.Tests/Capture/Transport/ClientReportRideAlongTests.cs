using System.Net;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture.Transport;

/// <summary>Pending discards ride on the next outgoing envelope as a <c>client_report</c> item, and come back if it is not delivered.</summary>
public class ClientReportRideAlongTests
{
    [Test]
    public async Task A_pending_discard_rides_on_the_next_envelope()
    {
        var handler = new RecordingHandler();
        var options = Dropping(TestOptions.Create());
        await using var client = new SentryCaptureClient(options, handler);

        client.CaptureMessage("drop me");
        client.CaptureMessage("carrier");
        await SpoolDrainerTests.Eventually(() => handler.Requests.Count == 1);

        var envelope = handler.Requests.Single().Envelope;
        Assert.Multiple(() =>
        {
            Assert.That(envelope.Items.Select(i => i.Type), Is.EqualTo(new[] { "event", "client_report" }));
            var line = envelope.Items[1].Json.GetProperty("discarded_events")[0];
            Assert.That((line.GetProperty("reason").GetString(), line.GetProperty("category").GetString(), line.GetProperty("quantity").GetInt32()), Is.EqualTo(("before_send", "error", 1)));
        });

        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(5)), Is.True);
        Assert.That(handler.Requests, Has.Count.EqualTo(1), "nothing left for a separate report at flush");
    }

    [Test]
    public async Task A_report_on_an_envelope_that_is_not_delivered_goes_back_and_is_sent_once()
    {
        var failFirst = 1;
        var handler = new RecordingHandler(_ => Interlocked.Exchange(ref failFirst, 0) == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : new HttpResponseMessage(HttpStatusCode.OK));
        var options = Dropping(TestOptions.Create());
        options.MaxRetries = 0;
        await using var client = new SentryCaptureClient(options, handler);

        client.CaptureMessage("drop me");
        client.CaptureMessage("carrier that fails");
        Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(5)), Is.True);

        var reported = Reported(handler);
        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.First().Envelope.Items.Select(i => i.Type), Is.EqualTo(new[] { "event", "client_report" }), "the report rode on the failed envelope");
            Assert.That(reported, Is.EquivalentTo(new[] { ("before_send", 1), ("send_error", 1) }), "restored, then reported once with the new discard");
        });
    }

    [Test]
    public async Task A_spooled_envelope_does_not_keep_the_report_it_carried()
    {
        var failFirst = 1;
        var handler = new RecordingHandler(_ => Interlocked.Exchange(ref failFirst, 0) == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : new HttpResponseMessage(HttpStatusCode.OK));
        var folder = Path.Combine(Path.GetTempPath(), "sentry-ridealong-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = Dropping(TestOptions.Create());
            options.MaxRetries = 0;
            options.SpoolDirectory = folder;
            await using var client = new SentryCaptureClient(options, handler);

            client.CaptureMessage("drop me");
            var id = client.CaptureMessage("carrier that is spooled");
            Assert.That(await client.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);

            var carrier = handler.Requests.Where(r => r.Envelope.Header.TryGetProperty("event_id", out var e) && e.GetString() == id.ToString("N")).Select(r => r.Envelope).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(carrier, Has.Count.EqualTo(2), "sent, failed, spooled, drained");
                Assert.That(carrier[0].Items.Select(i => i.Type), Is.EqualTo(new[] { "event", "client_report" }));
                Assert.That(carrier[1].Items.Select(i => i.Type), Is.EqualTo(new[] { "event" }), "the spool kept the body without the report");
                Assert.That(carrier[1].Items[0].Payload, Is.EqualTo(carrier[0].Items[0].Payload));
                Assert.That(Reported(handler), Is.EqualTo(new[] { ("before_send", 1) }), "the restored discard went out once, at flush");
                Assert.That(client.Counters.Delivered(SentryDataCategory.Error), Is.EqualTo(1));
            });
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Every discard line Sentry accepted (a 200), across all envelopes.</summary>
    private static List<(string, int)> Reported(RecordingHandler handler) =>
        handler.Requests.Skip(1) // The first request of these tests is the one answered 503.
            .SelectMany(r => r.Envelope.Items)
            .Where(i => i.Type == "client_report")
            .SelectMany(i => i.Json.GetProperty("discarded_events").EnumerateArray())
            .Select(l => (l.GetProperty("reason").GetString()!, l.GetProperty("quantity").GetInt32()))
            .ToList();

    private static SentryCaptureOptions Dropping(SentryCaptureOptions options)
    {
        options.MaxConcurrentSends = 1; // One worker: the drop is settled before the carrier is prepared.
        options.BeforeSend = e => e.Message == "drop me" ? null : e;
        return options;
    }
}
