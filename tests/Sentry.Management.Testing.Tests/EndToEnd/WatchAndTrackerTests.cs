using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.EndToEnd;

/// <summary>The watch and external-tracker workflows end to end: our capture client sends, the local Sentry groups, the facade's workflows read and act.</summary>
public sealed class WatchAndTrackerTests
{
    [Test]
    public async Task Watch_reports_a_new_issue_once_and_a_resumed_watch_does_not_repeat_it()
    {
        await using var sentry = await LocalSentry.StartAsync();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        await SendAsync(sentry, "Pump 7 overheated");

        using var management = ManagementClients.For(sentry);
        var issues = management.Organization(sentry.Organization).Issues;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        IssueWatchEvent? first = null;
        await foreach (var e in issues.WatchAsync(new IssueWatchOptions { Since = since, PollInterval = TimeSpan.FromSeconds(1) }, stop.Token))
        {
            first = e;
            break;
        }

        // A second issue arrives; the watch resumed from the first one's cursor reports only it.
        await SendAsync(sentry, "Valve 3 stuck open");
        IssueWatchEvent? next = null;
        await foreach (var e in issues.WatchAsync(new IssueWatchOptions { ResumeFrom = first!.Cursor, PollInterval = TimeSpan.FromSeconds(1) }, stop.Token))
        {
            next = e;
            break;
        }

        Assert.Multiple(() =>
        {
            Assert.That(first.Reason, Is.EqualTo(IssueWatchReason.New));
            Assert.That(first.Issue.Title, Does.Contain("Pump 7 overheated"));
            Assert.That(next!.Issue.Title, Does.Contain("Valve 3 stuck open"), "the first issue is not repeated after a resume");
        });
    }

    [Test]
    public async Task An_issue_is_filed_in_the_tracker_once()
    {
        await using var sentry = await LocalSentry.StartAsync();
        await SendAsync(sentry, "Checkout fails for AQ");
        using var management = ManagementClients.For(sentry);
        var org = management.Organization(sentry.Organization);
        var issue = (await org.Issues.List().ToListAsync()).Single();

        var filed = await org.Integrations.FileIssueAsync(issue.Id!, "github");
        var again = await org.Integrations.FileIssueAsync(issue.Id!, "github");
        var linked = await org.Integrations.ListExternalIssuesAsync(issue.Id!);

        Assert.Multiple(() =>
        {
            Assert.That(filed.Created, Is.True);
            Assert.That(again.Created, Is.False, "a re-run finds the external issue instead of filing a second");
            Assert.That(linked, Has.Count.EqualTo(1));
            Assert.That(linked[0].ServiceType, Is.EqualTo("github"));
        });
    }

    private static async Task SendAsync(LocalSentry sentry, string message)
    {
        var before = sentry.Received.Events.Count;
        await using var capture = new SentryCaptureClient(new SentryCaptureOptions { Dsn = sentry.Dsn, Release = "pumps@1.0.0" });
        capture.CaptureMessage(message, EventLevel.Error);
        Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        await sentry.Received.WaitForEventsAsync(before + 1);
    }
}
