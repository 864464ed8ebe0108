using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Sentry.Management.Http;

/// <summary>
/// One span (<see cref="ActivitySource"/> <c>Sentry.Management</c>) and one log line per API call, retries included:
/// method, path, status, duration and retry count. Headers are never logged, so the token cannot leak here.
/// </summary>
/// <remarks>
/// Not a handler of its own: <see cref="ResilienceHandler"/> starts it before the retries and completes it with the
/// final outcome, in the async frame it has anyway; as the outermost handler it cost every call one more async frame.
/// </remarks>
internal sealed partial class CallDiagnostics
{
    internal static readonly ActivitySource ActivitySource = new(SentryManagementDefaults.ActivitySourceName, SentryUserAgent.Version);
    private static readonly HttpRequestOptionsKey<string> RefitPathTemplate = new(Refit.HttpRequestMessageOptions.RelativePathTemplate);

    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    internal CallDiagnostics(ILogger logger, TimeProvider timeProvider)
    {
        _logger = logger;
        _timeProvider = timeProvider;
    }

    /// <summary>Marks the request as the library's own and starts its span, if anything listens.</summary>
    internal Call Start(HttpRequestMessage request)
    {
        UntracedRequest.Mark(request);

        // The span's name and tags are built only when something listens: most calls have no listener.
        return new Call(ActivitySource.HasListeners() ? StartActivity(request) : null, _timeProvider.GetTimestamp());
    }

    /// <summary>Ends the call's span and writes its log line: the final status (after retries), or the exception.</summary>
    internal void Complete(in Call call, HttpRequestMessage request, int? status, Exception? exception)
    {
        try
        {
            Record(call.Activity, request, status, call.Started, exception);
        }
        finally
        {
            call.Activity?.Dispose();
        }
    }

    private static Activity? StartActivity(HttpRequestMessage request)
    {
        var method = request.Method.Method;
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        var route = request.Options.TryGetValue(RefitPathTemplate, out var template) ? template : path;
        var activity = ActivitySource.StartActivity($"{method} {route}", ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("http.request.method", method);
            activity.SetTag("http.route", route);
            activity.SetTag("url.path", path);
            activity.SetTag("server.address", request.RequestUri?.Host);
        }

        return activity;
    }

    private void Record(Activity? activity, HttpRequestMessage request, int? status, long started, Exception? exception)
    {
        var retries = ResilienceHandler.Retries(request);
        if (activity is not null)
        {
            if (status is { } code)
            {
                activity.SetTag("http.response.status_code", code);
            }

            activity.SetTag("http.request.resend_count", retries);
            if (exception is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
                activity.SetTag("error.type", exception.GetType().FullName);
            }
        }

        // The path is read from the URI (a new string each time) only for a log line that will be written.
        if (exception is null)
        {
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var path = Path(request);
                var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
                LogCompleted(_logger, request.Method.Method, path, status, elapsed, retries);
            }
        }
        else
        {
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                var path = Path(request);
                var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
                LogFailed(_logger, request.Method.Method, path, status, elapsed, retries, exception.GetType().Name);
            }
        }
    }

    /// <summary>A call in progress: its span (when something listens) and when it started.</summary>
    internal readonly record struct Call(Activity? Activity, long Started);

    private static string Path(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? string.Empty;

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sentry API {Method} {Path} -> {Status} in {ElapsedMs:0} ms ({Retries} retries)")]
    private static partial void LogCompleted(ILogger logger, string method, string path, int? status, double elapsedMs, int retries);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Sentry API {Method} {Path} failed -> {Status} in {ElapsedMs:0} ms ({Retries} retries): {ErrorType}")]
    private static partial void LogFailed(ILogger logger, string method, string path, int? status, double elapsedMs, int retries, string errorType);
}
