using System.Net;
using System.Text.Json;
using Refit;
using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>
/// Alerts, all three families: issue alert rules (per project), metric alert rules (per organization), and the workflow
/// engine's workflows and detectors (monitors).
/// </summary>
public class AlertsClient
{
    private readonly IAlertsApi _api = null!;
    private readonly ClientContext _context = null!;

    /// <summary>Creates the client over a Refit implementation of <see cref="IAlertsApi"/>.</summary>
    /// <param name="api">The API to call.</param>
    /// <param name="options">The options (default organization).</param>
    public AlertsClient(IAlertsApi api, SentryManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _context = new ClientContext(options);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected AlertsClient()
    {
    }

    /// <summary>Lists a project's issue alert rules, fetching pages as the listing is enumerated.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<IssueAlertRule> ListIssueRules(string? organizationSlug, string projectSlug, SentryPageOptions? pages = null)
    {
        var organization = _context.Organization(organizationSlug);
        var project = SentrySlug.Validate(projectSlug);
        return ClientContext.Pageable((cursor, ct) => _api.ListIssueRulesAsync(organization, project, cursor, ct), pages);
    }

    /// <summary>Gets an issue alert rule.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="ruleId">The rule's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rule.</returns>
    public virtual Task<IssueAlertRule> GetIssueRuleAsync(string? organizationSlug, string projectSlug, string ruleId, CancellationToken cancellationToken = default) =>
        _api.GetIssueRuleAsync(_context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), QueryValues.NumericId(ruleId, nameof(ruleId)), cancellationToken);

    /// <summary>
    /// Creates an issue alert rule. When Sentry builds it in the background (202, for example while it looks up a Slack
    /// channel) the result is pending with the task's id instead of the rule.
    /// </summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Created with the rule, or pending with the task id.</returns>
    public virtual async Task<AlertRuleResult<IssueAlertRule>> CreateIssueRuleAsync(
        string? organizationSlug,
        string projectSlug,
        IssueAlertRuleRequest rule,
        CancellationToken cancellationToken = default)
    {
        Validate(rule);
        var response = await _api.CreateIssueRuleAsync(_context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), rule, cancellationToken).ConfigureAwait(false);
        return ToResult(response);
    }

    /// <summary>Replaces an issue alert rule; pending (202) like <see cref="CreateIssueRuleAsync"/> when Sentry works in the background.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="ruleId">The rule's numeric id.</param>
    /// <param name="rule">The rule's full new state.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Created with the rule, or pending with the task id.</returns>
    public virtual async Task<AlertRuleResult<IssueAlertRule>> UpdateIssueRuleAsync(
        string? organizationSlug,
        string projectSlug,
        string ruleId,
        IssueAlertRuleRequest rule,
        CancellationToken cancellationToken = default)
    {
        Validate(rule);
        var response = await _api.UpdateIssueRuleAsync(
            _context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), QueryValues.NumericId(ruleId, nameof(ruleId)), rule, cancellationToken).ConfigureAwait(false);
        return ToResult(response);
    }

    /// <summary>Deletes an issue alert rule.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="ruleId">The rule's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    public virtual Task DeleteIssueRuleAsync(string? organizationSlug, string projectSlug, string ruleId, CancellationToken cancellationToken = default) =>
        _api.DeleteIssueRuleAsync(_context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), QueryValues.NumericId(ruleId, nameof(ruleId)), cancellationToken);

    /// <summary>Lists an organization's metric alert rules (the schema declares no cursor for this endpoint, so one request).</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rules.</returns>
    public virtual async Task<IReadOnlyList<MetricAlertRule>> ListMetricRulesAsync(string? organizationSlug = null, CancellationToken cancellationToken = default) =>
        await _api.ListMetricRulesAsync(_context.Organization(organizationSlug), cancellationToken).ConfigureAwait(false);

    /// <summary>Gets a metric alert rule.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="alertRuleId">The rule's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rule.</returns>
    public virtual Task<MetricAlertRule> GetMetricRuleAsync(string? organizationSlug, string alertRuleId, CancellationToken cancellationToken = default) =>
        _api.GetMetricRuleAsync(_context.Organization(organizationSlug), QueryValues.NumericId(alertRuleId, nameof(alertRuleId)), cancellationToken);

    /// <summary>Creates a metric alert rule; pending (202) when Sentry builds it in the background.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Created with the rule, or pending with the task id.</returns>
    public virtual async Task<AlertRuleResult<MetricAlertRule>> CreateMetricRuleAsync(string? organizationSlug, MetricAlertRuleRequest rule, CancellationToken cancellationToken = default)
    {
        Validate(rule);
        var response = await _api.CreateMetricRuleAsync(_context.Organization(organizationSlug), rule, cancellationToken).ConfigureAwait(false);
        return ToResult(response);
    }

    /// <summary>Replaces a metric alert rule; pending (202) when Sentry works in the background.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="alertRuleId">The rule's numeric id.</param>
    /// <param name="rule">The rule's full new state.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Created with the rule, or pending with the task id.</returns>
    public virtual async Task<AlertRuleResult<MetricAlertRule>> UpdateMetricRuleAsync(
        string? organizationSlug,
        string alertRuleId,
        MetricAlertRuleRequest rule,
        CancellationToken cancellationToken = default)
    {
        Validate(rule);
        var response = await _api.UpdateMetricRuleAsync(_context.Organization(organizationSlug), QueryValues.NumericId(alertRuleId, nameof(alertRuleId)), rule, cancellationToken)
            .ConfigureAwait(false);
        return ToResult(response);
    }

    /// <summary>Deletes a metric alert rule.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="alertRuleId">The rule's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    public virtual Task DeleteMetricRuleAsync(string? organizationSlug, string alertRuleId, CancellationToken cancellationToken = default) =>
        _api.DeleteMetricRuleAsync(_context.Organization(organizationSlug), QueryValues.NumericId(alertRuleId, nameof(alertRuleId)), cancellationToken);

    /// <summary>Lists an organization's workflows (one request; the schema declares no cursor).</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="query">A search over the workflows.</param>
    /// <param name="projects">Project ids or slugs to filter by.</param>
    /// <param name="sortBy">The sort field, such as <c>name</c> or <c>-dateCreated</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workflows.</returns>
    public virtual async Task<IReadOnlyList<Workflow>> ListWorkflowsAsync(
        string? organizationSlug = null,
        string? query = null,
        IReadOnlyList<string>? projects = null,
        string? sortBy = null,
        CancellationToken cancellationToken = default) =>
        await _api.ListWorkflowsAsync(_context.Organization(organizationSlug), query, sortBy, null, projects, cancellationToken).ConfigureAwait(false);

    /// <summary>Gets a workflow.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="workflowId">The workflow's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workflow.</returns>
    public virtual Task<Workflow> GetWorkflowAsync(string? organizationSlug, string workflowId, CancellationToken cancellationToken = default) =>
        _api.GetWorkflowAsync(_context.Organization(organizationSlug), QueryValues.NumericId(workflowId, nameof(workflowId)), cancellationToken);

    /// <summary>Creates a workflow.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="workflow">The workflow (name required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created workflow.</returns>
    public virtual Task<Workflow> CreateWorkflowAsync(string? organizationSlug, WorkflowRequest workflow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentException.ThrowIfNullOrWhiteSpace(workflow.Name, "workflow.Name");
        return _api.CreateWorkflowAsync(_context.Organization(organizationSlug), workflow, cancellationToken);
    }

    /// <summary>Changes a workflow.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="workflowId">The workflow's numeric id.</param>
    /// <param name="workflow">The new state (name required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workflow as it is now.</returns>
    public virtual Task<Workflow> UpdateWorkflowAsync(string? organizationSlug, string workflowId, WorkflowRequest workflow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentException.ThrowIfNullOrWhiteSpace(workflow.Name, "workflow.Name");
        return _api.UpdateWorkflowAsync(_context.Organization(organizationSlug), QueryValues.NumericId(workflowId, nameof(workflowId)), workflow, cancellationToken);
    }

    /// <summary>Deletes a workflow.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="workflowId">The workflow's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry deleted it.</returns>
    public virtual Task DeleteWorkflowAsync(string? organizationSlug, string workflowId, CancellationToken cancellationToken = default) =>
        _api.DeleteWorkflowAsync(_context.Organization(organizationSlug), QueryValues.NumericId(workflowId, nameof(workflowId)), cancellationToken);

    /// <summary>Turns the given workflows on or off in one request.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="workflowIds">The workflows' numeric ids (at least one: without ids Sentry would change every workflow).</param>
    /// <param name="enabled">On or off.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed workflows.</returns>
    public virtual async Task<IReadOnlyList<Workflow>> SetWorkflowsEnabledAsync(
        string? organizationSlug,
        IEnumerable<string> workflowIds,
        bool enabled,
        CancellationToken cancellationToken = default) =>
        await _api.BulkUpdateWorkflowsAsync(_context.Organization(organizationSlug), new EnabledUpdate { Enabled = enabled }, null, Ids(workflowIds), null, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>Deletes the given workflows in one request.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="workflowIds">The workflows' numeric ids (at least one: without ids Sentry would delete every workflow).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry deleted them.</returns>
    public virtual Task DeleteWorkflowsAsync(string? organizationSlug, IEnumerable<string> workflowIds, CancellationToken cancellationToken = default) =>
        _api.BulkDeleteWorkflowsAsync(_context.Organization(organizationSlug), null, Ids(workflowIds), null, cancellationToken);

    /// <summary>Lists an organization's detectors (one request; the schema declares no cursor).</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="query">A search such as <c>type:metric_issue</c>.</param>
    /// <param name="projects">Project ids or slugs to filter by.</param>
    /// <param name="sortBy">The sort field, such as <c>name</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The detectors.</returns>
    public virtual async Task<IReadOnlyList<Detector>> ListDetectorsAsync(
        string? organizationSlug = null,
        string? query = null,
        IReadOnlyList<string>? projects = null,
        string? sortBy = null,
        CancellationToken cancellationToken = default) =>
        await _api.ListDetectorsAsync(_context.Organization(organizationSlug), query, sortBy, null, projects, cancellationToken).ConfigureAwait(false);

    /// <summary>Gets a detector.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="detectorId">The detector's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The detector.</returns>
    public virtual Task<Detector> GetDetectorAsync(string? organizationSlug, string detectorId, CancellationToken cancellationToken = default) =>
        _api.GetDetectorAsync(_context.Organization(organizationSlug), QueryValues.NumericId(detectorId, nameof(detectorId)), cancellationToken);

    /// <summary>Creates a detector in a project.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="detector">The detector (name and type required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created detector.</returns>
    public virtual Task<Detector> CreateDetectorAsync(string? organizationSlug, string projectSlug, DetectorRequest detector, CancellationToken cancellationToken = default)
    {
        Validate(detector);
        return _api.CreateDetectorAsync(_context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), detector, cancellationToken);
    }

    /// <summary>Changes a detector.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="detectorId">The detector's numeric id.</param>
    /// <param name="detector">The new state (name and type required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The detector as it is now.</returns>
    public virtual Task<Detector> UpdateDetectorAsync(string? organizationSlug, string detectorId, DetectorRequest detector, CancellationToken cancellationToken = default)
    {
        Validate(detector);
        return _api.UpdateDetectorAsync(_context.Organization(organizationSlug), QueryValues.NumericId(detectorId, nameof(detectorId)), detector, cancellationToken);
    }

    /// <summary>Deletes a detector.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="detectorId">The detector's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry deleted it.</returns>
    public virtual Task DeleteDetectorAsync(string? organizationSlug, string detectorId, CancellationToken cancellationToken = default) =>
        _api.DeleteDetectorAsync(_context.Organization(organizationSlug), QueryValues.NumericId(detectorId, nameof(detectorId)), cancellationToken);

    /// <summary>Turns the given detectors on or off in one request.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="detectorIds">The detectors' numeric ids (at least one).</param>
    /// <param name="enabled">On or off.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed detectors.</returns>
    public virtual async Task<IReadOnlyList<Detector>> SetDetectorsEnabledAsync(
        string? organizationSlug,
        IEnumerable<string> detectorIds,
        bool enabled,
        CancellationToken cancellationToken = default) =>
        await _api.BulkUpdateDetectorsAsync(_context.Organization(organizationSlug), new EnabledUpdate { Enabled = enabled }, null, Ids(detectorIds), null, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>Deletes the given detectors in one request.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="detectorIds">The detectors' numeric ids (at least one).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry deleted them.</returns>
    public virtual Task DeleteDetectorsAsync(string? organizationSlug, IEnumerable<string> detectorIds, CancellationToken cancellationToken = default) =>
        _api.BulkDeleteDetectorsAsync(_context.Organization(organizationSlug), null, Ids(detectorIds), null, cancellationToken);

    /// <summary>Turns a 201/200 answer into "created" and a 202 answer (<c>{"uuid": …}</c>) into "pending".</summary>
    private static AlertRuleResult<TRule> ToResult<TRule>(IApiResponse<TRule> response)
        where TRule : SentryModel
    {
        using (response)
        {
            if (response.Error is { } error)
            {
                throw error.InnerException as SentryApiException ?? (Exception)error;
            }

            if (response.StatusCode is HttpStatusCode.Accepted)
            {
                // The 202 body is {"uuid": "..."}: it lands in AdditionalProperties, because the rule models name no such field.
                var uuid = response.Content?.AdditionalProperties is { } fields && fields.TryGetValue("uuid", out var value) && value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : null;
                return AlertRuleResult.Pending<TRule>(uuid ?? throw new InvalidOperationException("Sentry answered 202 without a task uuid."));
            }

            return AlertRuleResult.Created(response.Content ?? throw new InvalidOperationException($"Sentry answered {(int?)response.StatusCode} without a body."));
        }
    }

    private static string[] Ids(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.Select(id => QueryValues.NumericId(id, nameof(ids))).Distinct(StringComparer.Ordinal).ToArray();
        if (list.Length == 0)
        {
            // Without ids these bulk endpoints act on everything the (empty) query matches.
            throw new ArgumentException("At least one id is required.", nameof(ids));
        }

        return list;
    }

    private static void Validate(IssueAlertRuleRequest rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(rule.Name, "rule.Name");
        ArgumentNullException.ThrowIfNull(rule.Conditions, "rule.Conditions");
        ArgumentNullException.ThrowIfNull(rule.Actions, "rule.Actions");
    }

    private static void Validate(MetricAlertRuleRequest rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(rule.Name, "rule.Name");
        ArgumentException.ThrowIfNullOrWhiteSpace(rule.Aggregate, "rule.Aggregate");
        ArgumentNullException.ThrowIfNull(rule.Triggers, "rule.Triggers");
    }

    private static void Validate(DetectorRequest detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentException.ThrowIfNullOrWhiteSpace(detector.Name, "detector.Name");
        ArgumentException.ThrowIfNullOrWhiteSpace(detector.Type, "detector.Type");
    }
}
