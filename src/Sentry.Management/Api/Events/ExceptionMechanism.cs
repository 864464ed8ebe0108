namespace Sentry.Management;

/// <summary>How an exception was captured.</summary>
public sealed class ExceptionMechanism : SentryModel
{
    /// <summary>The mechanism, such as <c>generic</c> or <c>AppDomain.UnhandledException</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Whether the application handled it.</summary>
    public bool? Handled { get; set; }

    /// <summary>A description.</summary>
    public string? Description { get; set; }
}
