using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Sentry.Management.Http;

/// <summary>
/// Retries and timeouts with Polly: a total timeout around exponential-backoff retries around a per-attempt timeout.
/// Idempotent requests are retried after 502/503/504, attempt timeouts and network failures; a POST only when the
/// server cannot have acted on it (a 429, or a connection that was never made). A 429 waits as long as Sentry says.
/// The final response (after retries) that is an error becomes a <see cref="SentryApiException"/>, so every caller,
/// Refit interface or area client, sees the same typed errors; a large successful body is handed on to be streamed
/// (<see cref="StreamedResponseContent"/>). Both happen here rather than in a handler of their own, whose async
/// frame would cost every call an allocation.
/// </summary>
internal sealed partial class ResilienceHandler : DelegatingHandler
{
    internal static readonly HttpRequestOptionsKey<int> RetryCountKey = new("Sentry.Management.Retries");
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Sentry.Management.Request");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly SentryManagementOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    internal ResilienceHandler(SentryManagementOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _pipeline = Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            // Pooled builder: the attempt completes asynchronously every time, and would otherwise box its state machine per call.
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
                static async ValueTask<Outcome<HttpResponseMessage>> (ResilienceContext ctx, (ResilienceHandler Handler, HttpRequestMessage Request) state) =>
                {
                    try
                    {
                        var response = await state.Handler.SendAttemptAsync(state.Request, ctx.CancellationToken).ConfigureAwait(false);
                        return Outcome.FromResult(response);
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);

            if (outcome.Exception is TimeoutRejectedException timeout && !cancellationToken.IsCancellationRequested)
            {
                var perAttempt = timeout.Timeout == _options.AttemptTimeout && timeout.Timeout != _options.Timeout;
                throw new TimeoutException(
                    $"Sentry API {request.Method} {request.RequestUri?.AbsolutePath} did not complete: "
                    + (perAttempt
                        ? $"each of {Retries(request) + 1} attempt(s) timed out after {timeout.Timeout.TotalSeconds:0.#} s; raise SentryManagementOptions.AttemptTimeout for slow endpoints."
                        : $"no answer within {timeout.Timeout.TotalSeconds:0.#} s ({Retries(request) + 1} attempt(s)); raise SentryManagementOptions.Timeout for slow endpoints."),
                    timeout);
            }

            if (outcome.Exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(outcome.Exception.Message, outcome.Exception, cancellationToken);
            }

            outcome.ThrowIfException();
            var response = outcome.Result!;
            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    throw await ErrorResponseParser.CreateExceptionAsync(request, response, _options.AuthToken, _timeProvider.GetUtcNow(), cancellationToken)
                        .ConfigureAwait(false);
                }
            }

            StreamedResponseContent.Apply(request, response);
            return response;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    internal static int Retries(HttpRequestMessage request) =>
        request.Options.TryGetValue(RetryCountKey, out var retries) ? retries : 0;

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private ResiliencePipeline<HttpResponseMessage> Build()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider };
        if (_options.Timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(_options.Timeout);
        }

        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = _options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(RateLimitDelay(args.Outcome)),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    request.Options.Set(RetryCountKey, args.AttemptNumber + 1);
                    LogRetry(
                        _logger,
                        request.Method.Method,
                        request.RequestUri?.AbsolutePath,
                        args.AttemptNumber + 1,
                        args.RetryDelay.TotalMilliseconds,
                        args.Outcome.Result is { } r ? (int)r.StatusCode : null,
                        args.Outcome.Exception?.GetType().Name);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (_options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(_options.AttemptTimeout);
        }

        return builder.Build();
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var request = context.Properties.GetValue(RequestKey, null!);
        var idempotent = IsIdempotent(request.Method);
        if (outcome.Result is { } response)
        {
            return response.StatusCode switch
            {
                // Sentry refuses a rate-limited request before acting on it, so even a POST may be sent again,
                // but only when the wait fits the caller's patience.
                HttpStatusCode.TooManyRequests => (RateLimitHeaders.RetryAfter(response, _timeProvider.GetUtcNow()) ?? TimeSpan.Zero) <= _options.MaxRateLimitWait,
                HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => idempotent,
                _ => false,
            };
        }

        return outcome.Exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,
            HttpRequestException => idempotent,
            TimeoutRejectedException => idempotent,
            _ => false,
        };
    }

    /// <summary>The wait before the next attempt: Sentry's own reset time after a 429, Polly's backoff otherwise.</summary>
    private TimeSpan? RateLimitDelay(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response
            ? RateLimitHeaders.RetryAfter(response, _timeProvider.GetUtcNow()) ?? _options.RetryBaseDelay
            : null;

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete;

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Sentry API {Method} {Path}: retry {Retry} in {DelayMs} ms after status {Status} / {Exception}")]
    private static partial void LogRetry(ILogger logger, string method, string? path, int retry, double delayMs, int? status, string? exception);
}
