using System.Globalization;
using System.Text.Json.Nodes;

namespace Sentry.Management;

/// <summary>
/// What an alert rule does: a Slack message, an e-mail to a team, a member or the issue owners, or a notification
/// through a service (plugin). Each knows its legacy action id and its workflow-engine action type.
/// </summary>
public sealed class AlertAction
{
    private readonly Func<string?, IssueAlertRuleComponent> _legacy;
    private readonly Func<string?, JsonObject> _workflow;
    private readonly Func<string?, MetricAlertActionRequest>? _legacyMetric;

    private AlertAction(
        string description,
        Func<string?, IssueAlertRuleComponent> legacy,
        Func<string?, JsonObject> workflow,
        Func<string?, MetricAlertActionRequest>? legacyMetric,
        bool isSlack = false,
        string? workspace = null)
    {
        Description = description;
        _legacy = legacy;
        _workflow = workflow;
        _legacyMetric = legacyMetric;
        IsSlack = isSlack;
        SlackWorkspace = workspace;
    }

    /// <summary>A readable account, such as "Slack #alerts".</summary>
    public string Description { get; }

    /// <summary>Whether this is a Slack message (its workspace is resolved to an installed integration before anything is created).</summary>
    public bool IsSlack { get; }

    /// <summary>The Slack workspace's name, domain or integration id; <see langword="null"/> for the organization's only Slack workspace.</summary>
    public string? SlackWorkspace { get; }

    /// <summary>Posts to a Slack channel.</summary>
    /// <param name="channel">The channel, such as <c>#alerts</c> (or a user, <c>@jane</c>).</param>
    /// <param name="workspace">The workspace's name, domain or integration id; <see langword="null"/> when the organization has one Slack workspace.</param>
    /// <returns>The action.</returns>
    public static AlertAction Slack(string channel, string? workspace = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        return new(
            $"Slack {channel}" + (workspace is null ? string.Empty : $" in {workspace}"),
            integrationId => new IssueAlertRuleComponent(IssueAlertRuleComponent.SlackNotifyServiceAction)
                .With("workspace", Required(integrationId, channel)).With("channel", channel),
            integrationId => Action(
                "slack",
                new JsonObject { ["targetType"] = "specific", ["targetIdentifier"] = string.Empty, ["targetDisplay"] = channel },
                Required(integrationId, channel)),
            integrationId => new MetricAlertActionRequest { Type = "slack", TargetType = "specific", TargetIdentifier = channel, IntegrationId = Required(integrationId, channel) },
            isSlack: true,
            workspace: workspace?.Trim());
    }

    /// <summary>E-mails a team's members.</summary>
    /// <param name="teamId">The team's numeric id.</param>
    /// <returns>The action.</returns>
    public static AlertAction EmailTeam(string teamId) => Email("Team", "team", QueryValues.NumericId(teamId, nameof(teamId)), $"e-mail team {teamId}");

    /// <summary>E-mails one member.</summary>
    /// <param name="userId">The user's numeric id (not the membership id).</param>
    /// <returns>The action.</returns>
    public static AlertAction EmailMember(string userId) => Email("Member", "user", QueryValues.NumericId(userId, nameof(userId)), $"e-mail user {userId}");

    /// <summary>E-mails the issue's owners (suggested assignees), or <paramref name="fallthrough"/> when it has none.</summary>
    /// <param name="fallthrough">Who gets it when the issue has no owner.</param>
    /// <returns>The action.</returns>
    public static AlertAction EmailIssueOwners(EmailFallthrough fallthrough = EmailFallthrough.ActiveMembers)
    {
        var value = fallthrough switch
        {
            EmailFallthrough.ActiveMembers => "ActiveMembers",
            EmailFallthrough.AllMembers => "AllMembers",
            EmailFallthrough.NoOne => "NoOne",
            _ => throw new ArgumentOutOfRangeException(nameof(fallthrough), fallthrough, "Use ActiveMembers, AllMembers or NoOne."),
        };
        return new(
            $"e-mail issue owners (else {value})",
            _ => new IssueAlertRuleComponent(IssueAlertRuleComponent.NotifyEmailAction).With("targetType", "IssueOwners").With("fallthroughType", value),
            _ => Action(
                "email",
                new JsonObject { ["targetType"] = "issue_owners", ["targetIdentifier"] = string.Empty, ["targetDisplay"] = null },
                integrationId: null,
                data: new JsonObject { ["fallthroughType"] = value }),
            legacyMetric: null);
    }

    /// <summary>Sends a notification through a service (a plugin or webhook), such as <c>mail</c>.</summary>
    /// <param name="service">The service's slug.</param>
    /// <returns>The action.</returns>
    public static AlertAction NotifyService(string service)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        return new(
            $"notify service {service}",
            _ => new IssueAlertRuleComponent(IssueAlertRuleComponent.NotifyEventServiceAction).With("service", service),
            _ => Action("webhook", new JsonObject { ["targetType"] = null, ["targetIdentifier"] = service, ["targetDisplay"] = null }, integrationId: null),
            legacyMetric: null);
    }

    internal IssueAlertRuleComponent ToLegacy(string? slackIntegrationId) => _legacy(slackIntegrationId);

    internal JsonObject ToWorkflow(string? slackIntegrationId) => _workflow(slackIntegrationId);

    /// <summary>Whether a legacy metric alert trigger can run this action (e-mail to a team or member, Slack; not issue owners or services).</summary>
    internal bool FitsLegacyMetricAlert => _legacyMetric is not null;

    internal MetricAlertActionRequest ToLegacyMetric(string? slackIntegrationId) =>
        (_legacyMetric ?? throw new InvalidOperationException($"A metric alert cannot {Description}."))(slackIntegrationId);

    private static AlertAction Email(string legacyTargetType, string targetType, string id, string description) =>
        new(
            description,
            _ => new IssueAlertRuleComponent(IssueAlertRuleComponent.NotifyEmailAction)
                .With("targetType", legacyTargetType).With("targetIdentifier", long.Parse(id, CultureInfo.InvariantCulture)),
            _ => Action("email", new JsonObject { ["targetType"] = targetType, ["targetIdentifier"] = id, ["targetDisplay"] = null }, integrationId: null),
            _ => new MetricAlertActionRequest { Type = "email", TargetType = targetType, TargetIdentifier = id });

    private static JsonObject Action(string type, JsonObject config, string? integrationId, JsonObject? data = null)
    {
        var action = new JsonObject { ["type"] = type, ["data"] = data ?? new JsonObject(), ["config"] = config };
        if (integrationId is not null)
        {
            action["integrationId"] = integrationId;
        }

        return action;
    }

    private static string Required(string? integrationId, string channel) =>
        integrationId ?? throw new InvalidOperationException($"The Slack workspace of {channel} was not resolved.");

    /// <inheritdoc />
    public override string ToString() => Description;
}
