using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sentry.Management.DependencyInjection;

/// <summary>
/// Fails the start with one error naming every unknown key and bad value of the <c>Sentry</c> section (with its full
/// path), and logs once the keys the library cannot honour.
/// </summary>
internal sealed class SentryConfigurationValidator(SentryConfigurationReport report, ILoggerFactory? loggers) : IValidateOptions<SentryManagementOptions>
{
    public ValidateOptionsResult Validate(string? name, SentryManagementOptions options)
    {
        if (name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        report.LogNotSupportedOnce(loggers);
        return report.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(report.Errors);
    }
}
