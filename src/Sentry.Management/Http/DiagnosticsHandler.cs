using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Sentry.Management.Http;

/// <summary>
/// One span (<see cref="ActivitySource"/> <c>Sentry.Management</c>) and one log line per API call, retries included:
/// method, path, status, duration and retry count. Headers are never logged, so the token cannot leak here.
/// </summary>
internal sealed partial class DiagnosticsHandler : DelegatingHandler
{
    internal static readonly ActivitySource ActivitySource = new(SentryManagementDefaults.ActivitySourceName, SentryUserAgent.Version);
    private static readonly HttpRequestOptionsKey<string> RefitPathTemplate = new(Refit.HttpRequestMessageOptions.RelativePathTemplate);

    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    internal DiagnosticsHandler(ILogger logger, TimeProvider timeProvider)
    {
        _logger = logger;
        _timeProvider = timeProvider;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        UntracedRequest.Mark(request);
        var method = request.Method.Method;
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        var route = request.Options.TryGetValue(RefitPathTemplate, out var template) ? template : path;
        using var activity = ActivitySource.StartActivity($"{method} {route}", ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("http.request.method", method);
            activity.SetTag("http.route", route);
            activity.SetTag("url.path", path);
            activity.SetTag("server.address", request.RequestUri?.Host);
        }

        var started = _timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Complete(activity, request, method, path, (int)response.StatusCode, started, null);
            return response;
        }
        catch (SentryApiException exception)
        {
            Complete(activity, request, method, path, (int)exception.StatusCode, started, exception);
            throw;
        }
        catch (Exception exception)
        {
            Complete(activity, request, method, path, null, started, exception);
            throw;
        }
    }

    private void Complete(Activity? activity, HttpRequestMessage request, string method, string path, int? status, long started, Exception? exception)
    {
        var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
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

        if (exception is null)
        {
            LogCompleted(_logger, method, path, status, elapsed, retries);
        }
        else
        {
            LogFailed(_logger, method, path, status, elapsed, retries, exception.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sentry API {Method} {Path} -> {Status} in {ElapsedMs:0} ms ({Retries} retries)")]
    private static partial void LogCompleted(ILogger logger, string method, string path, int? status, double elapsedMs, int retries);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Sentry API {Method} {Path} failed -> {Status} in {ElapsedMs:0} ms ({Retries} retries): {ErrorType}")]
    private static partial void LogFailed(ILogger logger, string method, string path, int? status, double elapsedMs, int retries, string errorType);
}
