using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>Client keys (DSNs): list per project or organization, create, change (name, active, rate limit), delete.</summary>
public class ProjectKeysClient
{
    private readonly IProjectKeysApi _api = null!;
    private readonly ClientContext _context = null!;

    /// <summary>Creates the client over a Refit implementation of <see cref="IProjectKeysApi"/>.</summary>
    /// <param name="api">The API to call.</param>
    /// <param name="options">The options (default organization, page size).</param>
    public ProjectKeysClient(IProjectKeysApi api, SentryManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _context = new ClientContext(options);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ProjectKeysClient()
    {
    }

    /// <summary>Lists a project's client keys.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="status"><c>active</c> or <c>inactive</c> to filter; <see langword="null"/> for all.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<ProjectKey> List(string? organizationSlug, string projectSlug, string? status = null, SentryPageOptions? pages = null)
    {
        var organization = _context.Organization(organizationSlug);
        var project = SentrySlug.Validate(projectSlug);
        return ClientContext.Pageable((cursor, ct) => _api.ListAsync(organization, project, cursor, status, ct), pages);
    }

    /// <summary>Lists the client keys of every project in an organization.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="teamSlug">Only projects of this team.</param>
    /// <param name="status"><c>active</c> or <c>inactive</c> to filter; <see langword="null"/> for all.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<ProjectKey> ListForOrganization(string? organizationSlug = null, string? teamSlug = null, string? status = null, SentryPageOptions? pages = null)
    {
        var organization = _context.Organization(organizationSlug);
        var team = teamSlug is null ? null : SentrySlug.Validate(teamSlug);
        return ClientContext.Pageable((cursor, ct) => _api.ListForOrganizationAsync(organization, cursor, team, status, ct), pages);
    }

    /// <summary>Gets a client key.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key.</returns>
    public virtual Task<ProjectKey> GetAsync(string? organizationSlug, string projectSlug, string keyId, CancellationToken cancellationToken = default) =>
        _api.GetAsync(_context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), ValidateKeyId(keyId), cancellationToken);

    /// <summary>Creates a client key.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="key">The new key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created key with its DSN.</returns>
    public virtual Task<ProjectKey> CreateAsync(string? organizationSlug, string projectSlug, ProjectKeyCreate key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _api.CreateAsync(_context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), key, cancellationToken);
    }

    /// <summary>Changes a client key.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="update">The settings to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key as it is now.</returns>
    public virtual Task<ProjectKey> UpdateAsync(string? organizationSlug, string projectSlug, string keyId, ProjectKeyUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _api.UpdateAsync(_context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), ValidateKeyId(keyId), update, cancellationToken);
    }

    /// <summary>Deletes a client key.</summary>
    /// <param name="organizationSlug">The organization; <see langword="null"/> for the configured default.</param>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the key is deleted.</returns>
    public virtual Task DeleteAsync(string? organizationSlug, string projectSlug, string keyId, CancellationToken cancellationToken = default) =>
        _api.DeleteAsync(_context.Organization(organizationSlug), SentrySlug.Validate(projectSlug), ValidateKeyId(keyId), cancellationToken);

    private static string ValidateKeyId(string keyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        if (!keyId.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"'{keyId}' is not a valid client key id: it is the key's hexadecimal public key.", nameof(keyId));
        }

        return keyId;
    }
}
