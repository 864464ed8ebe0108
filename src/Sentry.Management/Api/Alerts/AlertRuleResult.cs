namespace Sentry.Management;

/// <summary>
/// The outcome of creating or changing an alert rule. Sentry builds rules with some integrations (such as a Slack channel
/// it must look up) asynchronously: it answers 202 with a task id instead of the rule.
/// </summary>
/// <typeparam name="TRule">The rule type.</typeparam>
public sealed class AlertRuleResult<TRule>
    where TRule : class
{
    internal AlertRuleResult(TRule? rule, string? taskUuid)
    {
        Rule = rule;
        TaskUuid = taskUuid;
    }

    /// <summary>The rule, when Sentry saved it right away; <see langword="null"/> when pending.</summary>
    public TRule? Rule { get; }

    /// <summary>The id of Sentry's background task, when pending; <see langword="null"/> when saved.</summary>
    public string? TaskUuid { get; }

    /// <summary>Whether Sentry is still building the rule (answered 202); list the rules later to see it.</summary>
    public bool IsPending => Rule is null;

    /// <inheritdoc />
    public override string ToString() => IsPending ? $"pending (task {TaskUuid})" : $"created: {Rule}";
}

/// <summary>Creates <see cref="AlertRuleResult{TRule}"/> values (for the client, and for tests that fake it).</summary>
public static class AlertRuleResult
{
    /// <summary>A rule Sentry saved right away.</summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <param name="rule">The rule.</param>
    /// <returns>The result.</returns>
    public static AlertRuleResult<TRule> Created<TRule>(TRule rule)
        where TRule : class
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(rule, null);
    }

    /// <summary>A rule Sentry is building in the background.</summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <param name="taskUuid">The task's id from the 202 answer.</param>
    /// <returns>The result.</returns>
    public static AlertRuleResult<TRule> Pending<TRule>(string taskUuid)
        where TRule : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskUuid);
        return new(null, taskUuid);
    }
}
