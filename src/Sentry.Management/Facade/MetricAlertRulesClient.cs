using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>An organization's metric alert rules: list, read, create, replace, delete.</summary>
public class MetricAlertRulesClient
{
    private readonly IAlertsApi _api = null!;
    private readonly OrganizationScope _scope = null!;

    internal MetricAlertRulesClient(OrganizationScope scope)
    {
        _scope = scope;
        _api = scope.Api<IAlertsApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected MetricAlertRulesClient()
    {
    }

    /// <summary>Lists an organization's metric alert rules (the schema declares no cursor for this endpoint, so one request).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rules.</returns>
    public virtual async Task<IReadOnlyList<MetricAlertRule>> ListAsync(CancellationToken cancellationToken = default) =>
        await _api.ListMetricRulesAsync(_scope.Slug, cancellationToken).ConfigureAwait(false);

    /// <summary>Gets a metric alert rule.</summary>
    /// <param name="alertRuleId">The rule's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rule.</returns>
    public virtual Task<MetricAlertRule> GetAsync(string alertRuleId, CancellationToken cancellationToken = default) =>
        _api.GetMetricRuleAsync(_scope.Slug, QueryValues.NumericId(alertRuleId, nameof(alertRuleId)), cancellationToken);

    /// <summary>Creates a metric alert rule; pending (202) when Sentry builds it in the background.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Created with the rule, or pending with the task id.</returns>
    public virtual async Task<AlertRuleResult<MetricAlertRule>> CreateAsync(MetricAlertRuleRequest rule, CancellationToken cancellationToken = default)
    {
        AlertRuleResponses.Validate(rule);
        var response = await _api.CreateMetricRuleAsync(_scope.Slug, rule, cancellationToken).ConfigureAwait(false);
        return AlertRuleResponses.ToResult(response);
    }

    /// <summary>Replaces a metric alert rule; pending (202) when Sentry works in the background.</summary>
    /// <param name="alertRuleId">The rule's numeric id.</param>
    /// <param name="rule">The rule's full new state.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Created with the rule, or pending with the task id.</returns>
    public virtual async Task<AlertRuleResult<MetricAlertRule>> UpdateAsync(
        string alertRuleId,
        MetricAlertRuleRequest rule,
        CancellationToken cancellationToken = default)
    {
        AlertRuleResponses.Validate(rule);
        var response = await _api.UpdateMetricRuleAsync(_scope.Slug, QueryValues.NumericId(alertRuleId, nameof(alertRuleId)), rule, cancellationToken)
            .ConfigureAwait(false);
        return AlertRuleResponses.ToResult(response);
    }

    /// <summary>Deletes a metric alert rule.</summary>
    /// <param name="alertRuleId">The rule's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the deletion.</returns>
    public virtual Task DeleteAsync(string alertRuleId, CancellationToken cancellationToken = default) =>
        _api.DeleteMetricRuleAsync(_scope.Slug, QueryValues.NumericId(alertRuleId, nameof(alertRuleId)), cancellationToken);
}
