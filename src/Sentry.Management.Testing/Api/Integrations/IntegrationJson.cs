using System.Globalization;
using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Integrations;

/// <summary>Sentry's organization integration shape and its provider.</summary>
internal static class IntegrationJson
{
    /// <summary>Whether the provider tracks issues (external issues can be created and linked through it).</summary>
    public static bool TracksIssues(StoredIntegration integration) => integration.Provider is "github" or "jira";

    public static JsonObject Write(StoredIntegration integration)
    {
        var features = integration.Provider switch
        {
            "slack" => new JsonArray("alert-rule", "chat-unfurl"),
            "github" => new JsonArray("codeowners", "commits", "issue-basic", "stacktrace-link"),
            _ => new JsonArray("issue-sync"),
        };
        return new JsonObject
        {
            ["id"] = integration.Id,
            ["name"] = integration.Name,
            ["icon"] = null,
            ["domainName"] = integration.DomainName,
            ["accountType"] = integration.Provider == "github" ? "Organization" : null,
            ["scopes"] = null,
            ["outOfDate"] = false,
            ["status"] = "active",
            ["provider"] = new JsonObject
            {
                ["key"] = integration.Provider,
                ["slug"] = integration.Provider,
                ["name"] = integration.Provider switch { "slack" => "Slack", "github" => "GitHub", _ => "Jira" },
                ["canAdd"] = true,
                ["canDisable"] = false,
                ["features"] = features,
                ["aspects"] = new JsonObject(),
            },
            ["configOrganization"] = new JsonArray(),
            ["configData"] = new JsonObject(),
            ["externalId"] = integration.ExternalId,
            ["organizationId"] = int.Parse(integration.OrganizationId, CultureInfo.InvariantCulture),
            ["organizationIntegrationStatus"] = "active",
            ["gracePeriodEnd"] = null,
        };
    }
}
