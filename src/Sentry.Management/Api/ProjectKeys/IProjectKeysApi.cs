using Refit;

namespace Sentry.Management.Api;

/// <summary>Sentry's client key (DSN) endpoints, as a Refit interface.</summary>
public interface IProjectKeysApi
{
    /// <summary>Lists a project's client keys (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="status"><c>active</c> or <c>inactive</c> to filter.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/")]
    Task<IApiResponse<List<ProjectKey>>> ListAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [Query] string? cursor = null,
        [Query] string? status = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the client keys of every project in an organization (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="team">Only projects of this team (slug or id).</param>
    /// <param name="status"><c>active</c> or <c>inactive</c> to filter.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/project-keys/")]
    Task<IApiResponse<List<ProjectKey>>> ListForOrganizationAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query] string? cursor = null,
        [Query] string? team = null,
        [Query] string? status = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets one client key.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key.</returns>
    [Get("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/{key_id}/")]
    Task<ProjectKey> GetAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [AliasAs("key_id")] string keyId,
        CancellationToken cancellationToken = default);

    /// <summary>Creates a client key.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="key">The new key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created key with its DSN.</returns>
    [Post("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/")]
    Task<ProjectKey> CreateAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [Body] ProjectKeyCreate key,
        CancellationToken cancellationToken = default);

    /// <summary>Changes a client key: its name, whether it is active, its rate limit.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="update">The settings to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key as it is now.</returns>
    [Put("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/{key_id}/")]
    Task<ProjectKey> UpdateAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [AliasAs("key_id")] string keyId,
        [Body] ProjectKeyUpdate update,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a client key; SDKs using its DSN stop being able to send.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the key is deleted.</returns>
    [Delete("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/keys/{key_id}/")]
    Task DeleteAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [AliasAs("key_id")] string keyId,
        CancellationToken cancellationToken = default);
}
