namespace Sentry.Management.Tests.Facade;

/// <summary>
/// How a user unit-tests code that takes a <see cref="SentryManagementClient"/>: subclass the clients it touches,
/// override their virtual members, and return in-memory listings and factory-built models. No HTTP, no mocking package.
/// </summary>
public class FakingTheFacadeTests
{
    [Test]
    public async Task A_users_report_runs_against_a_hand_written_fake()
    {
        var keys = new FakeKeys(
            SentryPageable.FromPages(
            [
                new SentryPage<ProjectKey>([SentryManagementModelFactory.ProjectKey("Default", "https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@o1.ingest.example.com/1")], "0:1:0", null),
                new SentryPage<ProjectKey>([SentryManagementModelFactory.ProjectKey("old", "https://bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb@o1.ingest.example.com/1", isActive: false)], null, "0:0:1"),
            ]));
        var sentry = new FakeSentry(new FakeOrganization(new FakeProject(keys)));

        var report = await InactiveKeyReport.RunAsync(sentry, "acme", "backend");

        Assert.That(report, Is.EqualTo(new[] { "acme/backend: key 'old' (bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb) is inactive" }));
        Assert.That(sentry.RequestedOrganizations, Is.EqualTo(new[] { "acme" }));
    }

    [Test]
    public async Task A_fake_can_throw_the_typed_errors_a_real_call_would()
    {
        var sentry = new FakeSentry(new FakeOrganization(new FakeProject(new FakeKeys(null))));

        var error = Assert.ThrowsAsync<SentryNotFoundException>(() => InactiveKeyReport.RunAsync(sentry, "acme", "backend"));

        Assert.That(error!.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
        Assert.That(error.Message, Does.Contain("/api/0/projects/acme/backend/keys/"));
        await Task.CompletedTask;
    }

    [Test]
    public async Task In_memory_listings_keep_pages_cursors_and_items()
    {
        var listing = SentryPageable.FromPages([new SentryPage<int>([1, 2], "next", null), new SentryPage<int>([3], null, "prev")]);

        var pages = new List<SentryPage<int>>();
        await foreach (var page in listing.AsPages())
        {
            pages.Add(page);
        }

        Assert.That(pages.Select(p => p.NextCursor), Is.EqualTo(new[] { "next", null }));
        Assert.That(await listing.ToListAsync(), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(await SentryPageable.FromValues(["a", "b"]).ToListAsync(), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void The_model_factory_builds_a_key_from_its_dsn_and_refuses_something_else()
    {
        var key = SentryManagementModelFactory.ProjectKey("ci", "https://0123456789abcdef0123456789abcdef@o1.ingest.example.com/42");

        Assert.That(key.Id, Is.EqualTo("0123456789abcdef0123456789abcdef"));
        Assert.That(key.ProjectId, Is.EqualTo("42"));
        Assert.That(key.Dsn!.Public!.Host, Is.EqualTo("o1.ingest.example.com"));
        var error = Assert.Throws<ArgumentException>(() => SentryManagementModelFactory.ProjectKey("ci", "o1.ingest.example.com/42"));
        Assert.That(error!.ParamName, Is.EqualTo("publicDsn"));
    }

    /// <summary>The code under test, as a user would write it.</summary>
    private static class InactiveKeyReport
    {
        internal static async Task<List<string>> RunAsync(SentryManagementClient sentry, string organization, string project)
        {
            var lines = new List<string>();
            await foreach (var key in sentry.Organization(organization).Project(project).Keys.List())
            {
                if (key.IsActive == false)
                {
                    lines.Add($"{organization}/{project}: key '{key.Name}' ({key.Public}) is inactive");
                }
            }

            return lines;
        }
    }

    private sealed class FakeSentry(OrganizationClient organization) : SentryManagementClient
    {
        internal List<string> RequestedOrganizations { get; } = [];

        public override OrganizationClient Organization(string organizationSlug)
        {
            RequestedOrganizations.Add(organizationSlug);
            return organization;
        }
    }

    private sealed class FakeOrganization(ProjectClient project) : OrganizationClient
    {
        public override ProjectClient Project(string projectSlug) => projectSlug == "backend" ? project : throw new ArgumentException("unexpected project", nameof(projectSlug));
    }

    private sealed class FakeProject(ProjectKeysClient keys) : ProjectClient
    {
        public override ProjectKeysClient Keys => keys;
    }

    /// <summary>Lists the given keys, or, without any, fails as Sentry does for a project the token cannot see.</summary>
    private sealed class FakeKeys(SentryPageable<ProjectKey>? keys) : ProjectKeysClient
    {
        public override SentryPageable<ProjectKey> List(string? status = null, SentryPageOptions? pages = null) =>
            keys ?? throw SentryManagementModelFactory.NotFound("GET", "/api/0/projects/acme/backend/keys/");
    }
}
