namespace Sentry.Management;

/// <summary>The severity of an event or breadcrumb, as Sentry ranks them.</summary>
public enum EventLevel
{
    /// <summary>Diagnostic detail, normally filtered out in production.</summary>
    Debug,

    /// <summary>Something worth knowing that is not a problem.</summary>
    Info,

    /// <summary>Something unexpected that the application survived.</summary>
    Warning,

    /// <summary>An error: the default for captured exceptions.</summary>
    Error,

    /// <summary>An error that ends the process or request.</summary>
    Fatal,
}
