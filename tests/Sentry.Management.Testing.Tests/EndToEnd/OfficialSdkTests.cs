using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.EndToEnd;

/// <summary>
/// Sentry's own .NET SDK (a client no one here wrote) reports to the local Sentry, and our management client reads
/// the result back as grouped issues.
/// </summary>
public sealed class OfficialSdkTests
{
    [Test]
    public async Task Exceptions_captured_with_fingerprints_come_back_as_grouped_issues()
    {
        await using var sentry = await LocalSentry.StartAsync();
        var client = new SentryClient(new SentryOptions
        {
            Dsn = sentry.Dsn,
            Release = "pumps@1.2.3",
            Environment = "test",
            AutoSessionTracking = false,
            SendClientReports = false,
        });

        for (var i = 0; i < 3; i++)
        {
            var withFingerprint = new SentryEvent(Thrown.From(new InvalidOperationException($"Pump {i} overheated")));
            withFingerprint.SetFingerprint("pump-overheat");
            client.CaptureEvent(withFingerprint);
        }

        var defaultFingerprint = new SentryEvent(Thrown.From(new TimeoutException("Valve did not answer")));
        defaultFingerprint.SetFingerprint("{{ default }}", "valve");
        client.CaptureEvent(defaultFingerprint);
        client.CaptureEvent(new SentryEvent(Thrown.From(new TimeoutException("Valve did not answer"))));
        await client.FlushAsync(TimeSpan.FromSeconds(10));
        await sentry.Received.WaitForEventsAsync(5);

        using var management = ManagementClients.For(sentry);
        var issues = await management.AllIssuesAsync();

        var overheat = issues.Single(i => i.Title!.StartsWith("System.InvalidOperationException: Pump", StringComparison.Ordinal));
        var latest = await management.Events.GetLatestForIssueAsync(overheat.Id!);

        Assert.Multiple(() =>
        {
            Assert.That(sentry.Received.Envelopes.Select(e => e.SdkName), Has.All.EqualTo("sentry.dotnet"));
            Assert.That(issues, Has.Count.EqualTo(3), "one fingerprinted issue, and the timeout with and without {{ default }} + valve");
            Assert.That(overheat.Count, Is.EqualTo("3"));
            Assert.That(overheat.ShortId, Does.StartWith("APP-"));
            Assert.That(overheat.Culprit, Does.Contain(nameof(Thrown.From)));
            Assert.That(latest.GroupId, Is.EqualTo(overheat.Id));
            Assert.That(latest.Tags!.Any(t => t.Key == "release" && t.Value == "pumps@1.2.3"), Is.True);
        });
    }

    [Test]
    public async Task The_static_sdk_reports_unhandled_style_exceptions_and_messages()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using (SentrySdk.Init(o =>
        {
            o.Dsn = sentry.Dsn;
            o.AutoSessionTracking = false;
            o.IsGlobalModeEnabled = true;
        }))
        {
            SentrySdk.CaptureMessage("Pump station started", SentryLevel.Warning);
            SentrySdk.CaptureException(Thrown.From(new ArgumentException("bad pump id")));
            await SentrySdk.FlushAsync(TimeSpan.FromSeconds(10));
        }

        var events = await sentry.Received.WaitForEventsAsync(2);

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Type), Is.EquivalentTo(new[] { "default", "error" }));
            Assert.That(events.Single(e => e.Type == "default").Level, Is.EqualTo("warning"));
            Assert.That(events.Single(e => e.Type == "error").Exceptions.Single().Type, Is.EqualTo("System.ArgumentException"));
            Assert.That(events.Select(e => e.IssueShortId).Distinct().Count(), Is.EqualTo(2));
        });
    }
}
