using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sentry.Management;
using Sentry.Management.Mcp.Server;

var (settings, errors) = ServerSettings.Read(args, Environment.GetEnvironmentVariable);
if (settings.Help)
{
    await Console.Error.WriteLineAsync(ServerSettings.Usage).ConfigureAwait(false);
    return 0;
}

if (errors.Count > 0)
{
    foreach (var error in errors)
    {
        await Console.Error.WriteLineAsync("sentry-management-mcp: " + error).ConfigureAwait(false);
    }

    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var clientOptions = settings.ClientOptions();
Sentry.Management.Testing.LocalSentry? local = null;
if (settings.Local)
{
    await Console.Error.WriteLineAsync("sentry-management-mcp: starting the embedded local Sentry with sample data (offline; nothing leaves 127.0.0.1)").ConfigureAwait(false);
    local = await LocalSentryIntegration.StartAsync(stop.Token).ConfigureAwait(false);
    LocalSentryIntegration.Configure(clientOptions, local);
    await Console.Error.WriteLineAsync($"sentry-management-mcp: local Sentry at {local.Url} (organization '{local.Organization}', project '{local.Project.Slug}')").ConfigureAwait(false);
}

try
{
    var problems = clientOptions.Validate();
    if (problems.Count > 0)
    {
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync("sentry-management-mcp: " + problem).ConfigureAwait(false);
        }

        return 2;
    }

    var serverInfo = new Implementation { Name = "sentry-management-mcp", Title = "Sentry (Sentry.Management)", Version = typeof(SentryManagementClient).Assembly.GetName().Version?.ToString(3) ?? "0.1.0" };
    if (settings.Port is { } port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(settings.Bind, port));
        builder.Services.AddSingleton(sp => new SentryManagementClient(clientOptions, loggerFactory: sp.GetRequiredService<ILoggerFactory>())); // logs as over stdio
        builder.Services.AddMcpServer(o => o.ServerInfo = serverInfo)
            .WithHttpTransport(o => o.Stateless = true) // no session state: replicas behind a load balancer serve any request
            .AddSentryManagementTools(o => Copy(settings.Tools, o));
        var app = builder.Build();
        app.MapMcp();
        await Console.Error.WriteLineAsync($"sentry-management-mcp: Streamable HTTP on http://{settings.Endpoint(port)}/").ConfigureAwait(false);
        if (settings.ExposureWarning() is { } warning)
        {
            await Console.Error.WriteLineAsync("sentry-management-mcp: " + warning).ConfigureAwait(false);
        }

        await app.StartAsync(stop.Token).ConfigureAwait(false);
        await app.WaitForShutdownAsync(stop.Token).ConfigureAwait(false);
        return 0;
    }

    // stdio without the generic host: nothing starts but the client, the tools and the transport, so tools/list answers fast.
    using var loggerFactory = LoggerFactory.Create(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
    var services = new ServiceCollection();
    services.AddSingleton<ILoggerFactory>(loggerFactory);
    services.AddSingleton(_ => new SentryManagementClient(clientOptions, loggerFactory: loggerFactory)); // built on the first tool call, not before tools/list
    services.AddMcpServer(o => o.ServerInfo = serverInfo).AddSentryManagementTools(o => Copy(settings.Tools, o));
    await using var provider = services.BuildServiceProvider();
    var options = provider.GetRequiredService<IOptions<McpServerOptions>>().Value;
    await using var server = McpServer.Create(new StdioServerTransport("sentry-management-mcp", loggerFactory), options, loggerFactory, provider);
    await server.RunAsync(stop.Token).ConfigureAwait(false);
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 0;
}
finally
{
    if (local is not null)
    {
        await local.DisposeAsync().ConfigureAwait(false);
    }
}

static void Copy(Sentry.Management.Mcp.SentryMcpOptions from, Sentry.Management.Mcp.SentryMcpOptions to)
{
    to.ReadOnly = from.ReadOnly;
    to.Organization = from.Organization;
    to.Project = from.Project;
    to.ResultBudget = from.ResultBudget;
    to.AllowInsecureHttp = from.AllowInsecureHttp;
    foreach (var name in from.AllowedTools)
    {
        to.AllowedTools.Add(name);
    }

    foreach (var name in from.DeniedTools)
    {
        to.DeniedTools.Add(name);
    }
}
