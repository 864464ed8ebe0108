using Microsoft.Extensions.Logging;

namespace Sentry.Management.Capture;

/// <summary>The capture client's log lines; none of them ever includes the DSN's secret key or event data.</summary>
internal static partial class CaptureLog
{
    [LoggerMessage(1, LogLevel.Warning, "{Method} was called with a null {Argument}; nothing was captured.")]
    public static partial void NullArgument(ILogger logger, string method, string argument);

    [LoggerMessage(2, LogLevel.Warning, "The capture callback threw; the event is captured without its changes.")]
    public static partial void ConfigureThrew(ILogger logger, Exception exception);

    [LoggerMessage(3, LogLevel.Error, "BeforeSend threw; the event is sent unchanged.")]
    public static partial void BeforeSendThrew(ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "The {Category} queue is full; an item was dropped.")]
    public static partial void QueueOverflow(ILogger logger, string category);

    [LoggerMessage(5, LogLevel.Warning, "Sentry did not accept an envelope ({Result}); {Quantity} {Category} item(s) were {Outcome}.")]
    public static partial void NotDelivered(ILogger logger, string result, long quantity, string category, string outcome);

    [LoggerMessage(6, LogLevel.Error, "Preparing a {Category} envelope failed; the item was dropped.")]
    public static partial void ProcessingFailed(ILogger logger, string category, Exception exception);

    [LoggerMessage(7, LogLevel.Error, "The spool folder could not be used; the envelope was dropped.")]
    public static partial void SpoolFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Sending {Count} envelope(s) left in the spool folder by an earlier run.")]
    public static partial void SpoolLoaded(ILogger logger, int count);

    [LoggerMessage(9, LogLevel.Warning, "A capture was ignored: {Reason}.")]
    public static partial void CaptureIgnored(ILogger logger, string reason);
}
