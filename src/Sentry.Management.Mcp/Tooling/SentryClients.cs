namespace Sentry.Management.Mcp.Tooling;

/// <summary>
/// The facade clients the tools call: the configured one, and the region a <c>regionUrl</c> names
/// (<see cref="SentryManagementClient.ForRegion(Uri)"/>: the root's pipeline, clock and logger, created on first use and
/// owned by the root). Every URL passes <see cref="HostPolicy"/> first.
/// </summary>
internal sealed class SentryClients
{
    public SentryClients(SentryManagementClient root, SentryMcpOptions options)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        Root = root;
        Options = options;
        Hosts = new HostPolicy(root.Options.BaseUrl, options.AllowInsecureHttp || root.Options.AllowInsecureTransport);
    }

    public SentryManagementClient Root { get; }

    public SentryMcpOptions Options { get; }

    public HostPolicy Hosts { get; }

    public SentryManagementClient For(string? regionUrl)
    {
        var region = Hosts.Region(regionUrl);
        if (region is null)
        {
            return Root;
        }

        return Root.ForRegion(region);
    }

    /// <summary>
    /// A capture client for a DSN whose host passed the check: <see cref="SentryMcpOptions.CaptureClientFactory"/> when
    /// set, otherwise the facade's <see cref="SentryManagementClient.CreateCaptureClient(string, Action{SentryCaptureOptions})"/>,
    /// so events go through the facade's handler and logger and carry its clock.
    /// </summary>
    public SentryCaptureClient Capture(string dsn, Action<SentryCaptureOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        if (Options.CaptureClientFactory is { } factory)
        {
            var options = new SentryCaptureOptions { Dsn = dsn };
            configure(options);
            return factory(options);
        }

        return Root.CreateCaptureClient(dsn, configure);
    }
}
