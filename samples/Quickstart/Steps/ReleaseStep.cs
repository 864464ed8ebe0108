namespace Sentry.Management.Quickstart;

internal static class ReleaseStep
{
    internal static async Task RunAsync(QuickstartRun run, CancellationToken cancellationToken)
    {
        var org = run.Organization;
        var (project, version) = (run.Project, run.Version);

        // The quickstart may run outside a git checkout (a downloaded archive); then it names its commits itself.
        var commits = InsideGitCheckout()
            ? ReleaseCommits.FromLocalGit(repository: "acme/quickstart", ignoreMissing: true)
            : ReleaseCommits.Explicit([new ReleaseCommitData { Id = "4f2a9c1e", Repository = "acme/quickstart", Message = "Quickstart" }]);

        #region release
        var result = await org.Releases.Publish(version)
            .ForProjects(project)
            .WithRef("v1.0.0")
            .WithCommits(commits)
            .Finalize()
            .WithDeploy("production", name: "quickstart", url: new Uri("https://ci.example.com/runs/1"))
            .RunAsync(cancellationToken);
        Console.WriteLine(result); // release, commits, finalize, deploy: created, found, updated, skipped or failed
        result.EnsureSuccess();    // a CI job stops here when a step failed
        #endregion
    }

    /// <summary>The three ways to say where a release's commits come from (compiled here, shown in docs/releases.md).</summary>
    internal static ReleaseCommits[] CommitSources() =>
    #region release-commits
    [
        // From the local checkout since the previous release's last commit (sentry-cli set-commits --local).
        ReleaseCommits.FromLocalGit(),

        // From repository refs, read by Sentry's GitHub/GitLab integration (sentry-cli set-commits --commit).
        ReleaseCommits.FromRefs("acme/api@1b2c3d4..4f2a9c1"),

        // From an explicit list, newest first.
        ReleaseCommits.Explicit(
        [
            new ReleaseCommitData
            {
                Id = "4f2a9c1",
                Repository = "acme/api",
                AuthorName = "Jane Doe",
                AuthorEmail = "jane@example.com",
                Message = "Fix the checkout",
                Timestamp = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero),
            },
        ]),
    ];
    #endregion

    private static bool InsideGitCheckout()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git")))
            {
                return true;
            }
        }

        return false;
    }
}
