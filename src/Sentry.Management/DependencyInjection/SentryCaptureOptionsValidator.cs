using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sentry.Management.DependencyInjection;

/// <summary>
/// Validates the capture options at start. Problems of the configuration section are reported here only when no
/// management registration reports them already, so a bad section gives one error, not two.
/// </summary>
internal sealed class SentryCaptureOptionsValidator(SentryConfigurationReport? report, ILoggerFactory? loggers) : IValidateOptions<SentryCaptureOptions>
{
    public ValidateOptionsResult Validate(string? name, SentryCaptureOptions options)
    {
        if (name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        if (report is { ReportedWithManagement: false })
        {
            report.LogNotSupportedOnce(loggers);
        }

        if (report is { Errors.Count: > 0 })
        {
            return report.ReportedWithManagement ? ValidateOptionsResult.Skip : ValidateOptionsResult.Fail(report.Errors);
        }

        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
