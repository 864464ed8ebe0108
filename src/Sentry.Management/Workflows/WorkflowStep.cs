namespace Sentry.Management;

/// <summary>What one step of a workflow did.</summary>
public enum WorkflowOutcome
{
    /// <summary>The step made something new (a project, a key, a release, a deploy).</summary>
    Created,

    /// <summary>What the step would make already existed as asked, so nothing changed (a re-run).</summary>
    Found,

    /// <summary>Something that existed was changed (commits associated, release finalized).</summary>
    Updated,

    /// <summary>The step did not run: it was not asked for, or an earlier step failed.</summary>
    Skipped,

    /// <summary>Sentry refused the step or it could not be done; <see cref="WorkflowStep.Error"/> says why.</summary>
    Failed,
}

/// <summary>One step of a workflow and its outcome, so a CI log shows what a run (or a re-run) did.</summary>
/// <param name="Name">The step, such as <c>release</c>, <c>commits</c> or <c>deploy production</c>.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Detail">A short account: what was created, found or changed, or why the step was skipped.</param>
/// <param name="Error">The failure, when <paramref name="Outcome"/> is <see cref="WorkflowOutcome.Failed"/>.</param>
public sealed record WorkflowStep(string Name, WorkflowOutcome Outcome, string Detail, Exception? Error = null)
{
    /// <summary>Whether the step changed something in Sentry.</summary>
    public bool Changed => Outcome is WorkflowOutcome.Created or WorkflowOutcome.Updated;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: {Outcome.ToString().ToLowerInvariant()}" + (Detail.Length > 0 ? " - " + Detail : string.Empty)
        + (Error is null ? string.Empty : " (" + Error.Message + ")");
}
