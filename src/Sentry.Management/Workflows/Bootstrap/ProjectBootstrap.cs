using System.Text;

namespace Sentry.Management;

/// <summary>
/// What <see cref="OrganizationClient.BootstrapProjectAsync"/> set up: the project, its team and key, what was created
/// and what was found, and a capture client for the key. Dispose it to flush and stop the capture client.
/// </summary>
public sealed class ProjectBootstrap : IAsyncDisposable
{
    /// <summary>Creates a result; the workflow does, and tests that fake <see cref="OrganizationClient.BootstrapProjectAsync"/> can.</summary>
    /// <param name="project">The project.</param>
    /// <param name="key">The client key.</param>
    /// <param name="captureClient">A capture client on the key.</param>
    /// <param name="steps">The steps and their outcomes.</param>
    public ProjectBootstrap(Project project, ProjectKey key, SentryCaptureClient captureClient, IReadOnlyList<WorkflowStep> steps)
    {
        Project = project;
        Key = key;
        CaptureClient = captureClient;
        Steps = steps;
    }

    /// <summary>The project, as Sentry returned it.</summary>
    public Project Project { get; }

    /// <summary>The client key events are sent through.</summary>
    public ProjectKey Key { get; }

    /// <summary>The key's public DSN (no secret), for configuring other SDKs.</summary>
    public string Dsn => Key.Dsn?.Public?.ToString() ?? string.Empty;

    /// <summary>A started capture client on <see cref="Key"/> with the environment, release, sample rates and filters asked for.</summary>
    public SentryCaptureClient CaptureClient { get; }

    /// <summary>The steps: team, project, key; each created or found.</summary>
    public IReadOnlyList<WorkflowStep> Steps { get; }

    /// <summary>Whether this run created anything (a re-run creates nothing).</summary>
    public bool Changed => Steps.Any(s => s.Changed);

    /// <summary>Flushes and stops the capture client.</summary>
    /// <returns>A task that completes when the capture client is stopped.</returns>
    public ValueTask DisposeAsync() => CaptureClient.DisposeAsync();

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Project ").Append(Project.Slug).Append(" (").Append(Project.Platform ?? "no platform").Append("), DSN ").AppendLine(Dsn);
        foreach (var step in Steps)
        {
            text.Append("  ").AppendLine(step.ToString());
        }

        return text.Append(Changed ? "  set up" : "  nothing changed").ToString();
    }
}
