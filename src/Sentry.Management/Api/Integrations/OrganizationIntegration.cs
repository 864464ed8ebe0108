using System.Text.Json;
using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>An integration installed in an organization, such as a Slack workspace, a Jira site or a GitHub organization.</summary>
public class OrganizationIntegration : SentryModel
{
    /// <summary>The integration's id: what alert actions and external-issue calls take.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The installation's name, such as the Slack workspace or GitHub organization name.</summary>
    public string? Name { get; set; }

    /// <summary>The provider's domain, such as <c>acme.slack.com</c> or <c>github.com/acme</c>.</summary>
    public string? DomainName { get; set; }

    /// <summary>The account type on the provider, such as <c>Organization</c>.</summary>
    public string? AccountType { get; set; }

    /// <summary>The status, such as <c>active</c> or <c>disabled</c>.</summary>
    public string? Status { get; set; }

    /// <summary>The organization-level status of the installation, such as <c>active</c> or <c>pending_deletion</c>.</summary>
    public string? OrganizationIntegrationStatus { get; set; }

    /// <summary>The id of the installation on the provider (Slack team id, GitHub installation id, …).</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ExternalId { get; set; }

    /// <summary>The provider: key (<c>slack</c>, <c>jira</c>, <c>github</c>), name and features.</summary>
    public IntegrationProvider? Provider { get; set; }

    /// <summary>The provider scopes granted to Sentry.</summary>
    public IReadOnlyList<string>? Scopes { get; set; }

    /// <summary>The installation's configuration, when asked for (shape depends on the provider).</summary>
    public JsonElement? ConfigData { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Integration {Id} ({Provider?.Key} {Name})";
}

/// <summary>The provider of an integration.</summary>
public sealed class IntegrationProvider : SentryModel
{
    /// <summary>The provider key, such as <c>slack</c>, <c>jira</c>, <c>github</c> or <c>gitlab</c>.</summary>
    public string? Key { get; set; }

    /// <summary>The provider slug.</summary>
    public string? Slug { get; set; }

    /// <summary>The display name, such as <c>Slack</c>.</summary>
    public string? Name { get; set; }

    /// <summary>What the integration can do, such as <c>alert-rule</c>, <c>issue-basic</c> or <c>commits</c>.</summary>
    public IReadOnlyList<string>? Features { get; set; }

    /// <summary>Whether another installation can be added.</summary>
    public bool? CanAdd { get; set; }

    /// <summary>Whether the integration can be disabled.</summary>
    public bool? CanDisable { get; set; }
}

/// <summary>An integration together with the form it asks for to create or link an external issue.</summary>
public sealed class IssueIntegrationConfig : OrganizationIntegration
{
    /// <summary>The fields to create an external issue (provider-specific form fields), when asked with <c>action=create</c>.</summary>
    public IReadOnlyList<JsonElement>? CreateIssueConfig { get; set; }

    /// <summary>The fields to link an existing external issue, when asked with <c>action=link</c>.</summary>
    public IReadOnlyList<JsonElement>? LinkIssueConfig { get; set; }
}
