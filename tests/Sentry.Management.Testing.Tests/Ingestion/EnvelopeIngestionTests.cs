using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Ingestion;

public sealed class EnvelopeIngestionTests
{
    [Test]
    public async Task Accepts_an_event_envelope_and_groups_it()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);

        using var response = await http.PostEnvelopeAsync(Envelopes.Event(new { message = "Order 17 failed", level = "warning" }));
        var events = await sentry.Received.WaitForEventsAsync(1);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(events[0].Message, Is.EqualTo("Order 17 failed"));
            Assert.That(events[0].Level, Is.EqualTo("warning"));
            Assert.That(events[0].IssueShortId, Is.EqualTo("APP-1"));
        });
    }
}
