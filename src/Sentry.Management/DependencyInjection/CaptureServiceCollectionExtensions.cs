using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Sentry.Management;
using Sentry.Management.Capture;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Sentry event capture (<see cref="SentryCaptureClient"/>) with dependency injection.</summary>
public static class CaptureServiceCollectionExtensions
{
    /// <summary>Registers a singleton <see cref="SentryCaptureClient"/>, configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (at least <see cref="SentryCaptureOptions.Dsn"/>).</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddSentryCapture(this IServiceCollection services, Action<SentryCaptureOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(provider =>
        {
            var options = new SentryCaptureOptions();
            if (provider.GetService<TimeProvider>() is { } time)
            {
                options.TimeProvider = time;
            }

            configure(options);
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger("Sentry.Management.Capture");
            return new SentryCaptureClient(options, handler: null, logger);
        });
        return services;
    }

    /// <summary>
    /// Registers a singleton <see cref="SentryCaptureClient"/> whose options are read from configuration
    /// (for example the <c>Sentry:Capture</c> section, with <c>Dsn</c>, <c>SampleRate</c>, <c>FilterRules</c>...),
    /// then adjusted in code (delegates such as <c>BeforeSend</c> can only be set there).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <param name="configure">Further settings applied after binding, or <see langword="null"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddSentryCapture(this IServiceCollection services, IConfiguration configuration, Action<SentryCaptureOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSentryCapture(options =>
        {
            SentryCaptureOptionsBinder.Bind(configuration, options);
            configure?.Invoke(options);
        });
    }
}
