namespace Sentry.Management;

/// <summary>
/// A workflow stopped part-way: <see cref="Exception.InnerException"/> is why, <see cref="Steps"/> what had already
/// been done (so nothing half-done goes unreported; re-running the workflow finds those and carries on).
/// </summary>
public sealed class SentryWorkflowException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="workflow">The workflow, such as <c>Project bootstrap</c>.</param>
    /// <param name="failedStep">The step that failed.</param>
    /// <param name="steps">The steps done before it, and the failed one last.</param>
    /// <param name="innerException">Why it failed.</param>
    public SentryWorkflowException(string workflow, string failedStep, IReadOnlyList<WorkflowStep> steps, Exception innerException)
        : base(BuildMessage(workflow, failedStep, steps, innerException), innerException)
    {
        Workflow = workflow;
        FailedStep = failedStep;
        Steps = steps;
    }

    /// <summary>The workflow that stopped.</summary>
    public string Workflow { get; }

    /// <summary>The step that failed.</summary>
    public string FailedStep { get; }

    /// <summary>What was done before the failure (and the failed step, last).</summary>
    public IReadOnlyList<WorkflowStep> Steps { get; }

    private static string BuildMessage(string workflow, string failedStep, IReadOnlyList<WorkflowStep> steps, Exception inner)
    {
        var done = steps.Where(s => s.Outcome != WorkflowOutcome.Failed).ToList();
        var before = done.Count == 0 ? "Nothing had been done." : "Done before: " + string.Join("; ", done) + ".";
        return $"{workflow} stopped at '{failedStep}': {inner.Message} {before}";
    }
}
