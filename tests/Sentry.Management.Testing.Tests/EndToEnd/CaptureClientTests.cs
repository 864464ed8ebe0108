using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.EndToEnd;

/// <summary>Our own capture client sends to the local Sentry, and our management client reads the issues back.</summary>
public sealed class CaptureClientTests
{
    [Test]
    public async Task Captured_exceptions_and_messages_become_issues()
    {
        await using var sentry = await LocalSentry.StartAsync();
        await using (var capture = new SentryCaptureClient(new SentryCaptureOptions { Dsn = sentry.Dsn, Release = "pumps@2.0.0", Environment = "test" }))
        {
            capture.CaptureException(Thrown.From(new InvalidOperationException("Pump 7 jammed")));
            capture.CaptureException(Thrown.From(new InvalidOperationException("Pump 8 jammed")));
            capture.CaptureMessage("Pump station 4 offline", EventLevel.Warning);
            Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        await sentry.Received.WaitForEventsAsync(3);
        using var management = ManagementClients.For(sentry);
        var issues = await management.AllIssuesAsync();

        Assert.Multiple(() =>
        {
            Assert.That(issues, Has.Count.EqualTo(2));
            Assert.That(issues.Single(i => i.Type == "error").Count, Is.EqualTo("2"));
            Assert.That(issues.Single(i => i.Type == "default").Title, Is.EqualTo("Pump station 4 offline"));
            Assert.That(sentry.Received.Events.All(e => e.Release == "pumps@2.0.0"), Is.True);
        });
    }
}
