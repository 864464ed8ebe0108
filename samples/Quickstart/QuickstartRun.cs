namespace Sentry.Management.Quickstart;

/// <summary>What the steps share: the client, the names they use, and what earlier steps set up.</summary>
internal sealed class QuickstartRun(SentryManagementClient sentry) : IAsyncDisposable
{
    internal SentryManagementClient Sentry { get; } = sentry;

    internal OrganizationClient Organization => Sentry.DefaultOrganization;

    internal string Project { get; } = Environment.GetEnvironmentVariable("QUICKSTART_PROJECT") ?? "quickstart";

    internal string Team { get; } = Environment.GetEnvironmentVariable("QUICKSTART_TEAM") ?? "quickstart";

    internal string Version { get; } = Environment.GetEnvironmentVariable("QUICKSTART_RELEASE") ?? "quickstart@1.0.0";

    /// <summary>Set by the bootstrap step; its capture client sends the events of the capture step.</summary>
    internal ProjectBootstrap? Bootstrap { get; set; }

    public async ValueTask DisposeAsync()
    {
        if (Bootstrap is not null)
        {
            await Bootstrap.DisposeAsync();
        }
    }
}
