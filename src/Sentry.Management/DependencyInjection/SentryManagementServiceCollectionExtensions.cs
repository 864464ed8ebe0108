using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sentry.Management;
using Sentry.Management.Api;
using Sentry.Management.DependencyInjection;
using Sentry.Management.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Sentry.Management with dependency injection.</summary>
public static class SentryManagementServiceCollectionExtensions
{
    // The socket handlers this registration created, told apart from one the user configured in their place.
    private static readonly ConditionalWeakTable<SocketsHttpHandler, SocketsHttpHandler> OwnPrimaryHandlers = new();

    /// <summary>
    /// Adds <see cref="SentryManagementClient"/>, the default organization's <see cref="OrganizationClient"/> and the Refit API interfaces, all on one
    /// <see cref="IHttpClientFactory"/> client that runs the library's pipeline (auth, typed errors, retries,
    /// rate limits, logging, tracing). Options are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (at least <see cref="SentryManagementOptions.AuthToken"/>).</param>
    /// <returns>A builder to chain handlers onto the HttpClient.</returns>
    public static ISentryManagementBuilder AddSentryManagement(this IServiceCollection services, Action<SentryManagementOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = AddCore(services);
        services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds Sentry.Management with options bound from a configuration section such as <c>Sentry:Management</c>
    /// (keys <c>AuthToken</c>, <c>BaseUrl</c>, <c>Organization</c>, <c>Timeout</c>, …), then <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind.</param>
    /// <param name="configure">Further settings applied after binding, if any.</param>
    /// <returns>A builder to chain handlers onto the HttpClient.</returns>
    public static ISentryManagementBuilder AddSentryManagement(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<SentryManagementOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = AddCore(services);
        SentryCaptureServiceCollectionExtensions.AddConfiguration(services, configuration, withManagement: true, withCapture: false);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return builder;
    }

    private static SentryManagementBuilder AddCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(SentryHttpPipeline)))
        {
            // Added before: only the options change; adding the handlers again would run every call through them twice.
            return new SentryManagementBuilder(services, services.AddHttpClient(SentryManagementDefaults.HttpClientName));
        }

        services.AddOptions<SentryManagementOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SentryManagementOptions>, SentryManagementOptionsValidator>());
        services.TryAddSingleton<SentryRateLimitMonitor>();
        services.TryAddSingleton(sp => new SentryHttpPipeline(
            sp.GetRequiredService<IOptions<SentryManagementOptions>>().Value,
            sp.GetRequiredService<SentryRateLimitMonitor>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));

        var httpClient = services.AddHttpClient(SentryManagementDefaults.HttpClientName)
            .ConfigureHttpClient((sp, client) => sp.GetRequiredService<SentryHttpPipeline>().Configure(client))
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
            {
                // Ours go first (outermost), so handlers the user adds run once per attempt inside the retries.
                var ours = sp.GetRequiredService<SentryHttpPipeline>().CreateHandlers();
                for (var i = 0; i < ours.Count; i++)
                {
                    handlers.Insert(i, ours[i]);
                }
            });

        // Runs after every other action on this client, so it sees the handlers the user added.
        services.PostConfigure<HttpClientFactoryOptions>(SentryManagementDefaults.HttpClientName, o => o.HttpMessageHandlerBuilderActions.Add(DecodeBelowAddedHandlers));

        foreach (var area in SentryAreas.All)
        {
            services.TryAddTransient(area.Api, sp => area.Create(CreateHttpClient(sp)));
        }

        services.TryAddSingleton(sp => new SentryManagementClient(
            sp.GetRequiredService<SentryHttpPipeline>(),
            () => CreateHttpClient(sp),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));

        // The default organization's client; other organizations come from SentryManagementClient.Organization(slug).
        services.TryAddSingleton(sp => sp.GetRequiredService<SentryManagementClient>().DefaultOrganization);
        return new SentryManagementBuilder(services, httpClient);
    }

    /// <summary>
    /// Handlers added with <c>AddHttpMessageHandler</c> sit between the pipeline and the socket, where answers are still
    /// as they came over the wire; like any handler over <c>AutomaticDecompression</c> they expect them decoded, so with
    /// such handlers the socket handler decodes (the pipeline then finds nothing left to decode). Without them the
    /// pipeline decodes, for less per call (<see cref="DecodedResponseContent"/>).
    /// </summary>
    /// <remarks>A primary handler the user configured instead of the library's is left as they set it.</remarks>
    private static void DecodeBelowAddedHandlers(HttpMessageHandlerBuilder builder)
    {
        if (builder.PrimaryHandler is SocketsHttpHandler socket && OwnPrimaryHandlers.TryGetValue(socket, out _)
            && builder.AdditionalHandlers.Any(h => h is not ResilienceHandler and not AuthHandler))
        {
            socket.AutomaticDecompression = System.Net.DecompressionMethods.All;
        }
    }

    private static SocketsHttpHandler CreatePrimaryHandler()
    {
        var handler = SentryHttpPipeline.CreatePrimaryHandler();
        OwnPrimaryHandlers.AddOrUpdate(handler, handler);
        return handler;
    }

    private static HttpClient CreateHttpClient(IServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(SentryManagementDefaults.HttpClientName);
}
