using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Hosting;

public sealed class LocalSentryStartTests
{
    [Test]
    public async Task Starts_on_loopback_with_a_free_port_and_seeded_names()
    {
        await using var sentry = await LocalSentry.StartAsync();

        Assert.Multiple(() =>
        {
            Assert.That(sentry.Url.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(sentry.Url.Port, Is.GreaterThan(0));
            Assert.That(sentry.Organization, Is.EqualTo("local"));
            Assert.That(sentry.Project.Slug, Is.EqualTo("app"));
            Assert.That(sentry.AuthToken, Does.StartWith("sntryu_"));
            Assert.That(sentry.Dsn, Does.Match(@"^http://[0-9a-f]{32}@127\.0\.0\.1:\d+/" + sentry.Project.Id + "$"));
            Assert.That(sentry.ToString(), Does.Not.Contain(sentry.AuthToken));
        });
    }

    [Test]
    public async Task Serves_the_organization_and_project_to_the_token_only()
    {
        await using var sentry = await LocalSentry.StartAsync(new LocalSentryOptions { Organization = "acme", Project = "backend" });
        using var http = new LocalSentryHttp(sentry);

        var organization = await http.GetJsonAsync("/api/0/organizations/acme/");
        var project = await http.GetJsonAsync("/api/0/projects/acme/backend/");
        using var anonymous = await http.Client.GetAsync("api/0/organizations/acme/");
        using var wrong = await http.GetAsync("/api/0/organizations/acme/", token: "sntryu_wrong");
        using var missing = await http.GetAsync("/api/0/organizations/nope/");

        Assert.Multiple(async () =>
        {
            Assert.That(organization.GetProperty("slug").GetString(), Is.EqualTo("acme"));
            Assert.That(project.GetProperty("id").GetString(), Is.EqualTo(sentry.Project.Id));
            Assert.That(project.GetProperty("organization").GetProperty("slug").GetString(), Is.EqualTo("acme"));
            Assert.That((int)anonymous.StatusCode, Is.EqualTo(401));
            Assert.That(await anonymous.Content.ReadAsStringAsync(), Is.EqualTo("{\"detail\":\"Authentication credentials were not provided.\"}"));
            Assert.That((int)wrong.StatusCode, Is.EqualTo(401));
            Assert.That((int)missing.StatusCode, Is.EqualTo(404));
            Assert.That(await missing.Content.ReadAsStringAsync(), Is.EqualTo("{\"detail\":\"The requested resource does not exist\"}"));
        });
    }
}
