namespace Sentry.Management;

/// <summary>Thrown when <see cref="SentryManagementOptions"/> are not usable; the message lists every problem.</summary>
public sealed class SentryOptionsException : ArgumentException
{
    /// <summary>Creates the exception from the list of problems found by <see cref="SentryManagementOptions.Validate"/>.</summary>
    /// <param name="errors">One message per invalid setting.</param>
    public SentryOptionsException(IReadOnlyList<string> errors)
        : base("Sentry.Management options are invalid: " + string.Join(" ", errors ?? []))
    {
        Errors = errors ?? [];
    }

    /// <summary>One message per invalid setting, each naming the setting.</summary>
    public IReadOnlyList<string> Errors { get; }
}
