using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Sentry.Management.Tests.Contract.Live;

/// <summary>
/// The workflows' requests, run through the real client against Prism serving Sentry's schema: every request they
/// send must be one the schema accepts (no <c>sl-violations</c>, no 4xx). Prism answers with static examples, so these
/// tests assert acceptance, not state; the MockHttp tests under Workflows/ assert the state and the idempotency.
/// The doctor is not here: its first call, <c>GET /api/0/</c>, is not part of the published schema.
/// </summary>
[Category("Contract")]
public class WorkflowsAgainstPrismTests
{
    private const string Org = LiveOperations.Org;

    /// <summary>The version as a path segment on the wire (Refit escapes the <c>@</c>).</summary>
    private static readonly string VersionSegment = Uri.EscapeDataString(LiveOperations.Version);

    [Test]
    public async Task Bootstrap_creating_the_project_and_its_key_is_accepted()
    {
        // Prism's GET examples always "find" the project; answering those two reads here makes the workflow send its writes.
        var traffic = new PrismTraffic(new()
        {
            [("GET", $"/api/0/projects/{Org}/backend/")] = (HttpStatusCode.NotFound, """{"detail":"The requested resource does not exist"}"""),
            [("GET", $"/api/0/projects/{Org}/backend/keys/")] = (HttpStatusCode.OK, "[]"),
        });
        using var sentry = traffic.Client();

        await using var boot = await sentry.Organization(Org).BootstrapProjectAsync(new ProjectBootstrapOptions
        {
            Project = "backend",
            Team = LiveOperations.Team,
            Platform = "python",
            Environment = "production",
            SampleRate = 1,
        });

        traffic.AssertAccepted(expectedAtLeast: 3);
        Assert.That(traffic.Sent, Does.Contain($"POST /api/0/teams/{Org}/{LiveOperations.Team}/projects/").And.Contain($"POST /api/0/projects/{Org}/backend/keys/"));
        Assert.That(boot.Steps.Select(s => s.Outcome), Is.EqualTo(new[] { WorkflowOutcome.Found, WorkflowOutcome.Created, WorkflowOutcome.Created }));
    }

    [Test]
    public async Task Publishing_a_release_with_commits_finalize_and_deploy_is_accepted()
    {
        var traffic = new PrismTraffic(new()
        {
            // Prism's deploy example would be "found"; an empty list makes the workflow record one.
            [("GET", $"/api/0/organizations/{Org}/releases/{VersionSegment}/deploys/")] = (HttpStatusCode.OK, "[]"),
        });
        using var sentry = traffic.Client();

        var result = await sentry.Organization(Org).Releases.Publish(LiveOperations.Version)
            .ForProjects(LiveOperations.Project)
            .WithRef("v1.2.3")
            .WithUrl(new Uri("https://github.com/acme/backend/releases/tag/v1.2.3"))
            .WithCommits(ReleaseCommits.Explicit([new ReleaseCommitData { Id = LiveOperations.CommitSha, Repository = "acme/backend", AuthorName = "Jane Doe", AuthorEmail = "jane@example.com", Message = "Fix the checkout", Timestamp = new DateTimeOffset(2026, 1, 14, 12, 0, 0, TimeSpan.Zero) }]))
            .Finalize(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero))
            .WithDeploy("production", "run-7", new Uri("https://ci.example.com/runs/7"), new DateTimeOffset(2026, 1, 15, 11, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 15, 11, 30, 0, TimeSpan.Zero))
            .RunAsync();

        Assert.That(result.Succeeded, Is.True, result.ToString());
        traffic.AssertAccepted(expectedAtLeast: 3);
        Assert.That(traffic.Sent, Does.Contain($"POST /api/0/organizations/{Org}/releases/{VersionSegment}/deploys/").And.Contain($"local GET /api/0/organizations/{Org}/releases/{VersionSegment}/deploys/"));
    }

    [Test]
    public async Task Publishing_with_refs_is_accepted()
    {
        var traffic = new PrismTraffic(new());
        using var sentry = traffic.Client();

        var result = await sentry.Organization(Org).Releases.Publish(LiveOperations.Version).ForProjects(LiveOperations.Project)
            .WithCommits(ReleaseCommits.FromRefs($"acme/backend@{LiveOperations.PreviousCommitSha}..{LiveOperations.CommitSha}"))
            .RunAsync();

        Assert.That(result.Succeeded, Is.True, result.ToString());
        traffic.AssertAccepted(expectedAtLeast: 1);
    }

    [Test]
    public async Task The_release_health_report_queries_are_accepted()
    {
        var traffic = new PrismTraffic(new());
        using var sentry = traffic.Client();

        var report = await sentry.Organization(Org).Releases.GetHealthReportAsync(LiveOperations.Version, new ReleaseHealthOptions { Environment = "production", PreviousVersion = "backend@1.2.2" });

        traffic.AssertAccepted(expectedAtLeast: 7);
        Assert.That(report.Problems, Is.Empty);
        Assert.That(traffic.Sent, Does.Contain($"GET /api/0/organizations/{Org}/sessions/").And.Contain($"GET /api/0/organizations/{Org}/events/").And.Contain($"GET /api/0/organizations/{Org}/issues/"));
    }

    /// <summary>A client on Prism that records what it sent and what Prism said about it, with some answers given locally.</summary>
    private sealed class PrismTraffic(Dictionary<(string Method, string Path), (HttpStatusCode Status, string Json)> local) : DelegatingHandler(new HttpClientHandler())
    {
        private readonly ConcurrentQueue<string> _sent = new();
        private readonly ConcurrentQueue<string> _problems = new();

        internal IReadOnlyList<string> Sent => [.. _sent];

        internal SentryManagementClient Client() => new(
            new SentryManagementOptions
            {
                BaseUrl = PrismSetUp.Server.BaseUrl,
                AllowInsecureTransport = true,
                AuthToken = "sntrys_contract-test-token-not-a-secret",
                MaxRetries = 0,
            },
            this);

        internal void AssertAccepted(int expectedAtLeast)
        {
            Assert.That(_problems, Is.Empty, "Prism's verdicts on the workflow's requests");
            Assert.That(_sent.Count(s => !s.StartsWith("local ", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(expectedAtLeast), string.Join("\n", _sent));
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = (request.Method.Method, request.RequestUri!.AbsolutePath);
            if (local.TryGetValue(key, out var answer))
            {
                _sent.Enqueue($"local {key.Method} {key.AbsolutePath}");
                return new HttpResponseMessage(answer.Status) { Content = new StringContent(answer.Json, Encoding.UTF8, "application/json") };
            }

            _sent.Enqueue($"{key.Method} {key.AbsolutePath}");
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("sl-violations", out var violations))
            {
                _problems.Enqueue($"{key.Method} {request.RequestUri}: {string.Join("; ", violations)}");
            }
            else if ((int)response.StatusCode >= 400)
            {
                _problems.Enqueue($"{key.Method} {request.RequestUri}: {(int)response.StatusCode}");
            }

            return response;
        }
    }
}
