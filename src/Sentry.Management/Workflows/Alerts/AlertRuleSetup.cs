using System.Net;
using System.Text.Json;
using Sentry.Management.Serialization;

namespace Sentry.Management.Workflows.Alerts;

/// <summary>
/// Creates (or finds, or updates) one <see cref="AlertRule"/> on a project with the API the organization has:
/// everything that can be wrong with the input (an uninstalled Slack workspace, a project without a default detector)
/// is found before anything is written.
/// </summary>
internal sealed class AlertRuleSetup
{
    private readonly ProjectScope _project;

    internal AlertRuleSetup(ProjectScope project)
    {
        _project = project;
    }

    internal async Task<AlertSetupResult> EnsureAsync(AlertRule rule, AlertApi api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var slack = await SlackWorkspaces.ResolveAsync(new IntegrationsClient(_project.Organization), rule.Actions, cancellationToken).ConfigureAwait(false);
        if (api != AlertApi.Legacy)
        {
            var engine = await WorkflowEngine.ProbeAsync(_project, api, cancellationToken).ConfigureAwait(false);
            if (engine is not null)
            {
                return await EnsureWorkflowAsync(engine, rule, slack, cancellationToken).ConfigureAwait(false);
            }
        }

        return await EnsureLegacyAsync(rule, slack, cancellationToken).ConfigureAwait(false);
    }

    internal async Task<AlertSetupResult> EnsureMetricAsync(MetricAlert alert, AlertApi api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var slack = await SlackWorkspaces.ResolveAsync(new IntegrationsClient(_project.Organization), alert.Actions, cancellationToken).ConfigureAwait(false);
        if (api != AlertApi.Legacy && await WorkflowEngine.ProbeAsync(_project, api, cancellationToken).ConfigureAwait(false) is { } engine)
        {
            var (detector, detectorChange) = await engine.EnsureDetectorAsync(alert.ToDetectorRequest(), cancellationToken).ConfigureAwait(false);
            try
            {
                var (workflow, workflowChange) = await engine.EnsureWorkflowAsync(alert.ToWorkflowRequest(WorkflowEngine.Id(detector.Id!), slack), cancellationToken).ConfigureAwait(false);
                var change = detectorChange == AlertSetupChange.Created ? AlertSetupChange.Created
                    : detectorChange == AlertSetupChange.Unchanged && workflowChange == AlertSetupChange.Unchanged ? AlertSetupChange.Unchanged
                    : workflowChange == AlertSetupChange.Created && detectorChange == AlertSetupChange.Unchanged ? AlertSetupChange.Created
                    : AlertSetupChange.Updated;
                return new AlertSetupResult(alert.Name, AlertApi.WorkflowEngine, change, workflow.Id, detector.Id) { Workflow = workflow, Detector = detector };
            }
            catch (SentryApiException e)
            {
                // Nothing half-done goes unreported: the detector exists now, and a re-run finds it by name and only adds the workflow.
                throw new InvalidOperationException(
                    $"Metric alert '{alert.Name}': detector {detector.Id} is {detectorChange.ToString().ToLowerInvariant()}, but its workflow failed ({(int)e.StatusCode} {e.Detail}); run again to finish.", e);
            }
        }

        var rules = new MetricAlertRulesClient(_project.Organization);
        var request = alert.ToLegacyRequest(_project.Slug, slack);
        return await SaveLegacyAsync(
            alert.Name,
            async ct => (await rules.ListAsync(ct).ConfigureAwait(false))
                .FirstOrDefault(r => string.Equals(r.Name, alert.Name, StringComparison.Ordinal) && r.Id is not null && (r.Projects?.Contains(_project.Slug) ?? false)),
            r => r.Id,
            existing => AlertJson.Covers(
                JsonSerializer.SerializeToElement(existing, AlertsJsonContext.Default.MetricAlertRule),
                JsonSerializer.SerializeToElement(request, AlertsJsonContext.Default.MetricAlertRuleRequest)),
            ct => rules.CreateAsync(request, ct),
            (id, ct) => rules.UpdateAsync(id, request, ct),
            (result, rule) => new AlertSetupResult(result.Name, result.Api, result.Change, result.Id, taskUuid: result.TaskUuid) { MetricAlertRule = rule },
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<AlertSetupResult> EnsureWorkflowAsync(WorkflowEngine engine, AlertRule rule, IReadOnlyDictionary<string, string> slack, CancellationToken cancellationToken)
    {
        var detector = await engine.DefaultDetectorAsync(cancellationToken).ConfigureAwait(false);
        var request = rule.ToWorkflowRequest(WorkflowEngine.Id(detector.Id!), slack);
        var (workflow, change) = await engine.EnsureWorkflowAsync(request, cancellationToken).ConfigureAwait(false);
        return new AlertSetupResult(rule.Name, AlertApi.WorkflowEngine, change, workflow.Id, detector.Id) { Workflow = workflow };
    }

    private Task<AlertSetupResult> EnsureLegacyAsync(AlertRule rule, IReadOnlyDictionary<string, string> slack, CancellationToken cancellationToken)
    {
        var request = rule.ToLegacyRequest(slack);
        var rules = new IssueAlertRulesClient(_project);
        return SaveLegacyAsync(
            rule.Name,
            async ct =>
            {
                await foreach (var candidate in rules.List().WithCancellation(ct).ConfigureAwait(false))
                {
                    if (string.Equals(candidate.Name, rule.Name, StringComparison.Ordinal) && candidate.Id is not null)
                    {
                        return candidate;
                    }
                }

                return null;
            },
            r => r.Id,
            existing => AlertJson.Covers(
                JsonSerializer.SerializeToElement(existing, AlertsJsonContext.Default.IssueAlertRule),
                JsonSerializer.SerializeToElement(request, AlertsJsonContext.Default.IssueAlertRuleRequest)),
            ct => rules.CreateAsync(request, ct),
            (id, ct) => rules.UpdateAsync(id, request, ct),
            (result, saved) => new AlertSetupResult(result.Name, result.Api, result.Change, result.Id, taskUuid: result.TaskUuid) { IssueAlertRule = saved },
            cancellationToken);
    }

    /// <summary>
    /// Find by name, leave alone when Sentry's copy already says it all, else create or replace: the same for both legacy
    /// rule kinds, which differ only in their types and endpoints. A 410 anywhere is explained.
    /// </summary>
    private static async Task<AlertSetupResult> SaveLegacyAsync<TRule>(
        string name,
        Func<CancellationToken, Task<TRule?>> find,
        Func<TRule, string?> idOf,
        Func<TRule, bool> alreadyCovers,
        Func<CancellationToken, Task<AlertRuleResult<TRule>>> create,
        Func<string, CancellationToken, Task<AlertRuleResult<TRule>>> update,
        Func<AlertSetupResult, TRule?, AlertSetupResult> withRule,
        CancellationToken cancellationToken)
        where TRule : class
    {
        try
        {
            var existing = await find(cancellationToken).ConfigureAwait(false);
            if (existing is not null && alreadyCovers(existing))
            {
                return withRule(new AlertSetupResult(name, AlertApi.Legacy, AlertSetupChange.Unchanged, idOf(existing)), existing);
            }

            var saved = existing is null
                ? await create(cancellationToken).ConfigureAwait(false)
                : await update(idOf(existing)!, cancellationToken).ConfigureAwait(false);
            var change = saved.IsPending ? AlertSetupChange.Pending : existing is null ? AlertSetupChange.Created : AlertSetupChange.Updated;
            var id = saved.Rule is { } rule ? idOf(rule) : existing is null ? null : idOf(existing);
            return withRule(new AlertSetupResult(name, AlertApi.Legacy, change, id, taskUuid: saved.TaskUuid), saved.Rule);
        }
        catch (SentryApiException e) when (e.StatusCode == HttpStatusCode.Gone)
        {
            throw LegacyGone(e);
        }
    }

    /// <summary>A 410 from a legacy alert endpoint: Sentry retired it (or is browning it out) in favour of the workflow engine.</summary>
    internal static InvalidOperationException LegacyGone(SentryApiException e) => new(
        $"Sentry answered 410 Gone to {e.Method} {e.Path}: its legacy alert endpoints are retired (deprecated 2026-05-14). "
        + "Create the rule with AlertApi.WorkflowEngine (or AlertApi.Auto), which uses /organizations/{org}/workflows/ and detectors instead.",
        e);
}
