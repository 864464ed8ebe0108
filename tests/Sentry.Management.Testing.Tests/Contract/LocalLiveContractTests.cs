using Microsoft.Extensions.DependencyInjection;
using Sentry.Management.Testing.Api;
using Sentry.Management.Testing.Storage;
using Sentry.Management.Testing.Tests.TestSupport;
using Sentry.Management.Tests.Contract.Live;

namespace Sentry.Management.Testing.Tests.Contract;

/// <summary>
/// The live contract suite's client calls (<see cref="LiveOperations"/>, shared with the Prism run) against the local
/// Sentry: each on a fresh server holding what the call names (organization <c>acme</c>, project <c>backend</c>, team
/// <c>platform</c>, the key, release and alert ids the suite uses), through the library's DI pipeline, every answer
/// judged by Sentry's schema and deserialized into our models.
/// </summary>
[Category("Contract")]
public sealed class LocalLiveContractTests
{
    /// <summary>Operations the local Sentry does not serve, or answers as Sentry does where the suite expects the schema's answer.</summary>
    private static readonly Dictionary<string, string> NotHere = new(StringComparer.Ordinal)
    {
        ["PUT /api/0/organizations/{organization_id_or_slug}/"] = "organization settings are not served",
        ["GET /api/0/organizations/{organization_id_or_slug}/releases/{version}/commitfiles/"] =
            "the suite asserts the schema's empty 200 (Prism); the local Sentry answers with the files, as Sentry does (ReleaseEndpointTests)",
    };

    private static IEnumerable<TestCaseData> Operations() =>
        LiveOperations.All
            .Where(o => !NotHere.ContainsKey(o.Operation))
            .Select(o => new TestCaseData(o).SetArgDisplayNames(o.Operation));

    [TestCaseSource(nameof(Operations))]
    public async Task Operation_succeeds_against_the_local_Sentry_and_its_answer_matches_the_schema(LiveOperation operation)
    {
        var createsProject = operation.Operation.StartsWith("POST ", StringComparison.Ordinal) && operation.Operation.EndsWith("/projects/", StringComparison.Ordinal);
        await using var sentry = await LocalSentry.StartAsync(new LocalSentryOptions
        {
            Organization = LiveOperations.Org,
            Project = createsProject ? "app" : LiveOperations.Project,
            PublicKey = LiveOperations.KeyId,
        });
        await ArrangeAsync(sentry, operation.Operation);

        var check = new SchemaCheckingHandler();
        var services = new ServiceCollection();
        var builder = services.AddSentryManagement(o =>
        {
            o.BaseUrl = sentry.Url;
            o.AllowInsecureTransport = true;
            o.AuthToken = sentry.AuthToken;
            o.Organization = LiveOperations.Org;
            o.MaxRetries = 0;
        });
        builder.HttpClient.AddHttpMessageHandler(() => new FirstPageHandler());
        builder.HttpClient.AddHttpMessageHandler(() => check);
        await using var provider = services.BuildServiceProvider();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        try
        {
            await operation.Call(provider, timeout.Token);
        }
        catch (SentryApiException e)
        {
            Assert.Fail($"{operation.Operation}: the local Sentry answered {(int)e.StatusCode}: {e.Detail}\nbody: {e.ResponseBody}");
        }

        Assert.That(check.Violations, Is.Empty, $"{operation.Operation}: the answer breaks Sentry's schema");
    }

    /// <summary>What the suite's calls name, created through the API where it can be and with the suite's ids where they are fixed.</summary>
    private static async Task ArrangeAsync(LocalSentry sentry, string operation)
    {
        using var http = new LocalSentryHttp(sentry);
        var data = sentry.State.Data;
        var organization = data.FindOrganization(LiveOperations.Org)!;
        var now = sentry.State.Now;

        // The suite's repository id, planted before the release's refs name the repository (which would number it 1).
        data.Repositories.Upsert(new StoredRepository { Id = LiveOperations.RepositoryId, OrganizationId = organization.Id, Name = "acme/backend", DateCreated = now });

        // The suite's integration id is the seeded GitHub integration's (external issues need a tracker).
        var github = data.Integrations.All().Single(i => i.OrganizationId == organization.Id && i.Provider == "github");
        data.Integrations.Remove(github.Id);
        github.Id = LiveOperations.IntegrationId;
        data.Integrations.Upsert(github);

        if (operation != "POST /api/0/organizations/{organization_id_or_slug}/teams/")
        {
            var created = await http.SendJsonAsync(HttpMethod.Post, $"/api/0/organizations/{LiveOperations.Org}/teams/", $$"""{"slug":"{{LiveOperations.Team}}"}""");
            Assert.That(created.Status, Is.EqualTo(201), created.Body.ToString());
        }

        if (sentry.Project.Slug == LiveOperations.Project)
        {
            var release = await http.SendJsonAsync(HttpMethod.Post, $"/api/0/organizations/{LiveOperations.Org}/releases/",
                $$"""{"version":"{{LiveOperations.Version}}","projects":["{{LiveOperations.Project}}"],"refs":[{"repository":"acme/backend","commit":"{{LiveOperations.CommitSha}}"}]}""");
            Assert.That(release.Status, Is.EqualTo(201), release.Body.ToString());
        }

        // A second member (so the owner stays), with the suite's member id; on the team unless the call adds it there.
        var team = data.FindTeam(organization, LiveOperations.Team);
        var member = new StoredMember
        {
            Id = LiveOperations.MemberId,
            OrganizationId = organization.Id,
            Email = "sam@acme.example",
            UserId = "2",
            Username = "sam",
            Name = "Sam Developer",
            OrgRole = "member",
            DateCreated = now,
        };
        if (team is not null && operation != "POST /api/0/organizations/{organization_id_or_slug}/members/{member_id}/teams/{team_id_or_slug}/")
        {
            member.Teams[team.Id] = "contributor";
        }

        data.Members.Upsert(member);

        StoredAlert Alert(string kind, string id, string name, string? type = null, List<string>? detectors = null) => new()
        {
            Kind = kind,
            Id = id,
            OrganizationId = organization.Id,
            ProjectId = sentry.Project.Id,
            Name = name,
            Type = type,
            DetectorIds = detectors ?? [],
            DateCreated = now,
            DateUpdated = now,
        };
        data.Alerts.Upsert(Alert("detector", LiveOperations.DetectorId, "Ops errors", "metric_issue"));
        data.Alerts.Upsert(Alert("workflow", LiveOperations.WorkflowId, "Ops alert", detectors: [LiveOperations.DetectorId]));
        data.Alerts.Upsert(Alert("rule", LiveOperations.RuleId, "New errors"));
        var metric = Alert("metric", LiveOperations.AlertRuleId, "Too many errors");
        metric.Json = $$"""{"aggregate":"count()","query":"","timeWindow":60,"projects":["{{sentry.Project.Slug}}"],"triggers":[]}""";
        data.Alerts.Upsert(metric);

        // Sentry refuses to delete a release that issues refer to (400), as the local Sentry does: that call gets none.
        if (sentry.Project.Slug == LiveOperations.Project && operation != "DELETE /api/0/organizations/{organization_id_or_slug}/releases/{version}/")
        {
            await LiveTelemetry.ArrangeAsync(sentry, http);
        }
    }

    /// <summary>
    /// The suite sends the cursor <c>0:100:0</c> so that Prism checks the parameter; on a real server that is the
    /// second page, empty here, which would leave nothing for the schema to judge. Lists start at the first page.
    /// </summary>
    private sealed class FirstPageHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!.OriginalString;
            foreach (var cursor in new[] { "cursor=0:100:0", "cursor=0%3A100%3A0", "cursor=0%3a100%3a0" })
            {
                uri = uri.Replace(cursor, "cursor=0:0:0", StringComparison.Ordinal);
            }

            request.RequestUri = new Uri(uri);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
