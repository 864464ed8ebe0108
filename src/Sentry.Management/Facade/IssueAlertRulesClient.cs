using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>A project's issue alert rules: list, read, create, replace, delete.</summary>
public class IssueAlertRulesClient
{
    private readonly IAlertsApi _api = null!;
    private readonly ProjectScope _project = null!;

    internal IssueAlertRulesClient(ProjectScope project)
    {
        _project = project;
        _api = project.Api<IAlertsApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected IssueAlertRulesClient()
    {
    }

    /// <summary>Lists a project's issue alert rules, fetching pages as the listing is enumerated.</summary>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<IssueAlertRule> List(SentryPageOptions? pages = null)
    {
        var organization = _project.Organization.Slug;
        var project = _project.Slug;
        return OrganizationScope.Pageable((cursor, ct) => _api.ListIssueRulesAsync(organization, project, cursor, ct), pages);
    }

    /// <summary>Gets an issue alert rule.</summary>
    /// <param name="ruleId">The rule's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rule.</returns>
    public virtual Task<IssueAlertRule> GetAsync(string ruleId, CancellationToken cancellationToken = default) =>
        _api.GetIssueRuleAsync(_project.Organization.Slug, _project.Slug, QueryValues.NumericId(ruleId, nameof(ruleId)), cancellationToken);

    /// <summary>
    /// Creates an issue alert rule. When Sentry builds it in the background (202, for example while it looks up a Slack
    /// channel) the result is pending with the task's id instead of the rule.
    /// </summary>
    /// <param name="rule">The rule.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Created with the rule, or pending with the task id.</returns>
    public virtual async Task<AlertRuleResult<IssueAlertRule>> CreateAsync(
        IssueAlertRuleRequest rule,
        CancellationToken cancellationToken = default)
    {
        AlertRuleResponses.Validate(rule);
        var response = await _api.CreateIssueRuleAsync(_project.Organization.Slug, _project.Slug, rule, cancellationToken).ConfigureAwait(false);
        return AlertRuleResponses.ToResult(response);
    }

    /// <summary>Replaces an issue alert rule; pending (202) like <see cref="CreateAsync"/> when Sentry works in the background.</summary>
    /// <param name="ruleId">The rule's numeric id.</param>
    /// <param name="rule">The rule's full new state.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Created with the rule, or pending with the task id.</returns>
    public virtual async Task<AlertRuleResult<IssueAlertRule>> UpdateAsync(
        string ruleId,
        IssueAlertRuleRequest rule,
        CancellationToken cancellationToken = default)
    {
        AlertRuleResponses.Validate(rule);
        var response = await _api.UpdateIssueRuleAsync(
            _project.Organization.Slug, _project.Slug, QueryValues.NumericId(ruleId, nameof(ruleId)), rule, cancellationToken).ConfigureAwait(false);
        return AlertRuleResponses.ToResult(response);
    }

    /// <summary>Deletes an issue alert rule.</summary>
    /// <param name="ruleId">The rule's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    public virtual Task DeleteAsync(string ruleId, CancellationToken cancellationToken = default) =>
        _api.DeleteIssueRuleAsync(_project.Organization.Slug, _project.Slug, QueryValues.NumericId(ruleId, nameof(ruleId)), cancellationToken);

    /// <summary>
    /// Creates an issue alert rule described with <see cref="AlertRule.Create"/>, idempotently: a rule of the same name on
    /// this project is found and left alone when it already says what the description says, or replaced by the
    /// description when it says something else (never duplicated). The API is chosen by <paramref name="api"/>: the
    /// workflow engine (a workflow on the project's default detector) where the organization has it, the legacy
    /// project rules where its workflows endpoint answers 404. Slack workspaces are resolved before anything is written.
    /// </summary>
    /// <param name="rule">The rule.</param>
    /// <param name="api">Which API to use (default: Auto).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>Which API holds the rule, its id, and whether it was created, updated, found unchanged or is pending.</returns>
    /// <exception cref="ArgumentException">A Slack workspace the rule names is not installed (or none is named and there are none or several).</exception>
    /// <exception cref="InvalidOperationException">The chosen API does not exist on this Sentry (404 for the workflow engine, 410 for the legacy endpoints), or the project has no default detector.</exception>
    public virtual Task<AlertSetupResult> EnsureAsync(AlertRule rule, AlertApi api = AlertApi.Auto, CancellationToken cancellationToken = default) =>
        new Workflows.Alerts.AlertRuleSetup(_project).EnsureAsync(rule, api, cancellationToken);

    /// <summary>
    /// Creates a metric threshold described with <see cref="MetricAlert"/> on this project, idempotently (found by name):
    /// a metric detector plus the workflow that runs each level's actions (workflow engine), or a legacy metric alert rule.
    /// </summary>
    /// <param name="alert">The metric alert.</param>
    /// <param name="api">Which API to use (default: Auto).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>Which API holds it, the workflow (or rule) and detector ids, and what changed.</returns>
    /// <exception cref="ArgumentException">A Slack workspace it names is not installed.</exception>
    /// <exception cref="InvalidOperationException">The chosen API does not exist on this Sentry, or the detector was written but its workflow failed (the message says so; run again to finish).</exception>
    public virtual Task<AlertSetupResult> EnsureMetricAsync(MetricAlert alert, AlertApi api = AlertApi.Auto, CancellationToken cancellationToken = default) =>
        new Workflows.Alerts.AlertRuleSetup(_project).EnsureMetricAsync(alert, api, cancellationToken);
}
