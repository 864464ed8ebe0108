using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sentry.Management;

namespace Microsoft.Extensions.Logging;

/// <summary>Adds the logging integration (<c>integrations.console</c>) to <c>ILogger</c>.</summary>
public static class SentryCaptureLoggingBuilderExtensions
{
    /// <summary>
    /// Sends log entries to the registered <see cref="SentryCaptureClient"/> as <c>integrations.console</c> says: breadcrumbs,
    /// error events for entries with exceptions, and Sentry Logs. Register capture as well (<c>AddSentryManagement</c> with a
    /// <c>dsn</c>, or <c>AddSentryCapture</c>); calling this twice adds one provider.
    /// </summary>
    /// <param name="builder">The logging builder, such as <c>builder.Logging</c> or the one <c>services.AddLogging</c> passes.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ILoggingBuilder AddSentryCapture(this ILoggingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, SentryCaptureLoggerProvider>(
            sp => new SentryCaptureLoggerProvider(() => sp.GetRequiredService<SentryCaptureClient>())));
        return builder;
    }
}
