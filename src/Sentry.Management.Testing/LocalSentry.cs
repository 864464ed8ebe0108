using Microsoft.AspNetCore.Builder;
using Sentry.Management.Testing.Hosting;

namespace Sentry.Management.Testing;

/// <summary>
/// A local Sentry on 127.0.0.1: it ingests envelopes from any Sentry SDK, groups events into issues as Sentry does,
/// and serves Sentry's management API over what it received. Start one per test fixture (it starts in well under a
/// second) and dispose it at the end.
/// </summary>
/// <example>
/// <code>
/// await using var sentry = await LocalSentry.StartAsync();
/// // point an SDK at sentry.Dsn, a management client at sentry.Url with sentry.AuthToken
/// var events = await sentry.Received.WaitForEventsAsync(1);
/// </code>
/// </example>
public sealed class LocalSentry : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LocalServerState _state;
    private int _disposed;

    private LocalSentry(WebApplication app, LocalServerState state)
    {
        _app = app;
        _state = state;
        Url = new Uri(state.BaseUrl + "/");
        Project = new LocalSentryProject(state.Project.Id, state.Project.Slug);
    }

    /// <summary>Starts a local Sentry and returns once it accepts requests.</summary>
    /// <param name="options">Port, names, credentials and data file; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Abandons the start.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<LocalSentry> StartAsync(LocalSentryOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (app, state) = await LocalServerHost.StartAsync(options ?? new LocalSentryOptions(), cancellationToken).ConfigureAwait(false);
        return new LocalSentry(app, state);
    }

    /// <summary>The server's state, for the tests of this package (fixtures with given ids).</summary>
    internal LocalServerState State => _state;

    /// <summary>The base URL of the server, such as <c>http://127.0.0.1:54321/</c>: the management API's base URL.</summary>
    public Uri Url { get; }

    /// <summary>The auth token the management API accepts (send it as <c>Authorization: Bearer</c>).</summary>
    public string AuthToken => _state.Token.Token;

    /// <summary>The slug of the organization the server started with.</summary>
    public string Organization => _state.Organization.Slug;

    /// <summary>The project the server started with.</summary>
    public LocalSentryProject Project { get; }

    /// <summary>The project's DSN, pointing at this server, such as <c>http://&lt;key&gt;@127.0.0.1:54321/1</c>.</summary>
    public string Dsn => _state.DsnOf(_state.Key);

    /// <summary>What the server received, for assertions.</summary>
    public LocalSentryReceived Received => _state.Received;

    /// <summary>The fault switches of ingestion and of the management API.</summary>
    public LocalSentryFaults Faults => _state.Faults;

    /// <summary>
    /// The variables Sentry's tools read, pointing at this server: <c>SENTRY_URL</c>, <c>SENTRY_AUTH_TOKEN</c>,
    /// <c>SENTRY_ORG</c>, <c>SENTRY_PROJECT</c> and <c>SENTRY_DSN</c>; for a child process or a
    /// <c>FromEnvironment</c> call.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SENTRY_URL"] = _state.BaseUrl,
        ["SENTRY_AUTH_TOKEN"] = AuthToken,
        ["SENTRY_ORG"] = Organization,
        ["SENTRY_PROJECT"] = Project.Slug,
        ["SENTRY_DSN"] = Dsn,
    };

    /// <summary>Stops the server, letting requests in flight finish, and closes its data file.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _state.Data.Dispose();
        }
    }

    /// <summary>Describes the server without its credentials.</summary>
    /// <returns>The URL, organization and project.</returns>
    public override string ToString() => $"LocalSentry {{ Url = {Url}, Organization = {Organization}, Project = {Project.Slug} }}";
}
