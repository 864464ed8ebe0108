namespace Sentry.Management;

/// <summary>
/// Describes a <see cref="MetricAlert"/>: <c>MetricAlert.ErrorCount("Error spike").Over(1).Critical(10, AlertAction.Slack("#alerts")).Build()</c>.
/// </summary>
public sealed class MetricAlertBuilder
{
    /// <summary>The windows Sentry's metric alerts accept, in minutes.</summary>
    private static readonly int[] Windows = [1, 5, 10, 15, 30, 60, 120, 240, 1440];

    internal MetricAlertBuilder(string name, string aggregate, string dataset, int queryType, IReadOnlyList<string>? eventTypes, MetricDirection direction)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Aggregate = aggregate;
        Dataset = dataset;
        QueryType = queryType;
        EventTypes = eventTypes;
        Direction = direction;
    }

    internal string Name { get; }

    internal string Aggregate { get; }

    internal string Dataset { get; }

    internal int QueryType { get; }

    internal IReadOnlyList<string>? EventTypes { get; }

    internal string QueryText { get; private set; } = string.Empty;

    internal string? Environment { get; private set; }

    internal int WindowMinutes { get; init; } = 1;

    internal int WindowOverride { get; private set; }

    internal MetricDirection Direction { get; private set; }

    internal MetricThreshold? CriticalLevel { get; private set; }

    internal MetricThreshold? WarningLevel { get; private set; }

    internal double? Resolve { get; private set; }

    /// <summary>The window the aggregate covers.</summary>
    /// <param name="minutes">1, 5, 10, 15, 30, 60, 120, 240 or 1440.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Sentry has no such window.</exception>
    public MetricAlertBuilder Over(int minutes)
    {
        if (!Windows.Contains(minutes))
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, $"A metric alert window is one of {string.Join(", ", Windows)} minutes.");
        }

        WindowOverride = minutes;
        return this;
    }

    /// <summary>Only events matching a search, such as <c>is:unresolved</c> or <c>release:1.2.3</c>.</summary>
    /// <param name="query">Sentry search syntax.</param>
    /// <returns>This builder.</returns>
    public MetricAlertBuilder Where(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        QueryText = query.Trim();
        return this;
    }

    /// <summary>Only one environment.</summary>
    /// <param name="environment">The environment.</param>
    /// <returns>This builder.</returns>
    public MetricAlertBuilder InEnvironment(string environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        Environment = environment.Trim();
        return this;
    }

    /// <summary>Fires when the value rises above the thresholds.</summary>
    /// <returns>This builder.</returns>
    public MetricAlertBuilder Above()
    {
        Direction = MetricDirection.Above;
        return this;
    }

    /// <summary>Fires when the value falls below the thresholds.</summary>
    /// <returns>This builder.</returns>
    public MetricAlertBuilder Below()
    {
        Direction = MetricDirection.Below;
        return this;
    }

    /// <summary>The critical level (required) and what it does.</summary>
    /// <param name="threshold">The value that fires it.</param>
    /// <param name="actions">The actions (Slack, e-mail to a team or member).</param>
    /// <returns>This builder.</returns>
    public MetricAlertBuilder Critical(double threshold, params AlertAction[] actions)
    {
        CriticalLevel = Level("critical", threshold, 75, actions);
        return this;
    }

    /// <summary>The warning level and what it does.</summary>
    /// <param name="threshold">The value that fires it (less severe than the critical one).</param>
    /// <param name="actions">The actions.</param>
    /// <returns>This builder.</returns>
    public MetricAlertBuilder Warning(double threshold, params AlertAction[] actions)
    {
        WarningLevel = Level("warning", threshold, 50, actions);
        return this;
    }

    /// <summary>The value at which the alert resolves (default: the lowest level's threshold).</summary>
    /// <param name="threshold">The value.</param>
    /// <returns>This builder.</returns>
    public MetricAlertBuilder ResolveAt(double threshold)
    {
        Resolve = Finite(threshold, nameof(threshold));
        return this;
    }

    /// <summary>Checks the whole alert and builds it.</summary>
    /// <returns>The metric alert.</returns>
    /// <exception cref="InvalidOperationException">There is no critical level, or the warning level is not less severe than it; the message names the alert.</exception>
    public MetricAlert Build()
    {
        var critical = CriticalLevel ?? throw new InvalidOperationException($"Metric alert '{Name}' has no critical level: add Critical(threshold, actions).");
        if (WarningLevel is { } warning
            && (Direction == MetricDirection.Above ? warning.Threshold >= critical.Threshold : warning.Threshold <= critical.Threshold))
        {
            throw new InvalidOperationException(
                $"Metric alert '{Name}' fires {Direction.ToString().ToLowerInvariant()} its thresholds, so its warning ({warning.Threshold}) must be {(Direction == MetricDirection.Above ? "below" : "above")} its critical level ({critical.Threshold}).");
        }

        return new MetricAlert(this);
    }

    internal int EffectiveWindow => WindowOverride != 0 ? WindowOverride : WindowMinutes;

    private static MetricThreshold Level(string label, double threshold, int priority, AlertAction[] actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var action in actions)
        {
            ArgumentNullException.ThrowIfNull(action, nameof(actions));
            if (!action.FitsLegacyMetricAlert)
            {
                throw new ArgumentException($"A metric alert's {label} level cannot {action.Description}: use Slack, or e-mail to a team or member.", nameof(actions));
            }
        }

        return new MetricThreshold(label, Finite(threshold, nameof(threshold)), priority, actions);
    }

    private static double Finite(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "A threshold is a finite number.");
}
