namespace Sentry.Management.Quickstart;

internal static class DoctorStep
{
    internal static async Task RunAsync(QuickstartRun run, CancellationToken cancellationToken)
    {
        var sentry = run.Sentry;
        var project = run.Project;

        #region doctor
        var diagnosis = await sentry.DiagnoseAsync(new DiagnosisOptions { Project = project }, cancellationToken);
        Console.WriteLine(diagnosis); // each check with what is wrong and how to fix it; the token never appears
        #endregion
    }
}
