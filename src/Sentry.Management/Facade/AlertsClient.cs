namespace Sentry.Management;

/// <summary>
/// Alerts of an organization, all three families: issue alert rules (per project), metric alert rules, and the workflow
/// engine's workflows and detectors (monitors).
/// </summary>
public class AlertsClient
{
    private readonly OrganizationScope _scope = null!;

    internal AlertsClient(OrganizationScope scope)
    {
        _scope = scope;
        Workflows = new WorkflowsClient(scope);
        Detectors = new DetectorsClient(scope);
        MetricAlertRules = new MetricAlertRulesClient(scope);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected AlertsClient()
    {
        Workflows = null!;
        Detectors = null!;
        MetricAlertRules = null!;
    }

    /// <summary>Workflows: the workflow engine's automations (when a detector's issue changes, do something).</summary>
    public virtual WorkflowsClient Workflows { get; }

    /// <summary>Detectors: the monitors that open issues (metric thresholds, uptime, cron).</summary>
    public virtual DetectorsClient Detectors { get; }

    /// <summary>Metric alert rules of the organization.</summary>
    public virtual MetricAlertRulesClient MetricAlertRules { get; }

    /// <summary>The issue alert rules of one project, the same client as <c>Project(projectSlug).AlertRules</c>.</summary>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <returns>The project's issue alert rules.</returns>
    /// <exception cref="ArgumentException"><paramref name="projectSlug"/> is not a valid slug.</exception>
    public virtual IssueAlertRulesClient IssueAlertRules(string projectSlug) =>
        new(new ProjectScope(_scope, SentrySlug.Validate(projectSlug, nameof(projectSlug))));
}
