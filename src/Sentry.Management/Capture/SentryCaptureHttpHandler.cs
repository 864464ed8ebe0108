using System.Globalization;
using Sentry.Management.Capture;
using Sentry.Management.Capture.Tracing;
using Sentry.Management.Http;

namespace Sentry.Management;

/// <summary>
/// The outgoing-HTTP integration (<c>integrations.http</c>) as a handler for <see cref="HttpClient"/>: a breadcrumb per
/// request (method, URL without user info or query values, status, duration), an <c>http.client</c> child span of the
/// current transaction, and <c>sentry-trace</c>, <c>traceparent</c> and <c>baggage</c> headers on requests to
/// <see cref="SentryCaptureOptions.TracePropagationTargets"/> only.
/// </summary>
/// <remarks>
/// Under DI, <c>integrations.http.enabled: true</c> in the <c>Sentry</c> section adds it to every HttpClient from
/// IHttpClientFactory; add it to one client with <c>services.AddHttpClient("x").AddSentryCaptureHandler()</c>. Requests this library sends to Sentry
/// (management calls, envelopes) pass through untouched, wherever the handler sits. With the integration disabled, or
/// over a client built for mocking, every request passes through.
/// </remarks>
public sealed class SentryCaptureHttpHandler : DelegatingHandler
{
    private readonly Func<SentryCaptureClient> _resolve;
    private SentryCaptureClient? _capture;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> unless IHttpClientFactory chains it.</summary>
    /// <param name="capture">The client whose options, scope and current transaction the handler uses.</param>
    public SentryCaptureHttpHandler(SentryCaptureClient capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        _capture = capture;
        _resolve = () => capture;
    }

    /// <summary>Creates the handler over <paramref name="innerHandler"/>.</summary>
    /// <param name="capture">The client whose options, scope and current transaction the handler uses.</param>
    /// <param name="innerHandler">The handler that sends the request.</param>
    public SentryCaptureHttpHandler(SentryCaptureClient capture, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        ArgumentNullException.ThrowIfNull(capture);
        _capture = capture;
        _resolve = () => capture;
    }

    /// <summary>
    /// Under DI: the client is resolved on the first request, because the handler is also built for the capture
    /// client's own HttpClient (added to every client), while that client is still being constructed.
    /// </summary>
    internal SentryCaptureHttpHandler(Func<SentryCaptureClient> resolve) => _resolve = resolve;

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (UntracedRequest.IsMarked(request)
            || (_capture ??= _resolve()).RuntimeOrNull is not { } runtime
            || runtime.IsDisposed
            || !runtime.Options.Integrations.Http.Enabled
            || request.RequestUri is not { } url)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var http = runtime.Options.Integrations.Http;
        var method = request.Method.Method;
        TraceSpan? span = null;
        if (http.Tracing && ActiveSpan.Current is { } parent)
        {
            var transaction = parent.Transaction ?? (TraceTransaction)parent;
            span = parent.StartChild("http.client", method + " " + SafeUrl.WithoutQuery(url));
            if (runtime.Propagation.Matches(url))
            {
                TraceHeaders.Apply(request, span, transaction, runtime.Options, runtime.Dsn.PublicKey);
            }
        }

        var time = runtime.Time;
        var start = time.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            span?.Finish(TraceSpanStatus.Cancelled);
            Record(runtime, http, method, url, null, time.GetElapsedTime(start));
            throw;
        }
        catch (Exception)
        {
            span?.Finish(TraceSpanStatus.InternalError);
            Record(runtime, http, method, url, null, time.GetElapsedTime(start));
            throw;
        }

        var status = (int)response.StatusCode;
        if (span is not null)
        {
            span.SetTag("http.status_code", status.ToString(CultureInfo.InvariantCulture));
            span.Finish(TraceSpanStatus.FromHttpStatus(status));
        }

        Record(runtime, http, method, url, status, time.GetElapsedTime(start));
        return response;
    }

    private static void Record(CaptureRuntime runtime, HttpIntegrationOptions http, string method, Uri url, int? status, TimeSpan duration)
    {
        if (!http.Breadcrumbs)
        {
            return;
        }

        var data = new Dictionary<string, string>(5, StringComparer.Ordinal)
        {
            ["method"] = method,
            ["url"] = SafeUrl.WithoutQuery(url),
            ["duration_ms"] = Math.Round(duration.TotalMilliseconds, 1).ToString(CultureInfo.InvariantCulture),
        };
        if (SafeUrl.RedactedQuery(url) is { } query)
        {
            data["http.query"] = query;
        }

        if (status is { } code)
        {
            data["status_code"] = code.ToString(CultureInfo.InvariantCulture);
        }

        var level = status is null or >= 500 ? EventLevel.Error : status >= 400 ? EventLevel.Warning : EventLevel.Info;
        runtime.Scope.AddBreadcrumb(new SentryBreadcrumb(null, "http", level) { Type = "http", Data = data });
    }
}
