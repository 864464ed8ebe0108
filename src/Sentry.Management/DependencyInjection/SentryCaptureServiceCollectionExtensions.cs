using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sentry.Management;
using Sentry.Management.Capture;
using Sentry.Management.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Sentry event capture (<see cref="SentryCaptureClient"/>) with dependency injection.</summary>
/// <remarks>
/// <c>services.AddSentryManagement(configuration.GetSection("Sentry"))</c> registers capture too when the section
/// has a <c>dsn</c>; adjust it with <see cref="ConfigureCapture"/>. <see cref="AddSentryCapture(IServiceCollection, IConfiguration, Action{SentryCaptureOptions}?)"/>
/// is for apps that only capture (no auth token).
/// </remarks>
public static class SentryCaptureServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient envelopes are posted with; none of the management pipeline's handlers are on it.</summary>
    internal const string HttpClientName = "Sentry.Management.Capture";

    /// <summary>
    /// Adjusts capture in code after the configuration is bound (delegates such as <see cref="SentryCaptureOptions.BeforeSend"/>
    /// can only be set here), and registers capture if the configuration had no <c>dsn</c> (then set one here).
    /// </summary>
    /// <param name="builder">The builder <c>AddSentryManagement</c> returned.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ISentryManagementBuilder ConfigureCapture(this ISentryManagementBuilder builder, Action<SentryCaptureOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddCapture(builder.Services);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// The HttpClient capture posts envelopes with (its own socket handler, separate from the management pipeline):
    /// configure a proxy or certificates on its primary handler, or add handlers.
    /// </summary>
    /// <param name="builder">The builder <c>AddSentryManagement</c> returned.</param>
    /// <returns>The capture HttpClient's builder.</returns>
    public static IHttpClientBuilder CaptureHttpClient(this ISentryManagementBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return AddCapture(builder.Services);
    }

    /// <summary>
    /// Registers only capture (no management API, no auth token needed), bound from the same <c>Sentry</c> section
    /// <c>AddSentryManagement</c> reads (<c>dsn</c>, <c>environment</c>, <c>release</c>, <c>beforeSend</c>,
    /// <c>performance</c>, <c>capture</c>...), then <paramref name="configure"/>. Validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind, usually <c>configuration.GetSection("Sentry")</c>.</param>
    /// <param name="configure">Further settings applied after binding, or <see langword="null"/>.</param>
    /// <returns>The capture HttpClient's builder, to configure its handler.</returns>
    public static IHttpClientBuilder AddSentryCapture(this IServiceCollection services, IConfiguration configuration, Action<SentryCaptureOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        AddConfiguration(services, configuration, withManagement: false, withCapture: true);
        var http = AddCapture(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return http;
    }

    /// <summary>Registers only capture, configured in code (at least <see cref="SentryCaptureOptions.Dsn"/>). Validated when the host starts.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The capture HttpClient's builder, to configure its handler.</returns>
    public static IHttpClientBuilder AddSentryCapture(this IServiceCollection services, Action<SentryCaptureOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var http = AddCapture(services);
        services.Configure(configure);
        return http;
    }

    /// <summary>
    /// Adds the outgoing-HTTP capture integration (<see cref="SentryCaptureHttpHandler"/>) to an HttpClient: breadcrumbs,
    /// <c>http.client</c> spans of the current transaction and trace headers for <c>tracePropagationTargets</c>, as
    /// <c>integrations.http</c> says. Needs capture registered (<c>AddSentryManagement</c> with a <c>dsn</c>, or <c>AddSentryCapture</c>).
    /// </summary>
    /// <param name="builder">The HttpClient's builder, from <c>services.AddHttpClient("name")</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHttpClientBuilder AddSentryCaptureHandler(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHttpMessageHandler(sp => new SentryCaptureHttpHandler(() => sp.GetRequiredService<SentryCaptureClient>()));
    }

    /// <summary>
    /// Binds the <c>Sentry</c> section into the management options (when <paramref name="withManagement"/>) and, when it
    /// has a <c>dsn</c> or <paramref name="withCapture"/>, registers capture bound from it. Problems of the section are
    /// reported once at start, by the management options' validation when there is one.
    /// </summary>
    internal static void AddConfiguration(IServiceCollection services, IConfiguration section, bool withManagement, bool withCapture)
    {
        var report = SentryConfigurationBinder.Bind(section, null, null);
        report.ReportedWithManagement = withManagement;
        services.TryAddSingleton(report);
        if (withManagement)
        {
            services.AddOptions<SentryManagementOptions>().Configure(o => SentryConfigurationBinder.Bind(section, o, null));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SentryManagementOptions>, SentryConfigurationValidator>(
                sp => new SentryConfigurationValidator(sp.GetRequiredService<SentryConfigurationReport>(), sp.GetService<ILoggerFactory>())));
        }

        if (withCapture || SentryConfigurationBinder.HasDsn(section))
        {
            AddCapture(services);
            services.AddOptions<SentryCaptureOptions>().Configure(o => SentryConfigurationBinder.Bind(section, null, o));

            // The seed's switches turn the integrations on for the whole app, as the official SDKs' do.
            if (IsTrue(section, "integrations:http:enabled"))
            {
                services.ConfigureHttpClientDefaults(http => http.AddSentryCaptureHandler());
            }

            if (IsTrue(section, "integrations:console:enabled"))
            {
                services.AddLogging(logging => logging.AddSentryCapture());
            }
        }
    }

    private static bool IsTrue(IConfiguration section, string key) =>
        bool.TryParse(section[key], out var value) && value;

    private static IHttpClientBuilder AddCapture(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SentryCaptureClient)))
        {
            return services.AddHttpClient(HttpClientName);
        }

        // Registered first, so the container's clock is in place before configuration and code change the options.
        services.AddOptions<SentryCaptureOptions>()
            .Configure<IServiceProvider>((options, provider) =>
            {
                if (provider.GetService<TimeProvider>() is { } time)
                {
                    options.TimeProvider = time;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SentryCaptureOptions>, SentryCaptureOptionsValidator>(
            sp => new SentryCaptureOptionsValidator(sp.GetService<SentryConfigurationReport>(), sp.GetService<ILoggerFactory>())));

        // Capture's own client: the envelope endpoint needs no auth token, retries or rate-limit waits of the management
        // pipeline, and the one long-lived client keeps its socket handler (which recycles connections itself).
        var http = services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => SentryCaptureClient.CreatePrimaryHandler(sp.GetRequiredService<IOptions<SentryCaptureOptions>>().Value))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(sp => new SentryCaptureClient(new CaptureRuntime(
            sp.GetRequiredService<IOptions<SentryCaptureOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            ownsHttp: true,
            sp.GetService<ILoggerFactory>()?.CreateLogger("Sentry.Management.Capture"))));
        return http;
    }
}
