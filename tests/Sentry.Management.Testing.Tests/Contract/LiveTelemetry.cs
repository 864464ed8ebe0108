using System.Text.Json;
using Sentry.Management.Testing.Storage;
using Sentry.Management.Testing.Tests.TestSupport;
using Sentry.Management.Tests.Contract.Live;

namespace Sentry.Management.Testing.Tests.Contract;

/// <summary>
/// What the suite's issue, event, stats, sessions and Discover calls name, received the way an SDK sends it (an error
/// event, a transaction, a session and a client report of release <see cref="LiveOperations.Version"/> in
/// <c>production</c>), then renumbered to the suite's fixed ids through the server's state: the issue
/// (<see cref="LiveOperations.IssueId"/>, short id <see cref="LiveOperations.ShortId"/>), the hash the project list
/// asks for, and an external issue to unlink.
/// </summary>
internal static class LiveTelemetry
{
    /// <summary>The grouping hash the suite's project issue list passes as <c>hashes</c>.</summary>
    private const string SuiteHash = "c4a4d06bc314205bb3b6bdb612dde7f1";

    /// <summary>The external issue id the suite's unlink call names.</summary>
    private const string ExternalIssueId = "7";

    public static async Task ArrangeAsync(LocalSentry sentry, LocalSentryHttp http)
    {
        var now = sentry.State.Now;
        var started = now.AddSeconds(-2).ToUnixTimeMilliseconds() / 1000.0;
        var ended = now.AddSeconds(-1).ToUnixTimeMilliseconds() / 1000.0;
        var release = LiveOperations.Version;
        var error = Json(new
        {
            event_id = LiveOperations.EventId,
            timestamp = ended,
            platform = "csharp",
            level = "error",
            release,
            environment = "production",
            transaction = "/checkout",
            user = new { id = "42", email = "jane@example.com" },
            tags = new Dictionary<string, string> { [LiveOperations.TagKey] = "Chrome", ["order"] = "42" },
            exception = new
            {
                values = new[]
                {
                    new
                    {
                        type = "Shop.PaymentDeclinedException",
                        value = "Card declined for order 42",
                        module = "Shop",
                        stacktrace = new { frames = new[] { new { module = "Shop.Checkout", function = "Pay", filename = "Checkout.cs", lineno = 42, in_app = true } } },
                    },
                },
            },
            breadcrumbs = new { values = new[] { new { timestamp = started, category = "http", message = "POST /checkout", level = "info" } } },
            request = new { method = "POST", url = "https://shop.example.com/checkout" },
        });
        var transaction = Json(new
        {
            type = "transaction",
            event_id = Envelopes.NewId(),
            transaction = "/checkout",
            start_timestamp = started,
            timestamp = ended,
            release,
            environment = "production",
            platform = "csharp",
            contexts = new { trace = new { trace_id = Envelopes.NewId(), span_id = "0123456789abcdef", op = "http.server", status = "ok" } },
        });
        var session = Json(new
        {
            sid = Guid.NewGuid().ToString(),
            did = "42",
            init = true,
            started = now.AddSeconds(-2),
            timestamp = now,
            status = "exited",
            errors = 1,
            attrs = new { release, environment = "production" },
        });
        var report = Json(new { timestamp = now.ToUnixTimeSeconds(), discarded_events = new[] { new { reason = "sample_rate", category = "error", quantity = 3 } } });
        using var response = await http.PostEnvelopeAsync(Envelopes.Build(
            $$"""{"event_id":"{{LiveOperations.EventId}}"}""",
            Envelopes.Item("event", error),
            Envelopes.Item("transaction", transaction),
            Envelopes.Item("session", session),
            Envelopes.Item("client_report", report)));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var received = (await sentry.Received.WaitForEventsAsync(1, TimeSpan.FromSeconds(10)))[0];

        var data = sentry.State.Data;
        lock (data.Gate)
        {
            var issue = data.Issues.Find(received.IssueId!)!;
            data.Issues.Remove(issue.Id);
            issue.Id = LiveOperations.IssueId;
            issue.ShortIdNumber = Testing.Grouping.ShortId.Parse(LiveOperations.Project, LiveOperations.ShortId)!.Value;
            issue.Hashes.Add(SuiteHash);
            data.Issues.Upsert(issue);
            foreach (var stored in data.Events.All().Where(e => e.GroupId == received.IssueId))
            {
                stored.GroupId = issue.Id;
                stored.Hashes.Add(SuiteHash);
                data.Events.Upsert(stored);
            }

            var github = data.Integrations.Find(LiveOperations.IntegrationId)!;
            data.ExternalIssues.Upsert(new StoredExternalIssue
            {
                Id = ExternalIssueId,
                IssueId = issue.Id,
                IntegrationId = github.Id,
                ExternalKey = github.Name + "/backend#7",
                Title = "Checkout fails",
                DateCreated = now,
            });
        }
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
