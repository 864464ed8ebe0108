using Refit;

namespace Sentry.Management.Api;

/// <summary>
/// Sentry's release, release-commit and deploy endpoints, as a Refit interface. Release versions are path
/// segments: Refit escapes them (<c>+</c> as <c>%2B</c>, <c>/</c> as <c>%2F</c>, space as <c>%20</c>), so pass the
/// version as it is, unescaped.
/// </summary>
public interface IReleasesApi
{
    /// <summary>Lists an organization's releases, newest first (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="project">Project ids or slugs to filter by (<c>-1</c> for all accessible projects); sent once per value.</param>
    /// <param name="environment">Environments to filter by; sent once per value.</param>
    /// <param name="query">Case-insensitive substring of the version.</param>
    /// <param name="perPage">Items per page, 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/releases/")]
    Task<IApiResponse<List<Release>>> ListAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query] string? cursor = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? project = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? environment = null,
        [Query] string? query = null,
        [Query, AliasAs("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Creates a release. Sentry answers 201 when it created it and 208 when it already existed (with the existing release).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="release">The new release.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response: status 201 or 208 and the release.</returns>
    [Post("/api/0/organizations/{organization_id_or_slug}/releases/")]
    Task<IApiResponse<Release>> CreateAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Body] ReleaseCreate release,
        CancellationToken cancellationToken = default);

    /// <summary>Gets one release.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="version">The release version, unescaped.</param>
    /// <param name="project">A project id or slug to scope project metadata to.</param>
    /// <param name="health"><c>1</c> to include release-health data (Sentry compares the text with <c>1</c>).</param>
    /// <param name="adoptionStages"><c>1</c> to include adoption stages.</param>
    /// <param name="summaryStatsPeriod">The period of summary stats: <c>1h</c>, <c>24h</c>, <c>14d</c> (default), …</param>
    /// <param name="healthStatsPeriod">The period of health stats: <c>24h</c> (default with health), <c>14d</c>, …</param>
    /// <param name="sort">The sort of neighbouring releases: <c>date</c> (default), <c>sessions</c>, <c>users</c>, <c>crash_free_sessions</c>, <c>crash_free_users</c>.</param>
    /// <param name="status">The status of neighbouring releases: <c>open</c> or <c>archived</c>.</param>
    /// <param name="query">A search query for neighbouring releases.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The release.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/releases/{version}/")]
    Task<Release> GetAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        string version,
        [Query] string? project = null,
        [Query] int? health = null,
        [Query] int? adoptionStages = null,
        [Query] string? summaryStatsPeriod = null,
        [Query] string? healthStatsPeriod = null,
        [Query] string? sort = null,
        [Query] string? status = null,
        [Query] string? query = null,
        CancellationToken cancellationToken = default);

    /// <summary>Changes a release: ref, URL, release date (to finalize it), commits or refs.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="version">The release version, unescaped.</param>
    /// <param name="update">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The release as it is now.</returns>
    [Put("/api/0/organizations/{organization_id_or_slug}/releases/{version}/")]
    Task<Release> UpdateAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        string version,
        [Body] ReleaseUpdate update,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a release and its files permanently.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="version">The release version, unescaped.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the release is deleted.</returns>
    [Delete("/api/0/organizations/{organization_id_or_slug}/releases/{version}/")]
    Task DeleteAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        string version,
        CancellationToken cancellationToken = default);

    /// <summary>Lists a project's releases, newest first (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="environment">Environments to filter by; sent once per value.</param>
    /// <param name="query">Case-insensitive substring of the version.</param>
    /// <param name="perPage">Items per page, 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/releases/")]
    Task<IApiResponse<List<Release>>> ListForProjectAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        [Query] string? cursor = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? environment = null,
        [Query] string? query = null,
        [Query, AliasAs("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the commits of a release (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="version">The release version, unescaped.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/releases/{version}/commits/")]
    Task<IApiResponse<List<ReleaseCommit>>> ListCommitsAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        string version,
        [Query] string? cursor = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the commits of a release in one project (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="project">The project's id or slug.</param>
    /// <param name="version">The release version, unescaped.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/releases/{version}/commits/")]
    Task<IApiResponse<List<ReleaseCommit>>> ListProjectCommitsAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("project_id_or_slug")] string project,
        string version,
        [Query] string? cursor = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the files changed by a release's commits.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="version">The release version, unescaped.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response with the changed files (the schema declares no cursor parameter).</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/releases/{version}/commitfiles/")]
    Task<IApiResponse<List<ReleaseCommitFile>>> ListCommitFilesAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        string version,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the deploys of a release (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="version">The release version, unescaped.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/releases/{version}/deploys/")]
    Task<IApiResponse<List<Deploy>>> ListDeploysAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        string version,
        [Query] string? cursor = null,
        CancellationToken cancellationToken = default);

    /// <summary>Records a deploy of a release to an environment.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="version">The release version, unescaped.</param>
    /// <param name="deploy">The deploy.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created deploy.</returns>
    [Post("/api/0/organizations/{organization_id_or_slug}/releases/{version}/deploys/")]
    Task<Deploy> CreateDeployAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        string version,
        [Body] DeployCreate deploy,
        CancellationToken cancellationToken = default);
}
