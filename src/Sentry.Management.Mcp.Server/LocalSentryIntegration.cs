using Sentry.Management.Testing;

namespace Sentry.Management.Mcp.Server;

/// <summary>
/// <c>--local</c>: an embedded local Sentry (<c>Sentry.Management.Testing</c>) on 127.0.0.1 with a little sample data,
/// so anyone can try the tools offline without an account or a token.
/// </summary>
internal static class LocalSentryIntegration
{
    /// <summary>The release the sample events and the sample release carry.</summary>
    public const string SampleRelease = "app@1.0.0";

    /// <summary>Starts the local Sentry and fills it with sample data; the caller disposes it when the server stops.</summary>
    public static async Task<LocalSentry> StartAsync(CancellationToken cancellationToken)
    {
        var local = await LocalSentry.StartAsync(new LocalSentryOptions(), cancellationToken).ConfigureAwait(false);
        try
        {
            var count = await LocalSampleData.CaptureAsync(local.Dsn, SampleRelease, cancellationToken).ConfigureAwait(false);
            await local.Received.WaitForEventsAsync(count, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            var options = new SentryManagementOptions();
            Configure(options, local);
            using var sentry = new SentryManagementClient(options);
            await sentry.Organization(local.Organization).Releases
                .CreateAsync(new ReleaseCreate { Version = SampleRelease, Projects = [local.Project.Slug] }, cancellationToken).ConfigureAwait(false);
            return local;
        }
        catch
        {
            await local.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Points the management client at the local Sentry (plain http is fine: it is loopback).</summary>
    public static void Configure(SentryManagementOptions options, LocalSentry local)
    {
        options.BaseUrl = local.Url;
        options.AuthToken = local.AuthToken;
        options.Organization = local.Organization;
        options.AllowInsecureTransport = true;
    }
}
