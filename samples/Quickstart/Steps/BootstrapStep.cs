namespace Sentry.Management.Quickstart;

internal static class BootstrapStep
{
    internal static async Task RunAsync(QuickstartRun run, CancellationToken cancellationToken)
    {
        var org = run.Organization;
        var (project, team, version) = (run.Project, run.Team, run.Version);

        #region bootstrap
        var boot = await org.BootstrapProjectAsync(
            new ProjectBootstrapOptions
            {
                Project = project,
                Team = team,
                CreateTeamIfMissing = true,
                Platform = "csharp",
                Environment = "production",
                Release = version,
                ServerName = Environment.MachineName,
                SampleRate = 1.0,
                TracesSampleRate = 0.2,
            },
            cancellationToken);
        Console.WriteLine(boot); // each step created or found; a second run says "nothing changed"
        #endregion

        run.Bootstrap = boot;
    }
}
