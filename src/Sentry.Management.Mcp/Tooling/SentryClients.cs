using System.Collections.Concurrent;

namespace Sentry.Management.Mcp.Tooling;

/// <summary>
/// The facade clients the tools call: the configured one, and one per Sentry region a <c>regionUrl</c> names (created on
/// first use, kept for the server's lifetime). Every URL passes <see cref="HostPolicy"/> first.
/// </summary>
internal sealed class SentryClients : IDisposable
{
    private readonly ConcurrentDictionary<Uri, Lazy<SentryManagementClient>> _regions = new();
    private readonly List<SentryManagementClient> _owned = [];

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

        return _regions.GetOrAdd(region, url => new Lazy<SentryManagementClient>(() => Create(url))).Value;
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

    public void Dispose()
    {
        lock (_owned)
        {
            foreach (var client in _owned)
            {
                client.Dispose();
            }

            _owned.Clear();
        }
    }

    private SentryManagementClient Create(Uri region)
    {
        if (Options.RegionClientFactory is { } factory)
        {
            return factory(region);
        }

        var options = Root.Options.Clone();
        options.BaseUrl = region;
        var client = new SentryManagementClient(options);
        lock (_owned)
        {
            _owned.Add(client);
        }

        return client;
    }
}
