namespace Sentry.Management.Mcp.Server;

/// <summary>
/// INTEGRATION POINT for <c>--local</c>: the one place that starts the embedded local Sentry
/// (<c>Sentry.Management.Testing</c>, <c>LocalSentry.StartAsync</c>, being built in parallel) with sample data, and
/// hands back the URL and token the server then uses. Until it is wired, <c>--local</c> ends with a clear message.
/// </summary>
internal static class LocalSentryIntegration
{
    /// <summary>Starts the local Sentry; returns its base URL, a token for it and its sample organization, or null when not available.</summary>
    public static Task<(Uri BaseUrl, string Token, string Organization, IAsyncDisposable Server)?> StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Integrator: replace with e.g.
        //   var local = await LocalSentry.StartAsync(new LocalSentryOptions { SampleData = true }, cancellationToken);
        //   return (local.BaseUrl, local.AuthToken, local.Organization, local);
        return Task.FromResult<(Uri, string, string, IAsyncDisposable)?>(null);
    }
}
