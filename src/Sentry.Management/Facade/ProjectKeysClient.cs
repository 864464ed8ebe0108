using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>A project's client keys (DSNs): list, read, create, change (name, active, rate limit), delete.</summary>
public class ProjectKeysClient
{
    private readonly IProjectKeysApi _api = null!;
    private readonly ProjectScope _project = null!;

    internal ProjectKeysClient(ProjectScope project)
    {
        _project = project;
        _api = project.Api<IProjectKeysApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ProjectKeysClient()
    {
    }

    /// <summary>Lists a project's client keys.</summary>
    /// <param name="status"><c>active</c> or <c>inactive</c> to filter; <see langword="null"/> for all.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<ProjectKey> List(string? status = null, SentryPageOptions? pages = null)
    {
        var organization = _project.Organization.Slug;
        var project = _project.Slug;
        return OrganizationScope.Pageable((cursor, ct) => _api.ListAsync(organization, project, cursor, status, ct), pages);
    }

    /// <summary>Gets a client key.</summary>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key.</returns>
    public virtual Task<ProjectKey> GetAsync(string keyId, CancellationToken cancellationToken = default) =>
        _api.GetAsync(_project.Organization.Slug, _project.Slug, ValidateKeyId(keyId), cancellationToken);

    /// <summary>Creates a client key.</summary>
    /// <param name="key">The new key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created key with its DSN.</returns>
    public virtual Task<ProjectKey> CreateAsync(ProjectKeyCreate key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _api.CreateAsync(_project.Organization.Slug, _project.Slug, key, cancellationToken);
    }

    /// <summary>Changes a client key.</summary>
    /// <param name="keyId">The key's id.</param>
    /// <param name="update">The settings to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key as it is now.</returns>
    public virtual Task<ProjectKey> UpdateAsync(string keyId, ProjectKeyUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _api.UpdateAsync(_project.Organization.Slug, _project.Slug, ValidateKeyId(keyId), update, cancellationToken);
    }

    /// <summary>Deletes a client key.</summary>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the key is deleted.</returns>
    public virtual Task DeleteAsync(string keyId, CancellationToken cancellationToken = default) =>
        _api.DeleteAsync(_project.Organization.Slug, _project.Slug, ValidateKeyId(keyId), cancellationToken);

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
