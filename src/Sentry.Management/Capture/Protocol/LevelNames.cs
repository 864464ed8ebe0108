using System.Runtime.CompilerServices;

namespace Sentry.Management.Capture.Protocol;

/// <summary>Sentry's level names.</summary>
internal static class LevelNames
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Of(EventLevel level) => level switch
    {
        EventLevel.Debug => "debug",
        EventLevel.Info => "info",
        EventLevel.Warning => "warning",
        EventLevel.Fatal => "fatal",
        _ => "error",
    };
}
