using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>
/// An organization's integrations (Slack, Jira, GitHub, …): list and find them by name, the repositories they connect,
/// and the external issues (Jira tickets, GitHub issues) linked to Sentry issues.
/// </summary>
public class IntegrationsClient
{
    private readonly IIntegrationsApi _api = null!;
    private readonly OrganizationScope _scope = null!;

    internal IntegrationsClient(OrganizationScope scope)
    {
        _scope = scope;
        _api = scope.Api<IIntegrationsApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected IntegrationsClient()
    {
    }

    /// <summary>Lists the installed integrations, fetching pages as the listing is enumerated.</summary>
    /// <param name="providerKey">Only this provider, such as <c>slack</c>, <c>jira</c> or <c>github</c>.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<OrganizationIntegration> List(string? providerKey = null, SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        return OrganizationScope.Pageable((cursor, ct) => _api.ListAsync(organization, providerKey, null, null, cursor, ct), pages);
    }

    /// <summary>
    /// Finds an installed integration of a provider by its name (a Slack workspace's name, a GitHub organization), its
    /// domain (<c>acme.slack.com</c>) or its id, case-insensitively.
    /// </summary>
    /// <param name="providerKey">The provider, such as <c>slack</c>.</param>
    /// <param name="name">The name, domain or id.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The integration, or <see langword="null"/> when none of that provider has that name.</returns>
    public virtual async Task<OrganizationIntegration?> FindAsync(string providerKey, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await foreach (var integration in List(providerKey).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (Same(integration.Name, name) || Same(integration.DomainName, name) || Same(integration.Id, name))
            {
                return integration;
            }
        }

        return null;
    }

    /// <summary>Gets an installed integration.</summary>
    /// <param name="integrationId">The integration's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The integration.</returns>
    public virtual Task<OrganizationIntegration> GetAsync(string integrationId, CancellationToken cancellationToken = default) =>
        _api.GetAsync(_scope.Slug, Id(integrationId), cancellationToken);

    /// <summary>Uninstalls an integration.</summary>
    /// <param name="integrationId">The integration's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry accepted the removal.</returns>
    public virtual Task DeleteAsync(string integrationId, CancellationToken cancellationToken = default) =>
        _api.DeleteAsync(_scope.Slug, Id(integrationId), cancellationToken);

    /// <summary>Lists the repositories connected to the organization.</summary>
    /// <param name="query">Filters by name.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<ReleaseRepository> ListRepositories(string? query = null, SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        return OrganizationScope.Pageable((cursor, ct) => _api.ListRepositoriesAsync(organization, query, null, null, null, cursor, ct), pages);
    }

    /// <summary>Finds a connected repository by its full name (<c>owner/repo</c>), case-insensitively.</summary>
    /// <param name="name">The repository name.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The repository, or <see langword="null"/> when none has that name.</returns>
    public virtual async Task<ReleaseRepository?> FindRepositoryAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await foreach (var repository in ListRepositories(name).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (Same(repository.Name, name))
            {
                return repository;
            }
        }

        return null;
    }

    /// <summary>Lists the commits Sentry knows of a repository, newest first.</summary>
    /// <param name="repositoryId">The repository's id in Sentry.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<ReleaseCommit> ListRepositoryCommits(string repositoryId, SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        var id = Id(repositoryId);
        return OrganizationScope.Pageable((cursor, ct) => _api.ListRepositoryCommitsAsync(organization, id, cursor, ct), pages);
    }

    /// <summary>Lists the external issues linked to a Sentry issue.</summary>
    /// <param name="issueId">The Sentry issue's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The linked external issues.</returns>
    public virtual async Task<IReadOnlyList<ExternalIssue>> ListExternalIssuesAsync(string issueId, CancellationToken cancellationToken = default) =>
        await _api.ListExternalIssuesAsync(_scope.Slug, Id(issueId), cancellationToken).ConfigureAwait(false);

    /// <summary>Gets the fields an integration asks for to create (or link) an external issue for a Sentry issue.</summary>
    /// <param name="issueId">The Sentry issue's id.</param>
    /// <param name="integrationId">The integration's id.</param>
    /// <param name="forLinking"><see langword="true"/> for the link form, <see langword="false"/> for the create form.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The integration with its form fields.</returns>
    public virtual Task<IssueIntegrationConfig> GetExternalIssueFormAsync(string issueId, string integrationId, bool forLinking = false, CancellationToken cancellationToken = default) =>
        _api.GetIssueConfigAsync(_scope.Slug, Id(issueId), Id(integrationId), forLinking ? "link" : "create", cancellationToken);

    /// <summary>Creates an issue in an external tracker and links it to a Sentry issue.</summary>
    /// <param name="issueId">The Sentry issue's id.</param>
    /// <param name="integrationId">The tracker's integration id.</param>
    /// <param name="externalIssue">The title (required), description and the provider fields its form asks for.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created external issue.</returns>
    public virtual Task<ExternalIssueLink> CreateExternalIssueAsync(string issueId, string integrationId, ExternalIssueCreate externalIssue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalIssue);
        ArgumentException.ThrowIfNullOrWhiteSpace(externalIssue.Title, "externalIssue.Title");
        return _api.CreateExternalIssueAsync(_scope.Slug, Id(issueId), Id(integrationId), externalIssue, cancellationToken);
    }

    /// <summary>Links an existing external issue (such as <c>PROJ-42</c>) to a Sentry issue.</summary>
    /// <param name="issueId">The Sentry issue's id.</param>
    /// <param name="integrationId">The tracker's integration id.</param>
    /// <param name="externalIssue">The external issue as the provider names it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The linked external issue.</returns>
    public virtual Task<ExternalIssueLink> LinkExternalIssueAsync(string issueId, string integrationId, string externalIssue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalIssue);
        return _api.LinkExternalIssueAsync(_scope.Slug, Id(issueId), Id(integrationId), new ExternalIssueLinkRequest { ExternalIssue = externalIssue }, cancellationToken);
    }

    /// <summary>Unlinks an external issue from a Sentry issue (the external issue stays).</summary>
    /// <param name="issueId">The Sentry issue's id.</param>
    /// <param name="integrationId">The tracker's integration id.</param>
    /// <param name="externalIssueId">The link's id (<see cref="ExternalIssue.Id"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry removed the link.</returns>
    public virtual Task UnlinkExternalIssueAsync(string issueId, string integrationId, string externalIssueId, CancellationToken cancellationToken = default) =>
        _api.UnlinkExternalIssueAsync(_scope.Slug, Id(issueId), Id(integrationId), Id(externalIssueId), cancellationToken);

    /// <summary>
    /// Files a Sentry issue in an external tracker found by provider and name, with the issue's title and a description
    /// that links back to it; once: when the issue already has an external issue in that provider, it is returned instead.
    /// </summary>
    /// <param name="issueId">The Sentry issue's id.</param>
    /// <param name="provider">The tracker's provider key, such as <c>jira</c> or <c>github</c>.</param>
    /// <param name="trackerName">The installation's name, domain or id; <see langword="null"/> when the organization has one of that provider.</param>
    /// <param name="fields">Provider fields the create form asks for (Jira project and issue type, GitHub repository…; see <see cref="GetExternalIssueFormAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>Whether it was created or found, with its name and URL.</returns>
    /// <exception cref="ArgumentException">No such tracker is installed (or none is named and there are none or several).</exception>
    public virtual Task<ExternalIssueFiling> FileIssueAsync(
        string issueId,
        string provider,
        string? trackerName = null,
        IDictionary<string, System.Text.Json.JsonElement>? fields = null,
        CancellationToken cancellationToken = default) =>
        Workflows.ExternalTrackers.ExternalIssueFiler.FileAsync(this, new IssuesClient(_scope), issueId, provider, trackerName, fields, cancellationToken);

    private static bool Same(string? value, string wanted) => string.Equals(value, wanted.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Id(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value.Trim();
    }
}
