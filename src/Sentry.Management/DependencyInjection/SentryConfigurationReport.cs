using Microsoft.Extensions.Logging;

namespace Sentry.Management.DependencyInjection;

/// <summary>What binding the <c>Sentry</c> section found wrong (unknown keys, bad values) and what it cannot honour.</summary>
internal sealed class SentryConfigurationReport
{
    private readonly List<string> _errors = [];
    private readonly List<(string Path, string Why)> _notSupported = [];
    private int _logged;

    /// <summary>One message per problem, each starting with the key's full path.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public IReadOnlyList<(string Path, string Why)> NotSupportedKeys => _notSupported;

    /// <summary>Whether the management options' validation reports <see cref="Errors"/> (so capture's does not repeat them).</summary>
    public bool ReportedWithManagement { get; set; }

    public void Error(string path, string problem) => _errors.Add($"{path} {problem}.");

    public void NotSupported(string path, string why) => _notSupported.Add((path, why));

    /// <summary>Logs the keys this library cannot honour, once however many validators ask.</summary>
    public void LogNotSupportedOnce(ILoggerFactory? loggers)
    {
        if (_notSupported.Count == 0 || loggers is null || Interlocked.Exchange(ref _logged, 1) != 0)
        {
            return;
        }

        var logger = loggers.CreateLogger("Sentry.Management");
        foreach (var (path, why) in _notSupported)
        {
            SentryConfigurationLog.NotSupported(logger, path, why);
        }
    }
}

internal static partial class SentryConfigurationLog
{
    [LoggerMessage(100, LogLevel.Warning, "Configuration key '{Path}' is not supported and has no effect: {Why}.")]
    public static partial void NotSupported(ILogger logger, string path, string why);
}
