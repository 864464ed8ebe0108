using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Hosting;

public sealed class ManagementPersistenceTests
{
    [Test]
    public async Task Teams_members_releases_and_alerts_survive_a_restart_on_a_data_file()
    {
        var file = Path.Combine(Path.GetTempPath(), "local-sentry-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var options = new LocalSentryOptions { DataFile = file };
            string workflowId;
            await using (var sentry = await LocalSentry.StartAsync(options))
            {
                using var http = new LocalSentryHttp(sentry);
                await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/teams/", """{"slug":"platform"}""");
                await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/members/", """{"email":"dev@local.test"}""");
                await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/releases/", $$"""{"version":"1.0","projects":["{{sentry.Project.Slug}}"],"commits":[{"id":"abc","repository":"acme/app"}]}""");
                var (_, workflow) = await http.SendJsonAsync(HttpMethod.Post, "/api/0/organizations/local/workflows/", """{"name":"Kept"}""");
                workflowId = workflow.GetProperty("id").GetString()!;
            }

            await using var restarted = await LocalSentry.StartAsync(options);
            using var again = new LocalSentryHttp(restarted);
            var teams = await again.GetJsonAsync("/api/0/organizations/local/teams/");
            var members = await again.GetJsonAsync("/api/0/organizations/local/members/");
            var release = await again.GetJsonAsync("/api/0/organizations/local/releases/1.0/");
            var kept = await again.GetJsonAsync($"/api/0/organizations/local/workflows/{workflowId}/");
            var detectors = await again.GetJsonAsync("/api/0/organizations/local/detectors/");
            var integrations = await again.GetJsonAsync("/api/0/organizations/local/integrations/");

            Assert.Multiple(() =>
            {
                Assert.That(teams.EnumerateArray().Select(t => t.GetProperty("slug").GetString()), Is.EqualTo(new[] { "local", "platform" }));
                Assert.That(members.GetArrayLength(), Is.EqualTo(2), "the owner is not seeded twice");
                Assert.That(release.GetProperty("commitCount").GetInt32(), Is.EqualTo(1));
                Assert.That(kept.GetProperty("name").GetString(), Is.EqualTo("Kept"));
                Assert.That(detectors.GetArrayLength(), Is.EqualTo(2), "default detectors are not seeded twice");
                Assert.That(integrations.GetArrayLength(), Is.EqualTo(2));
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
