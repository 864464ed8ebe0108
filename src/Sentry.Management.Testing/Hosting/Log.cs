using Microsoft.Extensions.Logging;

namespace Sentry.Management.Testing.Hosting;

/// <summary>The server's log messages, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Local Sentry listening on {Url}")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(2, LogLevel.Warning, "Ingestion rejected {Path} with {Status}: {Reason}")]
    public static partial void Rejected(ILogger logger, string? path, int status, string reason);
}
