namespace Sentry.Management.Testing;

/// <summary>Which generation of Sentry's alert API a <see cref="LocalSentry"/> answers, to exercise clients' fallbacks.</summary>
public enum LocalSentryAlertApi
{
    /// <summary>Legacy issue and metric alert rules and the workflow engine's workflows and detectors, as sentry.io today.</summary>
    Both = 0,

    /// <summary>Only legacy issue and metric alert rules; workflows and detectors answer 404, as an older self-hosted Sentry.</summary>
    Legacy = 1,

    /// <summary>Only workflows and detectors; legacy alert rule endpoints answer 404, as a newer Sentry.</summary>
    WorkflowEngine = 2,
}
