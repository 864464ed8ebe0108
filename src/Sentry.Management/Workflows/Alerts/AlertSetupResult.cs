namespace Sentry.Management;

/// <summary>What creating an alert rule (or metric alert) did: through which API, and whether it was created, found unchanged or updated.</summary>
public sealed class AlertSetupResult
{
    internal AlertSetupResult(string name, AlertApi api, AlertSetupChange change, string? id, string? detectorId = null, string? taskUuid = null)
    {
        Name = name;
        Api = api;
        Change = change;
        Id = id;
        DetectorId = detectorId;
        TaskUuid = taskUuid;
    }

    /// <summary>The rule's name.</summary>
    public string Name { get; }

    /// <summary>The API that holds the rule: <see cref="AlertApi.WorkflowEngine"/> or <see cref="AlertApi.Legacy"/> (never Auto).</summary>
    public AlertApi Api { get; }

    /// <summary>Created, updated, already as described, or pending (Sentry builds the legacy rule in the background).</summary>
    public AlertSetupChange Change { get; }

    /// <summary>The workflow's id (workflow engine), or the legacy rule's id; <see langword="null"/> while pending.</summary>
    public string? Id { get; }

    /// <summary>The detector the workflow listens to: the project's default detector for issue alerts, the metric detector for metric alerts.</summary>
    public string? DetectorId { get; }

    /// <summary>Sentry's background task id when <see cref="Change"/> is <see cref="AlertSetupChange.Pending"/>.</summary>
    public string? TaskUuid { get; }

    /// <summary>The workflow, when the workflow engine holds the rule.</summary>
    public Workflow? Workflow { get; init; }

    /// <summary>The detector, for metric alerts on the workflow engine.</summary>
    public Detector? Detector { get; init; }

    /// <summary>The legacy issue alert rule, when the legacy API holds it (and Sentry answered with it).</summary>
    public IssueAlertRule? IssueAlertRule { get; init; }

    /// <summary>The legacy metric alert rule, when the legacy API holds it (and Sentry answered with it).</summary>
    public MetricAlertRule? MetricAlertRule { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var what = Api == AlertApi.WorkflowEngine ? $"workflow {Id}" + (DetectorId is null ? string.Empty : $" on detector {DetectorId}") : $"legacy rule {Id}";
        return Change switch
        {
            AlertSetupChange.Pending => $"{Name}: pending as a legacy rule (Sentry task {TaskUuid})",
            AlertSetupChange.Unchanged => $"{Name}: found {what}, already as described",
            _ => $"{Name}: {Change.ToString().ToLowerInvariant()} {what}",
        };
    }
}

/// <summary>What setting up an alert rule changed.</summary>
public enum AlertSetupChange
{
    /// <summary>There was no rule of that name: it was created.</summary>
    Created,

    /// <summary>A rule of that name existed and said something else: it was replaced by the description.</summary>
    Updated,

    /// <summary>A rule of that name already said what the description says: nothing was sent.</summary>
    Unchanged,

    /// <summary>Sentry accepted the legacy rule and builds it in the background (202, for example while it looks up a Slack channel).</summary>
    Pending,
}
