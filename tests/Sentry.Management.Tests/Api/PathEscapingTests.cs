using Refit;
using RichardSzalay.MockHttp;
using Sentry.Management.Api;
using Sentry.Management.Serialization;

namespace Sentry.Management.Tests.Api;

/// <summary>Path values that are not slugs (release versions, above all) must reach the exact URL Sentry routes.</summary>
public class PathEscapingTests
{
    public interface IVersionProbe
    {
        [Get("/api/0/organizations/{organization_id_or_slug}/releases/{version}/")]
        Task<Organization> GetAsync([AliasAs("organization_id_or_slug")] string organization, string version, [Query] string? query = null);
    }

    [TestCase("app@1.0.0+build.7", "/api/0/organizations/acme/releases/app%401.0.0%2Bbuild.7/")]
    [TestCase("feature/login-1.2", "/api/0/organizations/acme/releases/feature%2Flogin-1.2/")]
    [TestCase("1.0 beta", "/api/0/organizations/acme/releases/1.0%20beta/")]
    [TestCase("a?b#c%d", "/api/0/organizations/acme/releases/a%3Fb%23c%25d/")]
    public async Task Release_versions_are_escaped_as_one_path_segment(string version, string expectedPath)
    {
        using var mock = new MockHttpMessageHandler();
        string? raw = null;
        mock.Fallback.Respond(req => { raw = req.RequestUri!.AbsoluteUri; return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}") }; });
        using var http = new HttpClient(mock) { BaseAddress = new Uri("https://sentry.example.com/") };
        var api = RestService.ForGenerated<IVersionProbe>(http, SentryRefit.Settings(OrganizationsJsonContext.Default));

        await api.GetAsync("acme", version);

        Assert.That(raw, Is.EqualTo("https://sentry.example.com" + expectedPath));
    }

    [Test]
    public async Task Issue_queries_with_spaces_colons_and_quotes_round_trip()
    {
        using var mock = new MockHttpMessageHandler();
        Uri? uri = null;
        mock.Fallback.Respond(req => { uri = req.RequestUri; return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}") }; });
        using var http = new HttpClient(mock) { BaseAddress = new Uri("https://sentry.example.com/") };
        var api = RestService.ForGenerated<IVersionProbe>(http, SentryRefit.Settings(OrganizationsJsonContext.Default));
        const string Query = "is:unresolved message:\"Network timeout\" level:error & more+1";

        await api.GetAsync("acme", "1.0", Query);

        Assert.That(uri!.Query, Does.Not.Contain(" ").And.Not.Contain("\""));
        Assert.That(System.Web.HttpUtility.ParseQueryString(uri.Query)["query"], Is.EqualTo(Query));
    }
}
