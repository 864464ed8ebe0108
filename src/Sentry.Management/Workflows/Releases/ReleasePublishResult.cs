using System.Text;

namespace Sentry.Management;

/// <summary>What <see cref="ReleasePublication.RunAsync"/> did, step by step.</summary>
public sealed class ReleasePublishResult
{
    /// <summary>Creates a result; the workflow does, and tests that fake <see cref="ReleasePublication.RunAsync"/> can.</summary>
    /// <param name="version">The release version.</param>
    /// <param name="projects">The projects.</param>
    /// <param name="steps">The steps and their outcomes.</param>
    /// <param name="release">The release as Sentry last returned it.</param>
    /// <param name="deploy">The deploy recorded or found.</param>
    public ReleasePublishResult(string version, IReadOnlyList<string> projects, IReadOnlyList<WorkflowStep> steps, Release? release, Deploy? deploy)
    {
        Version = version;
        Projects = projects;
        Steps = steps;
        Release = release;
        Deploy = deploy;
    }

    /// <summary>The release version.</summary>
    public string Version { get; }

    /// <summary>The projects it was published to.</summary>
    public IReadOnlyList<string> Projects { get; }

    /// <summary>The steps in the order they ran: release, commits, finalize, deploy.</summary>
    public IReadOnlyList<WorkflowStep> Steps { get; }

    /// <summary>The release as Sentry last returned it; <see langword="null"/> when creating it failed.</summary>
    public Release? Release { get; }

    /// <summary>The deploy recorded or found; <see langword="null"/> when none was asked for or it failed.</summary>
    public Deploy? Deploy { get; }

    /// <summary>Whether every step succeeded (created, found, updated, or skipped because it was not asked for).</summary>
    public bool Succeeded => Steps.All(s => s.Outcome != WorkflowOutcome.Failed);

    /// <summary>Whether this run changed anything (a re-run of a complete publication changes nothing).</summary>
    public bool Changed => Steps.Any(s => s.Changed);

    /// <summary>The step with this name (<c>release</c>, <c>commits</c>, <c>finalize</c>, <c>deploy</c>).</summary>
    /// <param name="name">The step's name.</param>
    /// <returns>The step.</returns>
    /// <exception cref="KeyNotFoundException">There is no such step.</exception>
    public WorkflowStep this[string name] =>
        Steps.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal)) ?? throw new KeyNotFoundException($"No step '{name}'; the steps are {string.Join(", ", Steps.Select(s => s.Name))}.");

    /// <summary>Throws when a step failed, for CI jobs that should stop there.</summary>
    /// <returns>This result, when every step succeeded.</returns>
    /// <exception cref="SentryWorkflowException">A step failed; the exception lists what was done before it.</exception>
    public ReleasePublishResult EnsureSuccess()
    {
        var failed = Steps.FirstOrDefault(s => s.Outcome == WorkflowOutcome.Failed);
        return failed is null ? this : throw new SentryWorkflowException("Release " + Version, failed.Name, Steps, failed.Error!);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder().Append("Release ").Append(Version).Append(" (").Append(string.Join(", ", Projects)).AppendLine(")");
        foreach (var step in Steps)
        {
            text.Append("  ").AppendLine(step.ToString());
        }

        return text.Append(!Succeeded ? "  failed" : Changed ? "  published" : "  nothing changed").ToString();
    }
}
