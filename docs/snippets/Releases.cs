using Sentry.Management;

namespace DocsSnippets;

internal static class Releases
{
    internal static async Task Ci()
    {
        #region releases
        using var sentry = SentryManagementClient.FromEnvironment();
        var releases = sentry.Organization("acme").Releases;
        var version = "my-app@1.4.0+build.7";

        // 1. Create (a second call with the same version answers 208 and returns the existing release).
        var created = await releases.CreateOrGetAsync(new ReleaseCreate
        {
            Version = version,
            Projects = ["my-app"],
            Ref = "v1.4.0",
        });
        Console.WriteLine($"{created.Release.Version} (already existed: {created.AlreadyExisted})");

        // 2. Associate commits through the repository integration (like `sentry-cli releases set-commits`).
        await releases.SetCommitsAsync(version,
        [
            new ReleaseRef { Repository = "acme/my-app", Commit = "4f2a9c1", PreviousCommit = "1b2c3d4" },
        ]);

        // 3. Finalize: the library has no clock of its own, so pass the release time.
        await releases.FinalizeAsync(version, DateTimeOffset.UtcNow);

        // 4. Record the deploy.
        var deploy = await releases.CreateDeployAsync(version, new DeployCreate
        {
            Environment = "production",
            Url = new Uri("https://ci.example.com/runs/7"),
        });
        Console.WriteLine($"Deployed to {deploy.Environment}");

        // Newest releases of the organization, with lazy paging.
        await foreach (var release in releases.List(query: "my-app@1."))
        {
            Console.WriteLine($"{release.Version}  commits={release.CommitCount}  deploys={release.DeployCount}");
        }
        #endregion
    }
}
