using Microsoft.Extensions.Logging;

namespace Sentry.Management.Capture.Logging;

/// <summary>One category's logger: entries at the recorded levels become breadcrumbs, error events and Sentry Logs.</summary>
internal sealed class SentryCaptureLogger(string category, SentryCaptureLoggerProvider provider) : ILogger
{
    private const string OriginalFormat = "{OriginalFormat}";

    // The library's own diagnostics (capture workers, the management pipeline) never feed back into capture:
    // they are written on the capture path, so recording them could loop. Only its own two categories: an app's
    // namespace may well start with Sentry.Management too (this library's tests do).
    private readonly bool _ownCategory = category is "Sentry.Management" or "Sentry.Management.Capture";

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => !_ownCategory && provider.IsRecorded(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (_ownCategory || !provider.IsRecorded(logLevel) || !provider.TryEnter(out var capture))
        {
            return;
        }

        try
        {
            Record(capture!, logLevel, state, exception, formatter);
        }
        finally
        {
            SentryCaptureLoggerProvider.Exit();
        }
    }

    private void Record<TState>(SentryCaptureClient capture, LogLevel logLevel, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var level = SentryCaptureLoggerProvider.Map(logLevel);
        var message = formatter(state, exception);
        var options = capture.Options.Integrations.Console;

        // The event first: its scope snapshot must not hold the breadcrumb of the same entry.
        if (exception is not null && level >= EventLevel.Error && options.CaptureExceptions)
        {
            capture.CaptureEvent(new ErrorEvent { Exception = exception, Message = message, Level = level, Logger = category });
        }

        capture.Scope.AddBreadcrumb(new SentryBreadcrumb(message, category, level)
        {
            Type = level >= EventLevel.Error ? "error" : "default",
        });

        if (options.SendLogs)
        {
            var (template, parameters) = Structure(state);
            capture.CaptureLogEntry(level, logLevel == LogLevel.Trace, message, template, parameters, category);
        }
    }

    /// <summary>The message template and its values, from the state the logging source generator and LoggerMessage produce.</summary>
    private static (string? Template, IReadOnlyList<KeyValuePair<string, object?>>? Parameters) Structure<TState>(TState state)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> pairs || pairs.Count == 0)
        {
            return (null, null);
        }

        string? template = null;
        List<KeyValuePair<string, object?>>? parameters = null;
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            if (pair.Key == OriginalFormat)
            {
                template = pair.Value as string;
                continue;
            }

            (parameters ??= new List<KeyValuePair<string, object?>>(pairs.Count - 1)).Add(pair);
        }

        return (template, parameters);
    }
}
