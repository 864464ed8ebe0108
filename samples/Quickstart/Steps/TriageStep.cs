namespace Sentry.Management.Quickstart;

internal static class TriageStep
{
    internal static async Task RunAsync(QuickstartRun run, CancellationToken cancellationToken)
    {
        var org = run.Organization;
        var project = run.Project;

        // Assign to whoever the token belongs to, so the step works in any organization.
        var me = (await run.Sentry.Identity.CheckAsync(cancellationToken)).User?.Email;

        var change = IssueChange.Resolve().AndNote("Triaged by the Sentry.Management quickstart");
        var plan = await org.Issues.PlanChangesAsync(
            new IssueTriageRequest
            {
                Query = "is:unresolved Quickstart",
                Project = project,
                Change = me is null ? change : change.AndAssignTo(me),
                Limit = 50,
            },
            cancellationToken);
        Console.WriteLine(plan); // the dry run: exactly which issues would change, and how

        var result = await plan.ApplyAsync(new ConsoleProgress(), cancellationToken);
        Console.WriteLine(result); // what changed and what failed, per issue
    }
}

/// <summary>Prints progress as it happens (<see cref="Progress{T}"/> would post it to the thread pool, out of order with the result).</summary>
internal sealed class ConsoleProgress : IProgress<TriageProgress>
{
    public void Report(TriageProgress value) => Console.WriteLine($"  {value.Completed}/{value.Total} {value.Step}");
}
