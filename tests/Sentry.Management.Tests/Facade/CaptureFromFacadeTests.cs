using System.Net;
using RichardSzalay.MockHttp;
using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

/// <summary>Capture hangs off the same entry point: a capture client for a DSN, for a key just fetched, or for a project by slug.</summary>
public class CaptureFromFacadeTests
{
    private const string KeysPath = "/api/0/projects/acme/backend/keys/";

    private static string Key(string name, string publicKey, bool active, int project = 42) => $$"""
        {"id": "{{publicKey}}", "name": "{{name}}", "public": "{{publicKey}}", "secret": "0123456789abcdef0123456789abcdef",
         "isActive": {{(active ? "true" : "false")}}, "projectId": {{project}},
         "dsn": {"public": "https://{{publicKey}}@o1.ingest.example.com/{{project}}",
                 "secret": "https://{{publicKey}}:0123456789abcdef0123456789abcdef@o1.ingest.example.com/{{project}}"} }
        """;

    [Test]
    public async Task Project_capture_client_prefers_the_named_active_key_and_sends_through_it()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url(KeysPath)).WithExactQueryString("status=active")
            .Respond(_ => SentryTestHarness.Json($"[{Key("ci", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true)}, {Key("Default", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", true)}]"));
        var auth = new List<string>();
        h.Mock.When(HttpMethod.Post, "https://o1.ingest.example.com/api/42/envelope/").Respond(request =>
        {
            lock (auth)
            {
                auth.Add(string.Join(",", request.Headers.GetValues("X-Sentry-Auth")));
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        await using var capture = await h.Client.Organization("acme").Project("backend")
            .GetCaptureClientAsync(configure: o => { o.TimeProvider = TimeProvider.System; o.Release = "backend@1.0.0"; });
        capture.CaptureMessage("deployed");
        var flushed = await capture.FlushAsync(TimeSpan.FromSeconds(10));

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(capture.Dsn.PublicKey, Is.EqualTo("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));
        Assert.That(flushed, Is.True);
        Assert.That(auth, Is.Not.Empty.And.All.Contains("sentry_key=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));
    }

    [Test]
    public async Task Project_capture_client_takes_the_first_active_key_when_none_has_the_name()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url(KeysPath))
            .Respond(_ => SentryTestHarness.Json($"[{Key("old", "cccccccccccccccccccccccccccccccc", false)}, {Key("ci", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true)}]"));

        await using var capture = await h.Client.Project("backend").GetCaptureClientAsync("missing", o => o.TimeProvider = TimeProvider.System);

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(capture.Dsn.PublicKey, Is.EqualTo("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), "an inactive key is never used, even when Sentry lists it");
    }

    [Test]
    public async Task Project_capture_client_creates_the_key_when_the_project_has_no_active_one()
    {
        using var h = new SentryTestHarness();
        h.Mock.Expect(HttpMethod.Get, SentryTestHarness.Url(KeysPath)).Respond(_ => SentryTestHarness.Json("[]"));
        h.Mock.Expect(HttpMethod.Post, SentryTestHarness.Url(KeysPath)).WithJsonBody("""{"name": "Default"}""")
            .Respond(_ => SentryTestHarness.Json(Key("Default", "dddddddddddddddddddddddddddddddd", true, 7), HttpStatusCode.Created));

        await using var capture = await h.Client.Organization("acme").Project("backend").GetCaptureClientAsync(configure: o => o.TimeProvider = TimeProvider.System);

        h.Mock.VerifyNoOutstandingExpectation();
        Assert.That(capture.Dsn.PublicKey, Is.EqualTo("dddddddddddddddddddddddddddddddd"));
        Assert.That(capture.Dsn.EnvelopeUri, Is.EqualTo(new Uri("https://o1.ingest.example.com/api/7/envelope/")));
    }

    [Test]
    public async Task Capture_client_for_a_key_uses_its_public_dsn_never_the_secret_one()
    {
        using var h = new SentryTestHarness();
        var key = SentryManagementModelFactory.ProjectKey("ci", "https://eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee@o1.ingest.example.com/9");
        key.Dsn!.Secret = new Uri("https://eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee:ffffffffffffffffffffffffffffffff@o1.ingest.example.com/9");

        await using var capture = h.Client.CreateCaptureClient(key, o => o.TimeProvider = TimeProvider.System);

        Assert.That(capture.Dsn.HasSecretKey, Is.False);
        Assert.That(capture.Dsn.EnvelopeUri, Is.EqualTo(new Uri("https://o1.ingest.example.com/api/9/envelope/")));
    }

    [Test]
    public void Bad_input_names_what_is_wrong()
    {
        using var h = new SentryTestHarness();

        var noDsn = Assert.Throws<ArgumentException>(() => h.Client.CreateCaptureClient(new ProjectKey { Name = "ci" }));
        Assert.That(noDsn!.Message, Does.Contain("'ci'").And.Contain("DSN"));
        Assert.That(noDsn.ParamName, Is.EqualTo("key"));
        Assert.Throws<ArgumentException>(() => h.Client.CreateCaptureClient(" "));
        Assert.ThrowsAsync<ArgumentException>(() => h.Client.Project("backend").GetCaptureClientAsync(keyName: ""));
    }
}
