using System.Globalization;
using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Integrations;

/// <summary>
/// Installed integrations (the seeded Slack workspace and GitHub organization) and the external issues linked to
/// Sentry issues through them: list, create in the tracker, link an existing one, unlink.
/// </summary>
internal static class IntegrationEndpoints
{
    public static void Map(ApiRouteBuilder api)
    {
        var routes = new AreaRoutes(api);
        routes.Get("/organizations/{org}/integrations/", ListAsync);
        routes.Get("/organizations/{org}/integrations/{integration_id}/", GetAsync);
        routes.Delete("/organizations/{org}/integrations/{integration_id}/", DeleteAsync);
        routes.Get("/organizations/{org}/issues/{issue_id}/external-issues/", ExternalIssuesAsync);
        routes.Get("/organizations/{org}/issues/{issue_id}/integrations/{integration_id}/", IssueConfigAsync);
        routes.Post("/organizations/{org}/issues/{issue_id}/integrations/{integration_id}/", CreateExternalIssueAsync);
        routes.Put("/organizations/{org}/issues/{issue_id}/integrations/{integration_id}/", LinkExternalIssueAsync);
        routes.Delete("/organizations/{org}/issues/{issue_id}/integrations/{integration_id}/", UnlinkExternalIssueAsync);
    }

    private static StoredIntegration Integration(ApiContext c, StoredOrganization organization) =>
        c.Data.Integrations.Find(c.Route("integration_id")) is { } integration && integration.OrganizationId == organization.Id
            ? integration
            : throw ApiProblem.NotFound();

    private static StoredIssue Issue(ApiContext c, StoredOrganization organization)
    {
        var id = c.Route("issue_id");
        var projects = c.Data.ProjectsOf(organization).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return c.Data.Issues.Find(id) is { } issue && projects.Contains(issue.ProjectId) ? issue : throw ApiProblem.NotFound();
    }

    private static Task ListAsync(ApiContext c)
    {
        var organization = c.Organization();
        var provider = c.Query("providerKey") ?? c.Query("provider_key");
        var features = c.QueryAll("features");
        var integrations = c.Data.Integrations.All()
            .Where(i => i.OrganizationId == organization.Id && (provider is null || i.Provider == provider))
            .Where(i => features.Count == 0 || features.Any(f => IntegrationJson.Write(i)["provider"]!["features"]!.AsArray().Any(x => x!.GetValue<string>() == f)))
            .ToList();
        return c.PageAsync(integrations, IntegrationJson.Write);
    }

    private static Task GetAsync(ApiContext c) => c.OkAsync(IntegrationJson.Write(Integration(c, c.Organization())));

    private static Task DeleteAsync(ApiContext c)
    {
        var integration = Integration(c, c.Organization());
        lock (c.Data.Gate)
        {
            c.Data.Integrations.Remove(integration.Id);
            foreach (var link in c.Data.ExternalIssues.All().Where(e => e.IntegrationId == integration.Id))
            {
                c.Data.ExternalIssues.Remove(link.Id);
            }
        }

        return c.NoContentAsync();
    }

    private static Task ExternalIssuesAsync(ApiContext c)
    {
        var organization = c.Organization();
        var issue = Issue(c, organization);
        var links = c.Data.ExternalIssues.All().Where(e => e.IssueId == issue.Id).ToList();
        return c.PageAsync(links, link =>
        {
            var integration = c.Data.Integrations.Find(link.IntegrationId);
            return new JsonObject
            {
                ["id"] = link.Id,
                ["issueId"] = issue.Id,
                ["serviceType"] = integration?.Provider ?? "unknown",
                ["displayName"] = link.ExternalKey,
                ["webUrl"] = integration is null ? "" : WebUrl(integration, link.ExternalKey),
            };
        });
    }

    /// <summary>GitHub keys read <c>owner/repo#12</c>; the issue lives at <c>github.com/owner/repo/issues/12</c>.</summary>
    private static string WebUrl(StoredIntegration integration, string key)
    {
        if (integration.Provider != "github")
        {
            return "https://" + integration.DomainName + "/browse/" + key;
        }

        var hash = key.LastIndexOf('#');
        return hash < 0 ? "https://github.com/" + key : "https://github.com/" + key[..hash] + "/issues/" + key[(hash + 1)..];
    }

    private static Task IssueConfigAsync(ApiContext c)
    {
        var organization = c.Organization();
        Issue(c, organization);
        var integration = Integration(c, organization);
        var json = IntegrationJson.Write(integration);
        json["createIssueConfig"] = new JsonArray(
            new JsonObject { ["name"] = "repo", ["label"] = "GitHub Repository", ["type"] = "select", ["required"] = true, ["default"] = integration.Name + "/app" },
            new JsonObject { ["name"] = "title", ["label"] = "Title", ["type"] = "string", ["required"] = true },
            new JsonObject { ["name"] = "description", ["label"] = "Description", ["type"] = "textarea", ["required"] = false });
        json["linkIssueConfig"] = new JsonArray(
            new JsonObject { ["name"] = "externalIssue", ["label"] = "Issue", ["type"] = "select", ["required"] = true });
        return c.OkAsync(json);
    }

    private static async Task CreateExternalIssueAsync(ApiContext c)
    {
        var organization = c.Organization();
        var issue = Issue(c, organization);
        var integration = Integration(c, organization);
        if (!IntegrationJson.TracksIssues(integration))
        {
            throw ApiProblem.BadRequest("This integration does not support creating issues.");
        }

        var body = await c.BodyAsync().ConfigureAwait(false);
        var title = body.RequiredString("title");
        StoredExternalIssue link;
        lock (c.Data.Gate)
        {
            var repository = body.String("repo") ?? integration.Name + "/app";
            var number = c.Data.NextId("external-issue-number:" + integration.Id);
            link = new StoredExternalIssue
            {
                Id = c.Data.NextId("external-issue"),
                IssueId = issue.Id,
                IntegrationId = integration.Id,
                ExternalKey = repository + "#" + number,
                Title = title,
                Description = body.String("description"),
                DateCreated = c.Now,
            };
            c.Data.ExternalIssues.Upsert(link);
        }

        await c.OkAsync(Link(link, integration), 201).ConfigureAwait(false);
    }

    private static async Task LinkExternalIssueAsync(ApiContext c)
    {
        var organization = c.Organization();
        var issue = Issue(c, organization);
        var integration = Integration(c, organization);
        if (!IntegrationJson.TracksIssues(integration))
        {
            throw ApiProblem.BadRequest("This integration does not support linking issues.");
        }

        var body = await c.BodyAsync().ConfigureAwait(false);
        var key = body.RequiredString("externalIssue");
        if (integration.Provider == "github" && !key.Contains('#', StringComparison.Ordinal))
        {
            key = (body.String("repo") ?? integration.Name + "/app") + "#" + key;
        }

        StoredExternalIssue link;
        lock (c.Data.Gate)
        {
            if (c.Data.ExternalIssues.All().Any(e => e.IssueId == issue.Id && e.IntegrationId == integration.Id && e.ExternalKey == key))
            {
                throw ApiProblem.BadRequest("That issue is already linked.");
            }

            link = new StoredExternalIssue { Id = c.Data.NextId("external-issue"), IssueId = issue.Id, IntegrationId = integration.Id, ExternalKey = key, DateCreated = c.Now };
            c.Data.ExternalIssues.Upsert(link);
        }

        await c.OkAsync(Link(link, integration), 201).ConfigureAwait(false);
    }

    private static JsonObject Link(StoredExternalIssue link, StoredIntegration integration) => new()
    {
        ["id"] = long.Parse(link.Id, CultureInfo.InvariantCulture),
        ["key"] = link.ExternalKey,
        ["url"] = WebUrl(integration, link.ExternalKey),
        ["integrationId"] = long.Parse(integration.Id, CultureInfo.InvariantCulture),
        ["displayName"] = link.ExternalKey,
    };

    private static Task UnlinkExternalIssueAsync(ApiContext c)
    {
        var organization = c.Organization();
        var issue = Issue(c, organization);
        var integration = Integration(c, organization);
        var id = c.Query("externalIssue") ?? throw ApiProblem.BadRequest("externalIssue is required.");
        var link = c.Data.ExternalIssues.Find(id);
        if (link is null || link.IssueId != issue.Id || link.IntegrationId != integration.Id)
        {
            throw ApiProblem.NotFound();
        }

        c.Data.ExternalIssues.Remove(link.Id);
        return c.NoContentAsync();
    }
}
