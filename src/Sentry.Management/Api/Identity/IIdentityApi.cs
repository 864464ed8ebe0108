using Refit;

namespace Sentry.Management.Api;

/// <summary>The API root, which tells who a token belongs to. Not part of Sentry's published schema, but served by every Sentry.</summary>
public interface IIdentityApi
{
    /// <summary>Asks Sentry who the token belongs to and which scopes it has.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The API root.</returns>
    [Get("/api/0/")]
    Task<ApiRoot> GetRootAsync(CancellationToken cancellationToken = default);
}
