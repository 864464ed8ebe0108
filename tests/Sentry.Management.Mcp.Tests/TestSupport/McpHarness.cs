using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Sentry.Management.Mcp.Tests.TestSupport;

/// <summary>
/// An MCP client and our server in one process, connected by pipes (the SDK's stream transports), over MockHttp
/// (<see cref="SentryBackend"/>, for exact requests and every error category) or over a running local Sentry (end to end).
/// </summary>
internal sealed class McpHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private ServiceProvider? _services;
    private McpServer? _server;
    private Task? _serverRun;

    private McpHarness(SentryBackend backend) => Backend = backend;

    public SentryBackend Backend { get; }

    public McpClient Client { get; private set; } = null!;

    /// <summary>Over MockHttp; <paramref name="timeProvider"/> is the facade client's clock.</summary>
    public static Task<McpHarness> StartAsync(Action<SentryMcpOptions>? configure = null, string baseUrl = SentryBackend.BaseUrl, HttpMessageHandler? captureHandler = null, TimeProvider? timeProvider = null)
    {
        var backend = new SentryBackend();
        var clientOptions = new SentryManagementOptions
        {
            AuthToken = SentryBackend.Token,
            BaseUrl = new Uri(baseUrl),
            MaxRetries = 0,
            MaxRateLimitWait = TimeSpan.Zero,
        };
        return StartAsync(backend, clientOptions, backend.Mock, captureHandler ?? backend.Mock, configure, timeProvider);
    }

    /// <summary>Over a running local Sentry: real HTTP for management calls and for captured events.</summary>
    public static Task<McpHarness> StartAsync(Sentry.Management.Testing.LocalSentry local, Action<SentryMcpOptions>? configure = null)
    {
        var clientOptions = new SentryManagementOptions
        {
            AuthToken = local.AuthToken,
            BaseUrl = local.Url,
            Organization = local.Organization,
            AllowInsecureTransport = true,
            MaxRetries = 0,
        };
        return StartAsync(new SentryBackend(), clientOptions, null, null, configure, null);
    }

    private static async Task<McpHarness> StartAsync(SentryBackend backend, SentryManagementOptions clientOptions, HttpMessageHandler? handler, HttpMessageHandler? captureHandler, Action<SentryMcpOptions>? configure, TimeProvider? timeProvider)
    {
        var harness = new McpHarness(backend);
        var services = new ServiceCollection();
        services.AddSingleton(new SentryManagementClient(clientOptions, handler, timeProvider));
        services.AddMcpServer(o => o.ServerInfo = new Implementation { Name = "test", Version = "1" }).AddSentryManagementTools(o =>
        {
            o.CaptureClientFactory = options => new SentryCaptureClient(options, captureHandler);
            configure?.Invoke(o);
        });
        harness._services = services.BuildServiceProvider();

        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var mcpOptions = harness._services.GetRequiredService<IOptions<McpServerOptions>>().Value;
        harness._server = McpServer.Create(
            new StreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream(), "test"),
            mcpOptions,
            null,
            harness._services);
        harness._serverRun = harness._server.RunAsync(harness._stop.Token);
        harness.Client = await McpClient.CreateAsync(new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream())).ConfigureAwait(false);
        return harness;
    }

    public async Task<IList<Tool>> ListToolsAsync() => [.. (await Client.ListToolsAsync().ConfigureAwait(false)).Select(t => t.ProtocolTool)];

    public async Task<CallToolResult> CallAsync(string tool, object? arguments = null, IProgress<ModelContextProtocol.ProgressNotificationValue>? progress = null, CancellationToken cancellationToken = default)
    {
        var args = arguments is null
            ? new Dictionary<string, object?>()
            : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!;
        return await Client.CallToolAsync(tool, args, progress, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_serverRun is not null)
        {
            try
            {
                await _serverRun.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        if (_services is not null)
        {
            await _services.DisposeAsync().ConfigureAwait(false);
        }

        Backend.Dispose();
        _stop.Dispose();
    }
}

internal static class ResultExtensions
{
    public static string Text(this CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}
