using Sentry.Management.Api;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Api;

/// <summary>Query parameters of <see cref="IReleasesApi"/> that the facade does not expose, checked on the raw Refit interface.</summary>
public class ReleasesApiQueryTests
{
    private static string GetOrganizationRelease => SchemaExamples.Response("GET", "/api/0/organizations/{organization_id_or_slug}/releases/{version}/");

    [Test]
    public async Task Get_sends_every_schema_query_parameter_by_its_schema_name()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, GetOrganizationRelease);
        using var http = new HttpClient(h.Mock, disposeHandler: false) { BaseAddress = new Uri(SentryTestHarness.BaseUrl) };
        var api = SentryRefit.Create<IReleasesApi>(http);

        var release = await api.GetAsync(
            "acme",
            "app@1.0 +b/7",
            project: "web",
            health: 1,
            adoptionStages: 1,
            summaryStatsPeriod: "24h",
            healthStatsPeriod: "7d",
            sort: "crash_free_sessions",
            status: "open",
            query: "release:1.*");

        Assert.That(log.Single.Uri.AbsoluteUri, Is.EqualTo(
            SentryTestHarness.BaseUrl + "/api/0/organizations/acme/releases/app%401.0%20%2Bb%2F7/"
            + "?project=web&health=1&adoptionStages=1&summaryStatsPeriod=24h&healthStatsPeriod=7d"
            + "&sort=crash_free_sessions&status=open&query=release%3A1.%2A"));
        Assert.That(log.Single.Uri.OriginalString, Is.EqualTo(log.Single.Uri.AbsoluteUri));
        Assert.That(release.Version, Is.EqualTo("control@abc123"));
    }
}
