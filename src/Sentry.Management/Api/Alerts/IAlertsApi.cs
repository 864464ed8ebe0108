using Refit;

namespace Sentry.Management.Api;

/// <summary>
/// Sentry's alert endpoints, as a Refit interface: issue alert rules (per project), metric alert rules (per organization),
/// and the workflow engine's workflows and detectors.
/// </summary>
public interface IAlertsApi
{
    /// <summary>Lists a project's issue alert rules (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/")]
    Task<IApiResponse<List<IssueAlertRule>>> ListIssueRulesAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [Query] string? cursor = null,
        CancellationToken cancellationToken = default);

    /// <summary>Creates an issue alert rule. Sentry answers 201 with the rule, or 202 with <c>{"uuid": …}</c> when it builds the rule in the background.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response: check its status code before reading the rule.</returns>
    [Post("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/")]
    Task<IApiResponse<IssueAlertRule>> CreateIssueRuleAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [Body] IssueAlertRuleRequest rule,
        CancellationToken cancellationToken = default);

    /// <summary>Gets an issue alert rule.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rule.</returns>
    [Get("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/{rule_id}/")]
    Task<IssueAlertRule> GetIssueRuleAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [AliasAs("rule_id")] string ruleId,
        CancellationToken cancellationToken = default);

    /// <summary>Replaces an issue alert rule. Sentry answers 200 with the rule, or 202 with <c>{"uuid": …}</c>.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="rule">The rule's new state.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response: check its status code before reading the rule.</returns>
    [Put("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/{rule_id}/")]
    Task<IApiResponse<IssueAlertRule>> UpdateIssueRuleAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [AliasAs("rule_id")] string ruleId,
        [Body] IssueAlertRuleRequest rule,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes an issue alert rule (Sentry answers 202).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    [Delete("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/rules/{rule_id}/")]
    Task DeleteIssueRuleAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [AliasAs("rule_id")] string ruleId,
        CancellationToken cancellationToken = default);

    /// <summary>Lists an organization's metric alert rules. The schema declares no query parameters (no cursor) for it.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rules of the first page Sentry returns.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/alert-rules/")]
    Task<List<MetricAlertRule>> ListMetricRulesAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        CancellationToken cancellationToken = default);

    /// <summary>Creates a metric alert rule. Sentry answers 201 with the rule, or 202 with <c>{"uuid": …}</c>.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response: check its status code before reading the rule.</returns>
    [Post("/api/0/organizations/{organization_id_or_slug}/alert-rules/")]
    Task<IApiResponse<MetricAlertRule>> CreateMetricRuleAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Body] MetricAlertRuleRequest rule,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a metric alert rule.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="alertRuleId">The rule's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rule.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/alert-rules/{alert_rule_id}/")]
    Task<MetricAlertRule> GetMetricRuleAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("alert_rule_id")] string alertRuleId,
        CancellationToken cancellationToken = default);

    /// <summary>Replaces a metric alert rule. Sentry answers 200 with the rule, or 202 with <c>{"uuid": …}</c>.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="alertRuleId">The rule's id.</param>
    /// <param name="rule">The rule's new state.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response: check its status code before reading the rule.</returns>
    [Put("/api/0/organizations/{organization_id_or_slug}/alert-rules/{alert_rule_id}/")]
    Task<IApiResponse<MetricAlertRule>> UpdateMetricRuleAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("alert_rule_id")] string alertRuleId,
        [Body] MetricAlertRuleRequest rule,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a metric alert rule (Sentry answers 202).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="alertRuleId">The rule's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    [Delete("/api/0/organizations/{organization_id_or_slug}/alert-rules/{alert_rule_id}/")]
    Task DeleteMetricRuleAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("alert_rule_id")] string alertRuleId,
        CancellationToken cancellationToken = default);

    /// <summary>Lists an organization's workflows. The schema declares no cursor for it.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="query">A search over the workflows.</param>
    /// <param name="sortBy">The sort field, such as <c>name</c> or <c>-dateCreated</c>.</param>
    /// <param name="id">Workflow ids to return (repeated).</param>
    /// <param name="project">Project ids or slugs to filter by (repeated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workflows.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/workflows/")]
    Task<List<Workflow>> ListWorkflowsAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query] string? query = null,
        [Query] string? sortBy = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? id = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null,
        CancellationToken cancellationToken = default);

    /// <summary>Creates a workflow.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="workflow">The workflow.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created workflow.</returns>
    [Post("/api/0/organizations/{organization_id_or_slug}/workflows/")]
    Task<Workflow> CreateWorkflowAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Body] WorkflowRequest workflow,
        CancellationToken cancellationToken = default);

    /// <summary>Turns many workflows on or off, by id or query.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="update">On or off.</param>
    /// <param name="query">A search over the workflows.</param>
    /// <param name="id">Workflow ids (repeated).</param>
    /// <param name="project">Project ids or slugs to filter by (repeated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed workflows.</returns>
    [Put("/api/0/organizations/{organization_id_or_slug}/workflows/")]
    Task<List<Workflow>> BulkUpdateWorkflowsAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Body] EnabledUpdate update,
        [Query] string? query = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? id = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes many workflows, by id or query.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="query">A search over the workflows.</param>
    /// <param name="id">Workflow ids (repeated).</param>
    /// <param name="project">Project ids or slugs to filter by (repeated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry deleted them.</returns>
    [Delete("/api/0/organizations/{organization_id_or_slug}/workflows/")]
    Task BulkDeleteWorkflowsAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query] string? query = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? id = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a workflow.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workflow.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/workflows/{workflow_id}/")]
    Task<Workflow> GetWorkflowAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("workflow_id")] string workflowId,
        CancellationToken cancellationToken = default);

    /// <summary>Changes a workflow.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="workflow">The new state.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workflow as it is now.</returns>
    [Put("/api/0/organizations/{organization_id_or_slug}/workflows/{workflow_id}/")]
    Task<Workflow> UpdateWorkflowAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("workflow_id")] string workflowId,
        [Body] WorkflowRequest workflow,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a workflow.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry deleted it.</returns>
    [Delete("/api/0/organizations/{organization_id_or_slug}/workflows/{workflow_id}/")]
    Task DeleteWorkflowAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("workflow_id")] string workflowId,
        CancellationToken cancellationToken = default);

    /// <summary>Lists an organization's detectors (monitors). The schema declares no cursor for it.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="query">A search such as <c>type:metric_issue</c>.</param>
    /// <param name="sortBy">The sort field, such as <c>name</c> or <c>-openIssues</c>.</param>
    /// <param name="id">Detector ids to return (repeated).</param>
    /// <param name="project">Project ids or slugs to filter by (repeated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The detectors.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/detectors/")]
    Task<List<Detector>> ListDetectorsAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query] string? query = null,
        [Query] string? sortBy = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? id = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null,
        CancellationToken cancellationToken = default);

    /// <summary>Creates a detector in a project.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="detector">The detector.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created detector.</returns>
    [Post("/api/0/organizations/{organization_id_or_slug}/projects/{project_id_or_slug}/detectors/")]
    Task<Detector> CreateDetectorAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [Body] DetectorRequest detector,
        CancellationToken cancellationToken = default);

    /// <summary>Turns many detectors on or off, by id or query.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="update">On or off.</param>
    /// <param name="query">A search over the detectors.</param>
    /// <param name="id">Detector ids (repeated).</param>
    /// <param name="project">Project ids or slugs to filter by (repeated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed detectors.</returns>
    [Put("/api/0/organizations/{organization_id_or_slug}/detectors/")]
    Task<List<Detector>> BulkUpdateDetectorsAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Body] EnabledUpdate update,
        [Query] string? query = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? id = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes many detectors, by id or query.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="query">A search over the detectors.</param>
    /// <param name="id">Detector ids (repeated).</param>
    /// <param name="project">Project ids or slugs to filter by (repeated).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry deleted them.</returns>
    [Delete("/api/0/organizations/{organization_id_or_slug}/detectors/")]
    Task BulkDeleteDetectorsAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query] string? query = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? id = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a detector.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="detectorId">The detector's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The detector.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/detectors/{detector_id}/")]
    Task<Detector> GetDetectorAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("detector_id")] string detectorId,
        CancellationToken cancellationToken = default);

    /// <summary>Changes a detector.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="detectorId">The detector's id.</param>
    /// <param name="detector">The new state.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The detector as it is now.</returns>
    [Put("/api/0/organizations/{organization_id_or_slug}/detectors/{detector_id}/")]
    Task<Detector> UpdateDetectorAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("detector_id")] string detectorId,
        [Body] DetectorRequest detector,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a detector.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="detectorId">The detector's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry deleted it.</returns>
    [Delete("/api/0/organizations/{organization_id_or_slug}/detectors/{detector_id}/")]
    Task DeleteDetectorAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("detector_id")] string detectorId,
        CancellationToken cancellationToken = default);
}
