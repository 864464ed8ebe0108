using System.Text.Json;
using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>An external issue (a Jira ticket, a GitHub issue, …) linked to a Sentry issue.</summary>
public sealed class ExternalIssue : SentryModel
{
    /// <summary>The link's id: what unlinking takes.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The Sentry issue's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? IssueId { get; set; }

    /// <summary>The tracker, such as <c>jira</c> or <c>github</c>.</summary>
    public string? ServiceType { get; set; }

    /// <summary>How the tracker names the issue, such as <c>PROJ-42</c>.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The issue's page in the tracker.</summary>
    public string? WebUrl { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"ExternalIssue {ServiceType} {DisplayName}";
}

/// <summary>An external issue just created or linked through an integration.</summary>
public sealed class ExternalIssueLink : SentryModel
{
    /// <summary>The link's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The tracker's key for the issue, such as <c>PROJ-42</c>.</summary>
    public string? Key { get; set; }

    /// <summary>The issue's page in the tracker.</summary>
    public string? Url { get; set; }

    /// <summary>The integration that holds the link.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? IntegrationId { get; set; }

    /// <summary>How the tracker names the issue.</summary>
    public string? DisplayName { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"ExternalIssueLink {DisplayName ?? Key}";
}

/// <summary>An external issue to create from a Sentry issue.</summary>
public sealed class ExternalIssueCreate
{
    /// <summary>The title (required).</summary>
    public required string Title { get; set; }

    /// <summary>The body.</summary>
    public string? Description { get; set; }

    /// <summary>Provider fields the integration's create form asks for (Jira project, issue type, GitHub repository, …), sent at the top level of the body.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Fields { get; set; }
}

/// <summary>An existing external issue to link to a Sentry issue.</summary>
public sealed class ExternalIssueLinkRequest
{
    /// <summary>The identifier as the provider knows it, such as a Jira key (<c>PROJ-42</c>) or <c>owner/repo#12</c>.</summary>
    public required string ExternalIssue { get; set; }
}
