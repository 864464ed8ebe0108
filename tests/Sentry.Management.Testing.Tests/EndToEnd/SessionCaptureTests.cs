using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.EndToEnd;

/// <summary>Sessions sent by our capture client become the crash-free rates our facade reads back from the local Sentry.</summary>
public sealed class SessionCaptureTests
{
    [Test]
    public async Task Captured_sessions_become_crash_free_rates()
    {
        await using var sentry = await LocalSentry.StartAsync();
        await using (var capture = new SentryCaptureClient(new SentryCaptureOptions { Dsn = sentry.Dsn, Release = "pumps@3.0.0", Environment = "test" }))
        {
            capture.StartSession("alice");
            capture.EndSession();
            capture.StartSession("bob");
            capture.CaptureException(Thrown.From(new InvalidOperationException("Pump 9 jammed")));
            capture.EndSession();
            capture.RecordRequestSession(RequestSessionStatus.Exited);
            capture.RecordRequestSession(RequestSessionStatus.Crashed);
            Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        using var management = ManagementClients.For(sentry);
        var rates = await management.Organization(sentry.Organization).Sessions.GetCrashFreeRatesAsync(release: "pumps@3.0.0", statsPeriod: "1h");
        var other = await management.Organization(sentry.Organization).Sessions.GetCrashFreeRatesAsync(release: "pumps@0.0.1", statsPeriod: "1h");

        Assert.Multiple(() =>
        {
            Assert.That(rates.Sessions, Is.EqualTo(4), "two app runs (by sid, updates merged) and two request sessions");
            Assert.That(rates.CrashFreeSessions, Is.EqualTo(0.75).Within(1e-9));
            Assert.That(other.Sessions ?? 0, Is.Zero);
        });
    }
}
