using Sentry.Management.Tests.TestSupport;

namespace Sentry.Management.Tests.Facade;

/// <summary>Release versions are path segments: every character that would change the URL must arrive escaped.</summary>
public class ReleaseVersionEncodingTests
{
    private const string ReleaseJson = """{"id": 1, "version": "x"}""";

    [TestCase("app@1.0.0+build.7", "app%401.0.0%2Bbuild.7")]
    [TestCase("feature/login 2", "feature%2Flogin%202")]
    [TestCase("1.0.0", "1.0.0")]
    [TestCase("a?b#c%d", "a%3Fb%23c%25d")]
    [TestCase("ünï", "%C3%BCn%C3%AF")]
    public async Task Get_escapes_the_version_in_the_raw_url(string version, string expectedSegment)
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, ReleaseJson);

        await h.Client.Releases.GetAsync(version);

        var request = log.Single;
        var expected = $"{SentryTestHarness.BaseUrl}/api/0/organizations/acme/releases/{expectedSegment}/";
        Assert.That(request.Uri.AbsoluteUri, Is.EqualTo(expected));
        Assert.That(request.Uri.OriginalString, Is.EqualTo(expected));
    }

    [Test]
    public async Task Every_version_endpoint_escapes_plus_slash_and_space()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, "[]");
        const string version = "app@1.0 +b/7";
        const string segment = "app%401.0%20%2Bb%2F7";

        await h.Client.Releases.ListCommits(version).ToListAsync();
        await h.Client.Project("web").Releases.ListCommits(version).ToListAsync();
        await h.Client.Releases.ListDeploys(version).ToListAsync();
        await h.Client.Releases.ListCommitFilesAsync(version);

        Assert.That(log.Requests.Select(r => r.RawPath), Is.EqualTo(new[]
        {
            $"/api/0/organizations/acme/releases/{segment}/commits/",
            $"/api/0/projects/acme/web/releases/{segment}/commits/",
            $"/api/0/organizations/acme/releases/{segment}/deploys/",
            $"/api/0/organizations/acme/releases/{segment}/commitfiles/",
        }));
    }

    [Test]
    public async Task Update_delete_and_deploy_escape_the_version()
    {
        using var h = new SentryTestHarness();
        var log = RequestRecorder.Answer(h, """{"id": "1", "environment": "prod"}""");
        const string version = "app@1.0.0+build.7/x";
        const string segment = "app%401.0.0%2Bbuild.7%2Fx";

        await h.Client.Releases.UpdateAsync(version, new ReleaseUpdate { Ref = "v1" });
        await h.Client.Releases.DeleteAsync(version);
        await h.Client.Releases.CreateDeployAsync(version, new DeployCreate { Environment = "prod" });

        Assert.That(log.Requests.Select(r => (r.Method.Method, r.RawPath)), Is.EqualTo(new[]
        {
            ("PUT", $"/api/0/organizations/acme/releases/{segment}/"),
            ("DELETE", $"/api/0/organizations/acme/releases/{segment}/"),
            ("POST", $"/api/0/organizations/acme/releases/{segment}/deploys/"),
        }));
    }
}
