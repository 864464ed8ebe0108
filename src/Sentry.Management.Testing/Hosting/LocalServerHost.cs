using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sentry.Management.Testing.Api;
using Sentry.Management.Testing.Faults;
using Sentry.Management.Testing.Ingestion;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Hosting;

/// <summary>Builds and starts the ASP.NET Core application behind a <see cref="LocalSentry"/>.</summary>
internal static class LocalServerHost
{
    private const long MaxRequestBodyBytes = 100L * 1024 * 1024;

    public static async Task<(WebApplication App, LocalServerState State)> StartAsync(LocalSentryOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        ILocalStore store = options.DataFile is { } file ? new SqliteStore(file) : new MemoryStore();
        var data = new LocalData(store);
        try
        {
            var state = new LocalServerState(options, data, loggerFactory);

            // The empty builder reads no appsettings.json or environment: a user's test project cannot reconfigure it.
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Sentry.Management.Testing" });
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, options.Port);
                kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
                kestrel.AddServerHeader = false;
            });
            builder.Services.AddRoutingCore();
            builder.Services.AddSingleton(loggerFactory);
            builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            builder.Services.AddSingleton(state);

            var app = builder.Build();
            app.UseMiddleware<IngestionCorsMiddleware>();
            app.UseMiddleware<FaultMiddleware>();
            app.UseMiddleware<ManagementAuthMiddleware>();
            app.UseRouting();
            IngestionEndpoints.Map(app, state);
            LocalControlEndpoints.Map(app, state);
            EndpointAreas.Map(new ApiRouteBuilder(app, state));
            app.MapFallback(http => ApiJson.WriteDetailAsync(http, 404, ApiProblem.NotFoundDetail));

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            state.BaseUrl = address.TrimEnd('/');
            Log.Listening(loggerFactory.CreateLogger("Sentry.Management.Testing"), state.BaseUrl);
            return (app, state);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }
}
