using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Keys;

public sealed class KeyEndpointTests
{
    [Test]
    public async Task The_seeded_key_is_listed_with_this_servers_DSNs()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);

        var keys = await http.GetJsonAsync($"/api/0/projects/local/{sentry.Project.Slug}/keys/");
        var organizationKeys = await http.GetJsonAsync("/api/0/organizations/local/project-keys/?status=active");
        var badStatus = await http.SendJsonAsync(HttpMethod.Get, "/api/0/organizations/local/project-keys/?status=bogus");

        Assert.Multiple(() =>
        {
            Assert.That(keys.GetArrayLength(), Is.EqualTo(1));
            Assert.That(keys[0].GetProperty("dsn").GetProperty("public").GetString(), Is.EqualTo(sentry.Dsn));
            Assert.That(keys[0].GetProperty("dsn").GetProperty("secret").GetString(), Does.StartWith(sentry.Url.GetLeftPart(UriPartial.Scheme)));
            Assert.That(keys[0].GetProperty("projectId").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(sentry.Project.Id));
            Assert.That(organizationKeys.GetArrayLength(), Is.EqualTo(1));
            Assert.That(badStatus.Status, Is.EqualTo(400));
        });
    }

    [Test]
    public async Task A_new_key_is_accepted_by_ingestion_until_it_is_deactivated()
    {
        await using var sentry = await LocalSentry.StartAsync();
        using var http = new LocalSentryHttp(sentry);
        var path = $"/api/0/projects/local/{sentry.Project.Slug}/keys/";

        var created = await http.SendJsonAsync(HttpMethod.Post, path, """{"name":"ci","rateLimit":{"window":60,"count":10}}""");
        var key = created.Body.GetProperty("id").GetString()!;
        using var accepted = await PostEventAsync(http, sentry, key);
        var updated = await http.SendJsonAsync(HttpMethod.Put, path + key + "/", """{"name":"ci-off","isActive":false,"rateLimit":null}""");
        using var refused = await PostEventAsync(http, sentry, key);
        var fetched = await http.GetJsonAsync(path + key + "/");
        var badLimit = await http.SendJsonAsync(HttpMethod.Put, path + key + "/", """{"rateLimit":{"window":"soon"}}""");
        var deleted = await http.SendJsonAsync(HttpMethod.Delete, path + key + "/");
        var gone = await http.SendJsonAsync(HttpMethod.Get, path + key + "/");

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(201));
            Assert.That(created.Body.GetProperty("rateLimit").GetProperty("count").GetInt32(), Is.EqualTo(10));
            Assert.That(created.Body.GetProperty("dsn").GetProperty("public").GetString(), Does.Contain(key + "@127.0.0.1"));
            Assert.That((int)accepted.StatusCode, Is.EqualTo(200), "ingestion accepts the new key");
            Assert.That(updated.Body.GetProperty("isActive").GetBoolean(), Is.False);
            Assert.That(updated.Body.GetProperty("rateLimit").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That((int)refused.StatusCode, Is.EqualTo(401), "an inactive key is refused");
            Assert.That(fetched.GetProperty("name").GetString(), Is.EqualTo("ci-off"));
            Assert.That(badLimit.Status, Is.EqualTo(400));
            Assert.That(deleted.Status, Is.EqualTo(204));
            Assert.That(gone.Status, Is.EqualTo(404));
        });
    }

    private static async Task<HttpResponseMessage> PostEventAsync(LocalSentryHttp http, LocalSentry sentry, string key)
    {
        var content = new StringContent(Envelopes.Event(new { message = "hello" }));
        return await http.Client.PostAsync($"api/{sentry.Project.Id}/envelope/?sentry_key={key}", content);
    }
}
