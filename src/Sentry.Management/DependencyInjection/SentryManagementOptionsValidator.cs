using Microsoft.Extensions.Options;

namespace Sentry.Management.DependencyInjection;

/// <summary>Validates options at start-up, so a missing token fails the app's start with a clear message, not the first call.</summary>
internal sealed class SentryManagementOptionsValidator : IValidateOptions<SentryManagementOptions>
{
    public ValidateOptionsResult Validate(string? name, SentryManagementOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
