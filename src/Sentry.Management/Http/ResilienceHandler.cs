using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Sentry.Management.Http;

/// <summary>
/// Retries with Polly (exponential backoff with jitter), within a total timeout around them and a per-attempt timeout
/// inside them (<see cref="Deadlines"/>: timers and tokens, not Polly strategies of their own).
/// Idempotent requests are retried after 502/503/504, attempt timeouts and network failures; a POST only when the
/// server cannot have acted on it (a 429, or a connection that was never made). A 429 waits as long as Sentry says.
/// The final response (after retries) that is an error becomes a <see cref="SentryApiException"/>, so every caller,
/// Refit interface or area client, sees the same typed errors; every call asks for a compressed answer and a
/// compressed body is decoded as it is read (<see cref="DecodedResponseContent"/>), and a large successful body is
/// handed on to be streamed (<see cref="StreamedResponseContent"/>). The call's span and log line (<see cref="CallDiagnostics"/>, around the
/// retries) and each attempt's rate limits (<see cref="RateLimiter"/>, inside them) are driven from here too. All of
/// them happen here rather than in handlers of their own, whose async frames would cost every call an allocation and a
/// continuation each.
/// </summary>
internal sealed partial class ResilienceHandler : DelegatingHandler
{
    internal static readonly HttpRequestOptionsKey<int> RetryCountKey = new("Sentry.Management.Retries");
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Sentry.Management.Request");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly SentryManagementOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CallDiagnostics _diagnostics;
    private readonly RateLimiter _limiter;
    private readonly Deadlines _deadlines;

    internal ResilienceHandler(SentryManagementOptions options, TimeProvider timeProvider, ILogger logger, RateLimiter limiter)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _limiter = limiter;
        _diagnostics = new CallDiagnostics(logger, timeProvider);
        _deadlines = new Deadlines(timeProvider);
        _pipeline = Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // One async frame for the whole call: diagnostics around the retries, typed errors and streaming after them.
        var call = _diagnostics.Start(request);
        DecodedResponseContent.Accept(request);

        // The first attempt needs one timer, the earlier of its own limit and the total: with the attempt's limit
        // the sooner (the defaults, 30 s of 100 s), the total is only armed when a retry follows, for the time left;
        // with the total the sooner, the attempt's own timer could never fire first and is not armed.
        var totalLimit = _options.Timeout;
        var attemptLimit = _options.AttemptTimeout;
        var deferTotal = totalLimit != Timeout.InfiniteTimeSpan && attemptLimit != Timeout.InfiniteTimeSpan && attemptLimit <= totalLimit;
        var started = deferTotal ? _timeProvider.GetTimestamp() : 0;
        Deadline? total = totalLimit == Timeout.InfiniteTimeSpan || deferTotal ? null : _deadlines.Start(totalLimit, cancellationToken);
        var firstLimit = total is null ? attemptLimit : Timeout.InfiniteTimeSpan;
        var token = total?.Token ?? cancellationToken;
        var totalExpired = false;
        HttpResponseMessage response;
        try
        {
            // The first attempt goes out directly: most calls need no retry, and entering Polly's pipeline for them costs
            // its context, its strategy's async frame and a continuation. Only an outcome Polly would retry is handed to
            // it, as the outcome of its own first attempt (replayed, not sent again), so Polly runs every retry.
            // It runs in this frame rather than in AttemptAsync's: one async frame fewer between the caller and the
            // socket, which over loopback was worth more than the frame's own work (its code runs cold between the
            // kernel's wake-ups).
            Outcome<HttpResponseMessage> outcome;
            var attempt = BeginAttempt(firstLimit, token);
            HttpResponseMessage? sent = null;
            var entered = false;
            try
            {
                await _limiter.EnterAsync(attempt.Token).ConfigureAwait(false);
                entered = true;
                sent = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
                outcome = Outcome.FromResult(sent);
            }
            catch (Exception exception)
            {
                outcome = AttemptFailed(exception, attempt, firstLimit, token);
            }
            finally
            {
                EndAttempt(attempt, entered, sent);
            }

            if (_options.MaxRetries > 0 && ShouldRetry(outcome, request, token))
            {
                var left = deferTotal ? totalLimit - _timeProvider.GetElapsedTime(started) : TimeSpan.MaxValue;
                if (left <= TimeSpan.Zero)
                {
                    // The first attempt used up the whole call: no retry can start, and the caller hears of the total.
                    totalExpired = true;
                    outcome = Outcome.FromException<HttpResponseMessage>(new OperationCanceledException("The call's total timeout passed during its first attempt."));
                }
                else
                {
                    if (deferTotal)
                    {
                        total = _deadlines.Start(left, cancellationToken);
                        token = total.Value.Token;
                    }

                    outcome = await RetryAsync(request, outcome, token).ConfigureAwait(false);
                }
            }

            totalExpired |= total is { } t && t.Expired(cancellationToken);
            response = ResponseOrThrow(outcome, request, totalExpired, cancellationToken);

            // Decoded before anything reads the body, an error's included.
            DecodedResponseContent.Apply(response);
            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    throw await ErrorResponseParser.CreateExceptionAsync(request, response, _options.AuthToken, _timeProvider.GetUtcNow(), cancellationToken)
                        .ConfigureAwait(false);
                }
            }

            StreamedResponseContent.Apply(request, response);
        }
        catch (SentryApiException exception)
        {
            _diagnostics.Complete(call, request, (int)exception.StatusCode, exception);
            throw;
        }
        catch (Exception exception)
        {
            _diagnostics.Complete(call, request, null, exception);
            throw;
        }
        finally
        {
            if (total is { } t)
            {
                _deadlines.Return(t);
            }
        }

        _diagnostics.Complete(call, request, (int)response.StatusCode, null);
        return response;
    }

    /// <summary>Polly's retries, starting from <paramref name="first"/>, the outcome of the attempt already made.</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> RetryAsync(HttpRequestMessage request, Outcome<HttpResponseMessage> first, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await _pipeline.ExecuteOutcomeAsync(
                static (ctx, replay) => replay.NextAsync(ctx.CancellationToken),
                context,
                new Replay(this, request, first)).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception)
        {
            // A wait between attempts that the total timeout or the caller ended.
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// One attempt after the first: its own timeout, the rate limits, the send. Never throws: the outcome carries the
    /// failure, an attempt that ran out of time as the <see cref="TimeoutRejectedException"/> Polly's retry decides on.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(ResilienceHandler handler, HttpRequestMessage request, TimeSpan limit, CancellationToken cancellationToken)
    {
        // Pooled builder: the attempt completes asynchronously every time, and would otherwise box its state machine.
        var attempt = handler.BeginAttempt(limit, cancellationToken);
        HttpResponseMessage? response = null;
        var entered = false;
        try
        {
            await handler._limiter.EnterAsync(attempt.Token).ConfigureAwait(false);
            entered = true;
            response = await handler.SendAttemptAsync(request, attempt.Token).ConfigureAwait(false);
            return Outcome.FromResult(response);
        }
        catch (Exception exception)
        {
            return AttemptFailed(exception, attempt, limit, cancellationToken);
        }
        finally
        {
            handler.EndAttempt(attempt, entered, response);
        }
    }

    /// <summary>Arms an attempt's own timeout (none when <paramref name="limit"/> is infinite); its token covers the wait for the rate limits too.</summary>
    private AttemptScope BeginAttempt(TimeSpan limit, CancellationToken cancellationToken)
    {
        Deadline? deadline = limit == Timeout.InfiniteTimeSpan ? null : _deadlines.Start(limit, cancellationToken);
        return new AttemptScope(deadline, deadline?.Token ?? cancellationToken);
    }

    /// <summary>What an attempt's failure is to the retry: an attempt that ran out of its own time is a <see cref="TimeoutRejectedException"/>.</summary>
    private static Outcome<HttpResponseMessage> AttemptFailed(Exception exception, in AttemptScope attempt, TimeSpan limit, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && attempt.Deadline is { } deadline && deadline.Expired(cancellationToken)
            ? Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException($"The attempt did not complete within {limit.TotalSeconds:0.#} s.", limit, exception))
            : Outcome.FromException<HttpResponseMessage>(exception);

    /// <summary>Ends an attempt: its rate-limit permit (with what the response says) and its timer.</summary>
    private void EndAttempt(in AttemptScope attempt, bool entered, HttpResponseMessage? response)
    {
        if (entered)
        {
            _limiter.Exit(response);
        }

        if (attempt.Deadline is { } deadline)
        {
            _deadlines.Return(deadline);
        }
    }

    /// <summary>The final response, or the exception a caller sees: a clear <see cref="TimeoutException"/>, the caller's own cancellation, or the attempt's failure.</summary>
    private HttpResponseMessage ResponseOrThrow(Outcome<HttpResponseMessage> outcome, HttpRequestMessage request, bool totalExpired, CancellationToken cancellationToken)
    {
        // The total timeout ends whatever was running, an attempt or the wait before the next one.
        if (totalExpired && outcome.Exception is OperationCanceledException canceled)
        {
            throw new TimeoutException(
                $"Sentry API {request.Method} {request.RequestUri?.AbsolutePath} did not complete: "
                + $"no answer within {_options.Timeout.TotalSeconds:0.#} s ({Retries(request) + 1} attempt(s)); raise SentryManagementOptions.Timeout for slow endpoints.",
                new TimeoutRejectedException($"The call did not complete within {_options.Timeout.TotalSeconds:0.#} s.", _options.Timeout, canceled));
        }

        if (outcome.Exception is TimeoutRejectedException timeout && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Sentry API {request.Method} {request.RequestUri?.AbsolutePath} did not complete: "
                + $"each of {Retries(request) + 1} attempt(s) timed out after {timeout.Timeout.TotalSeconds:0.#} s; raise SentryManagementOptions.AttemptTimeout for slow endpoints.",
                timeout);
        }

        if (outcome.Exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(outcome.Exception.Message, outcome.Exception, cancellationToken);
        }

        outcome.ThrowIfException();
        return outcome.Result!;
    }

    internal static int Retries(HttpRequestMessage request) =>
        request.Options.TryGetValue(RetryCountKey, out var retries) ? retries : 0;

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private ResiliencePipeline<HttpResponseMessage> Build()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = _options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.Properties.GetValue(RequestKey, null!), args.Context.CancellationToken)),
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

        return builder.Build();
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

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

    /// <summary>The callback Polly runs per attempt: the first time it hands back the attempt already made, then it sends.</summary>
    private sealed class Replay(ResilienceHandler handler, HttpRequestMessage request, Outcome<HttpResponseMessage> first)
    {
        private bool _replayed;

        internal ValueTask<Outcome<HttpResponseMessage>> NextAsync(CancellationToken cancellationToken)
        {
            if (!_replayed)
            {
                _replayed = true;
                return ValueTask.FromResult(first);
            }

            return AttemptAsync(handler, request, handler._options.AttemptTimeout, cancellationToken);
        }
    }

    /// <summary>An attempt in progress: its own deadline, if armed, and the token its work observes.</summary>
    private readonly record struct AttemptScope(Deadline? Deadline, CancellationToken Token);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Sentry API {Method} {Path}: retry {Retry} in {DelayMs} ms after status {Status} / {Exception}")]
    private static partial void LogRetry(ILogger logger, string method, string? path, int retry, double delayMs, int? status, string? exception);
}
