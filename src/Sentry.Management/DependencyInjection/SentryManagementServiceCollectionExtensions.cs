using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sentry.Management.Api;
using Sentry.Management.Api.Alerts;
using Sentry.Management.Api.Events;
using Sentry.Management.Api.Identity;
using Sentry.Management.Api.Issues;
using Sentry.Management.Api.Organizations;
using Sentry.Management.Api.ProjectKeys;
using Sentry.Management.Api.Projects;
using Sentry.Management.Api.Releases;
using Sentry.Management.Api.Sessions;
using Sentry.Management.Api.Stats;
using Sentry.Management.Api.Teams;
using Sentry.Management.Clients;
using Sentry.Management.DependencyInjection;
using Sentry.Management.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Sentry.Management with dependency injection.</summary>
public static class SentryManagementServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SentryManagementClient"/>, its area clients and the Refit API interfaces, all on one
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
            .ConfigurePrimaryHttpMessageHandler(SentryHttpPipeline.CreatePrimaryHandler)
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
            {
                // Ours go first (outermost), so handlers the user adds run once per attempt inside the retries.
                var ours = sp.GetRequiredService<SentryHttpPipeline>().CreateHandlers();
                for (var i = 0; i < ours.Count; i++)
                {
                    handlers.Insert(i, ours[i]);
                }
            });

        AddApi<IOrganizationsApi>(services);
        AddApi<IProjectsApi>(services);
        AddApi<ITeamsApi>(services);
        AddApi<IProjectKeysApi>(services);
        AddApi<IIdentityApi>(services);
        AddApi<IIssuesApi>(services);
        AddApi<IEventsApi>(services);
        AddApi<IAlertsApi>(services);
        AddApi<IReleasesApi>(services);
        AddApi<IStatsApi>(services);
        AddApi<ISessionsApi>(services);

        services.TryAddSingleton(sp => new SentryManagementClient(
            CreateHttpClient(sp),
            sp.GetRequiredService<SentryHttpPipeline>().Options,
            sp.GetRequiredService<SentryRateLimitMonitor>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<SentryManagementClient>().Organizations);
        services.TryAddSingleton(sp => sp.GetRequiredService<SentryManagementClient>().Projects);
        services.TryAddSingleton(sp => sp.GetRequiredService<SentryManagementClient>().Teams);
        services.TryAddSingleton(sp => sp.GetRequiredService<SentryManagementClient>().ProjectKeys);
        services.TryAddSingleton(sp => sp.GetRequiredService<SentryManagementClient>().Identity);
        services.TryAddSingleton(sp => sp.GetRequiredService<SentryManagementClient>().Issues);
        services.TryAddSingleton(sp => sp.GetRequiredService<SentryManagementClient>().Events);
        services.TryAddSingleton(sp => sp.GetRequiredService<SentryManagementClient>().Alerts);
        services.TryAddSingleton(sp => sp.GetRequiredService<SentryManagementClient>().Releases);
        services.TryAddSingleton(sp => sp.GetRequiredService<SentryManagementClient>().Stats);
        services.TryAddSingleton(sp => sp.GetRequiredService<SentryManagementClient>().Sessions);
        return new SentryManagementBuilder(services, httpClient);
    }

    private static void AddApi<TApi>(IServiceCollection services)
        where TApi : class =>
        services.TryAddTransient(sp => SentryRefit.Create<TApi>(CreateHttpClient(sp)));

    private static HttpClient CreateHttpClient(IServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(SentryManagementDefaults.HttpClientName);
}
