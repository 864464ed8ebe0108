namespace Sentry.Management;

/// <summary>
/// Which of Sentry's alert APIs creates a rule. Sentry deprecated the legacy issue and metric alert endpoints on
/// 2026-05-14 in favour of the workflow engine (workflows and detectors); self-hosted installs from before it have
/// only the legacy endpoints.
/// </summary>
public enum AlertApi
{
    /// <summary>The workflow engine when the organization has it; the legacy endpoints when its workflows endpoint answers 404.</summary>
    Auto,

    /// <summary>Workflows (attached to the project's default detector) and, for metric thresholds, detectors; never the legacy endpoints.</summary>
    WorkflowEngine,

    /// <summary>The legacy project rules and metric alert rules endpoints.</summary>
    Legacy,
}
