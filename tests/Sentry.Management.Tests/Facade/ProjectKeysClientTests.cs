using System.Net;
using RichardSzalay.MockHttp;
using Sentry.Management.Serialization;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

public class ProjectKeysClientTests
{
    private const string KeyJson = """
        {"id": "60120449b6b1d5e45f75561e6dabd80b", "name": "Liked Pegasus", "label": "Liked Pegasus",
         "public": "60120449b6b1d5e45f75561e6dabd80b", "secret": "189485c3b8ccf582bf5e12c530ef8858", "projectId": 4505281256090153,
         "isActive": true, "rateLimit": {"window": 7200, "count": 1000},
         "dsn": {"secret": "https://a785682ddda742d7a8a4088810e67701:bcd99b3790b3441c85ce4b1eaa854f66@o4504765715316736.ingest.sentry.io/4505281256090153",
                 "public": "https://a785682ddda742d7a8a4088810e67791@o4504765715316736.ingest.sentry.io/4505281256090153",
                 "csp": "https://o4504765715316736.ingest.sentry.io/api/4505281256090153/csp-report/?sentry_key=a785682ddda719b7a8a4011110d75598"},
         "browserSdkVersion": "7.x", "dateCreated": "2023-06-21T19:50:26.036254Z", "dynamicSdkLoaderOptions": {"hasReplay": true}}
        """;

    [Test]
    public async Task List_for_project_and_for_organization()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url("/api/0/projects/acme/api/keys/")).WithExactQueryString("status=active")
            .Respond(_ => SentryTestHarness.Json($"[{KeyJson}]"));
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url("/api/0/organizations/acme/project-keys/")).WithExactQueryString("team=backend")
            .Respond(_ => SentryTestHarness.Json($"[{KeyJson}]"));

        var keys = await h.Client.Organization("acme").Project("api").Keys.List("active").ToListAsync();
        var orgKeys = await h.Client.Organization("acme").ProjectKeys.List("backend").ToListAsync();

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(keys[0].ProjectId, Is.EqualTo("4505281256090153"));
        Assert.That(keys[0].RateLimit!.Count, Is.EqualTo(1000));
        Assert.That(keys[0].Dsn!.Public!.Host, Is.EqualTo("o4504765715316736.ingest.sentry.io"));
        Assert.That(orgKeys, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Create_update_get_and_delete()
    {
        using var h = new SentryTestHarness();
        const string Key = "60120449b6b1d5e45f75561e6dabd80b";
        h.Mock.Expect(HttpMethod.Post, SentryTestHarness.Url("/api/0/projects/acme/api/keys/"))
            .WithJsonBody("""{"name": "ci", "rateLimit": {"window": 60, "count": 100}}""").Respond(_ => SentryTestHarness.Json(KeyJson, HttpStatusCode.Created));
        h.Mock.Expect(HttpMethod.Put, SentryTestHarness.Url($"/api/0/projects/acme/api/keys/{Key}/"))
            .WithJsonBody("""{"name": "ci-2", "isActive": false, "rateLimit": {"window": 3600, "count": 5000}}""").Respond(_ => SentryTestHarness.Json(KeyJson));
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url($"/api/0/projects/acme/api/keys/{Key}/")).Respond(_ => SentryTestHarness.Json(KeyJson));
        h.Mock.Expect(HttpMethod.Delete, SentryTestHarness.Url($"/api/0/projects/acme/api/keys/{Key}/")).Respond(HttpStatusCode.NoContent);

        await h.Client.Organization("acme").Project("api").Keys.CreateAsync(new ProjectKeyCreate { Name = "ci", RateLimit = new ProjectKeyRateLimit { Window = 60, Count = 100 } });
        await h.Client.Organization("acme").Project("api").Keys.UpdateAsync(Key, new ProjectKeyUpdate { Name = "ci-2", IsActive = false, RateLimit = new ProjectKeyRateLimit { Window = 3600, Count = 5000 } });
        var key = await h.Client.Organization("acme").Project("api").Keys.GetAsync(Key);
        await h.Client.Organization("acme").Project("api").Keys.DeleteAsync(Key);

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(key.AdditionalProperties!.ContainsKey("dynamicSdkLoaderOptions"), Is.True);
    }

    [Test]
    public void ToString_never_shows_the_secret_key_or_secret_dsn()
    {
        var key = System.Text.Json.JsonSerializer.Deserialize(KeyJson, ProjectKeysJsonContext.Default.ProjectKey)!;

        Assert.That(key.ToString(), Does.Not.Contain("189485c3b8ccf582bf5e12c530ef8858").And.Not.Contain("bcd99b3790b3441c85ce4b1eaa854f66"));
        Assert.That(key.Dsn!.ToString(), Does.Not.Contain("bcd99b3790b3441c85ce4b1eaa854f66"));
        Assert.That(key.ToString(), Does.Contain("Liked Pegasus"));
    }

    [Test]
    public void Key_id_with_path_characters_is_rejected()
    {
        using var h = new SentryTestHarness();

        Assert.Throws<ArgumentException>(() => h.Client.Organization("acme").Project("api").Keys.GetAsync("../../x"));
    }
}
