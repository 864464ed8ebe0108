namespace Sentry.Management.Capture.Protocol;

/// <summary>Sentry's level names.</summary>
internal static class LevelNames
{
    public static string Of(SentryLevel level) => level switch
    {
        SentryLevel.Debug => "debug",
        SentryLevel.Info => "info",
        SentryLevel.Warning => "warning",
        SentryLevel.Fatal => "fatal",
        _ => "error",
    };
}
