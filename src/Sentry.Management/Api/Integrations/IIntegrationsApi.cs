using Refit;

namespace Sentry.Management.Api;

/// <summary>
/// Sentry's integration endpoints as a Refit interface: installed integrations (Slack, Jira, GitHub, …), the
/// repositories they connect, and the external issues (Jira tickets, GitHub issues) linked to Sentry issues.
/// </summary>
public interface IIntegrationsApi
{
    /// <summary>Lists the integrations installed in an organization (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="providerKey">Only integrations of this provider, such as <c>slack</c>, <c>jira</c> or <c>github</c>.</param>
    /// <param name="features">Only integrations with these features, such as <c>issue-basic</c> or <c>alert-rule</c>; sent once per value.</param>
    /// <param name="includeConfig">Whether to include each integration's configuration (slower: it may call the provider).</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/integrations/")]
    Task<IApiResponse<List<OrganizationIntegration>>> ListAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query] string? providerKey = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? features = null,
        [Query] bool? includeConfig = null,
        [Query] string? cursor = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets one installed integration.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="integrationId">The integration's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The integration.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/integrations/{integration_id}/")]
    Task<OrganizationIntegration> GetAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("integration_id")] string integrationId,
        CancellationToken cancellationToken = default);

    /// <summary>Uninstalls an integration from the organization.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="integrationId">The integration's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the removal.</returns>
    [Delete("/api/0/organizations/{organization_id_or_slug}/integrations/{integration_id}/")]
    Task DeleteAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("integration_id")] string integrationId,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the repositories connected to the organization (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="query">Filters by repository name.</param>
    /// <param name="status">Filters by status, such as <c>active</c> or <c>deleted</c>.</param>
    /// <param name="integrationId">Only repositories of this integration.</param>
    /// <param name="expand">Related data to include, such as <c>settings</c>.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/repos/")]
    Task<IApiResponse<List<ReleaseRepository>>> ListRepositoriesAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query] string? query = null,
        [Query] string? status = null,
        [Query, AliasAs("integration_id")] string? integrationId = null,
        [Query] string? expand = null,
        [Query] string? cursor = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the commits Sentry knows of a repository, newest first (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="repositoryId">The repository's id in Sentry.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/repos/{repo_id}/commits/")]
    Task<IApiResponse<List<ReleaseCommit>>> ListRepositoryCommitsAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("repo_id")] string repositoryId,
        [Query] string? cursor = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the external issues (Jira tickets, GitHub issues, …) linked to a Sentry issue.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The Sentry issue's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The linked external issues.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/external-issues/")]
    Task<List<ExternalIssue>> ListExternalIssuesAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        CancellationToken cancellationToken = default);

    /// <summary>Gets the form an integration asks for to create or link an external issue for a Sentry issue.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The Sentry issue's id.</param>
    /// <param name="integrationId">The integration's id.</param>
    /// <param name="action"><c>create</c> or <c>link</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The integration with its create or link fields.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/integrations/{integration_id}/")]
    Task<IssueIntegrationConfig> GetIssueConfigAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        [AliasAs("integration_id")] string integrationId,
        [Query] string action,
        CancellationToken cancellationToken = default);

    /// <summary>Creates an issue in the external tracker and links it to the Sentry issue.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The Sentry issue's id.</param>
    /// <param name="integrationId">The integration's id.</param>
    /// <param name="externalIssue">The title, description and any provider fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created and linked external issue.</returns>
    [Post("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/integrations/{integration_id}/")]
    Task<ExternalIssueLink> CreateExternalIssueAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        [AliasAs("integration_id")] string integrationId,
        [Body] ExternalIssueCreate externalIssue,
        CancellationToken cancellationToken = default);

    /// <summary>Links an existing external issue (such as a Jira key) to the Sentry issue.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The Sentry issue's id.</param>
    /// <param name="integrationId">The integration's id.</param>
    /// <param name="link">The external issue's identifier as the provider knows it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The linked external issue.</returns>
    [Put("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/integrations/{integration_id}/")]
    Task<ExternalIssueLink> LinkExternalIssueAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        [AliasAs("integration_id")] string integrationId,
        [Body] ExternalIssueLinkRequest link,
        CancellationToken cancellationToken = default);

    /// <summary>Unlinks an external issue from the Sentry issue (the external issue itself stays).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="issueId">The Sentry issue's id.</param>
    /// <param name="integrationId">The integration's id.</param>
    /// <param name="externalIssue">The id of the external-issue link, as <see cref="ExternalIssue.Id"/> gives it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry removed the link.</returns>
    [Delete("/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/integrations/{integration_id}/")]
    Task UnlinkExternalIssueAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("issue_id")] string issueId,
        [AliasAs("integration_id")] string integrationId,
        [Query] string externalIssue,
        CancellationToken cancellationToken = default);
}
