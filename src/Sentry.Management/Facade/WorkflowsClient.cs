using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>An organization's workflows (the workflow engine's automations): list, read, create, change, delete, turn on or off.</summary>
public class WorkflowsClient
{
    private readonly IAlertsApi _api = null!;
    private readonly OrganizationScope _scope = null!;

    internal WorkflowsClient(OrganizationScope scope)
    {
        _scope = scope;
        _api = scope.Api<IAlertsApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected WorkflowsClient()
    {
    }

    /// <summary>Lists an organization's workflows (one request; the schema declares no cursor).</summary>
    /// <param name="query">A search over the workflows.</param>
    /// <param name="projects">Project ids or slugs to filter by.</param>
    /// <param name="sortBy">The sort field, such as <c>name</c> or <c>-dateCreated</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workflows.</returns>
    public virtual async Task<IReadOnlyList<Workflow>> ListAsync(
        string? query = null,
        IReadOnlyList<string>? projects = null,
        string? sortBy = null,
        CancellationToken cancellationToken = default) =>
        await _api.ListWorkflowsAsync(_scope.Slug, query, sortBy, null, projects, cancellationToken).ConfigureAwait(false);

    /// <summary>Gets a workflow.</summary>
    /// <param name="workflowId">The workflow's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workflow.</returns>
    public virtual Task<Workflow> GetAsync(string workflowId, CancellationToken cancellationToken = default) =>
        _api.GetWorkflowAsync(_scope.Slug, QueryValues.NumericId(workflowId, nameof(workflowId)), cancellationToken);

    /// <summary>Creates a workflow.</summary>
    /// <param name="workflow">The workflow (name required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created workflow.</returns>
    public virtual Task<Workflow> CreateAsync(WorkflowRequest workflow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentException.ThrowIfNullOrWhiteSpace(workflow.Name, "workflow.Name");
        return _api.CreateWorkflowAsync(_scope.Slug, workflow, cancellationToken);
    }

    /// <summary>Changes a workflow.</summary>
    /// <param name="workflowId">The workflow's numeric id.</param>
    /// <param name="workflow">The new state (name required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workflow as it is now.</returns>
    public virtual Task<Workflow> UpdateAsync(string workflowId, WorkflowRequest workflow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentException.ThrowIfNullOrWhiteSpace(workflow.Name, "workflow.Name");
        return _api.UpdateWorkflowAsync(_scope.Slug, QueryValues.NumericId(workflowId, nameof(workflowId)), workflow, cancellationToken);
    }

    /// <summary>Deletes a workflow.</summary>
    /// <param name="workflowId">The workflow's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry deleted it.</returns>
    public virtual Task DeleteAsync(string workflowId, CancellationToken cancellationToken = default) =>
        _api.DeleteWorkflowAsync(_scope.Slug, QueryValues.NumericId(workflowId, nameof(workflowId)), cancellationToken);

    /// <summary>Turns the given workflows on or off in one request.</summary>
    /// <param name="workflowIds">The workflows' numeric ids (at least one: without ids Sentry would change every workflow).</param>
    /// <param name="enabled">On or off.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed workflows.</returns>
    public virtual async Task<IReadOnlyList<Workflow>> SetEnabledAsync(
        IEnumerable<string> workflowIds,
        bool enabled,
        CancellationToken cancellationToken = default) =>
        await _api.BulkUpdateWorkflowsAsync(_scope.Slug, new EnabledUpdate { Enabled = enabled }, null, AlertRuleResponses.Ids(workflowIds), null, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>Deletes the given workflows in one request.</summary>
    /// <param name="workflowIds">The workflows' numeric ids (at least one: without ids Sentry would delete every workflow).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry deleted them.</returns>
    public virtual Task DeleteManyAsync(IEnumerable<string> workflowIds, CancellationToken cancellationToken = default) =>
        _api.BulkDeleteWorkflowsAsync(_scope.Slug, null, AlertRuleResponses.Ids(workflowIds), null, cancellationToken);
}
