using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.EndToEnd;

/// <summary>Our management client's issue, event, tag and stats calls read the local Sentry's answers whole.</summary>
public sealed class ManagementClientTests : LocalSentryFixture
{
    [Test]
    public async Task Issue_event_tag_and_stats_calls_round_trip()
    {
        var first = await SendAsync(new { message = "Pump 1 stalled", tags = new { pump = "north" }, environment = "prod", user = new { id = "u1" } });
        var second = await SendAsync(new { message = "Pump 2 stalled", tags = new { pump = "south" }, environment = "prod", user = new { id = "u2" } });
        var other = await SendAsync(new { message = "Valve leaking", level = "warning" });
        using var client = ManagementClients.For(Sentry);

        var identity = await client.Identity.CheckAsync();
        var issue = await client.Issues.GetAsync(first.IssueId!);
        var byShortId = await client.Issues.ResolveShortIdAsync("APP-1");
        var tag = await client.Issues.GetTagAsync(first.IssueId!, "pump");
        var values = await client.Issues.ListTagValuesAsync(first.IssueId!, "pump");
        var oldest = await client.Events.GetOldestForIssueAsync(first.IssueId!);
        var byEventId = await client.Events.ResolveEventIdAsync(second.EventId);
        var hashes = new List<string?>();
        await foreach (var hash in client.Events.ListHashes(first.IssueId!))
        {
            hashes.Add(hash.Id);
        }

        var bulk = await client.Issues.BulkUpdateAsync([first.IssueId!, other.IssueId!], new IssueUpdate { Status = IssueStatus.Resolved });
        var resolved = await client.Issues.GetAsync(other.IssueId!);
        var updated = await client.Issues.UpdateAsync(first.IssueId!, new IssueUpdate { Status = IssueStatus.Unresolved, AssignedTo = "me" });
        var summary = await client.Stats.GetSummaryAsync();
        var points = await client.Project("app").GetStatsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(identity.ToString(), Does.Not.Contain(Sentry.AuthToken));
            Assert.That(issue.ShortId, Is.EqualTo("APP-1"));
            Assert.That(issue.Count, Is.EqualTo("2"));
            Assert.That(issue.UserCount, Is.EqualTo(2));
            Assert.That(byShortId.GroupId, Is.EqualTo(first.IssueId));
            Assert.That(tag.TotalValues, Is.EqualTo(2));
            Assert.That(values.Select(v => v.Value), Is.EquivalentTo(new[] { "north", "south" }));
            Assert.That(oldest.EventId, Is.EqualTo(first.EventId));
            Assert.That(byEventId.GroupId, Is.EqualTo(first.IssueId));
            Assert.That(hashes, Has.Count.EqualTo(1));
            Assert.That(bulk.Succeeded, Is.True);
            Assert.That(resolved.Status, Is.EqualTo(IssueStatus.Resolved));
            Assert.That(updated.Status, Is.EqualTo(IssueStatus.Unresolved));
            Assert.That(updated.AssignedTo?.Email, Is.EqualTo("owner@local.test"), "the token's user, the seeded owner");
            Assert.That(summary.Projects, Has.Count.EqualTo(1));
            Assert.That(points.Sum(p => p.Value ?? 0), Is.EqualTo(3));
        });
    }
}
