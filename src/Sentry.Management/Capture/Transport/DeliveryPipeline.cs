using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Polly.Retry;
using Polly;
using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Capture.Transport;

/// <summary>
/// Sends one serialized envelope: respects rate limits, retries network failures and 5xx (Polly), and settles every item exactly once as delivered, spooled or discarded (with a reason).
/// </summary>
internal sealed class DeliveryPipeline
{
    // A long outage must not push retries of one envelope beyond what a shutdown can wait for.
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);
    private readonly SentryCaptureOptions _options;
    private readonly EnvelopeHttpSender _http;
    private readonly RateLimiter _limits;
    private readonly EnvelopeSpool? _spool;
    private readonly SentryCaptureCounters _counters;
    private readonly ClientReportRecorder _reports;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<Attempt> _retry;
    private readonly bool _retries;

    public DeliveryPipeline(SentryCaptureOptions options, EnvelopeHttpSender http, RateLimiter limits, EnvelopeSpool? spool, SentryCaptureCounters counters, ClientReportRecorder reports, ILogger logger)
    {
        _options = options;
        _http = http;
        _limits = limits;
        _spool = spool;
        _counters = counters;
        _reports = reports;
        _logger = logger;
        _time = options.TimeProvider;
        _retry = BuildRetry(options);
        _retries = options.MaxRetries > 0;
    }

    /// <summary>
    /// Retries network errors and 5xx with the backoff of the management pipeline (Polly's exponential backoff with
    /// jitter from <see cref="SentryCaptureOptions.RetryBaseDelay"/>). A rate limit or a 4xx is never retried: the
    /// envelope is spooled or counted at once, because waiting here would hold a sender worker for the whole limit.
    /// </summary>
    /// <remarks>
    /// The pipeline's result is the <see cref="Attempt"/> (a class), not the <see cref="SendResult"/> enum: Polly's
    /// options for an enum result pull in <c>Enum.GetValues(Type)</c>, which Native AOT warns about (IL3050).
    /// </remarks>
    private static ResiliencePipeline<Attempt> BuildRetry(SentryCaptureOptions options)
    {
        var builder = new ResiliencePipelineBuilder<Attempt> { TimeProvider = options.TimeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = MaxRetryDelay,
                ShouldHandle = static args => ValueTask.FromResult(
                    !args.Context.CancellationToken.IsCancellationRequested
                    && args.Outcome.Result?.Last is SendResult.NetworkError or SendResult.ServerError),
            });
        }

        return builder.Build();
    }

    /// <summary>One envelope's attempts: each checks the rate limits first, and remembers how it ended.</summary>
    private sealed class Attempt(DeliveryPipeline owner, OutgoingEnvelope envelope)
    {
        private bool _replay;

        public SendResult Last { get; private set; } = SendResult.NetworkError;

        public async ValueTask<Attempt> SendAsync(CancellationToken cancellationToken)
        {
            if (_replay)
            {
                // Polly's first attempt is the one already made outside it: its outcome, not a second request.
                _replay = false;
                return this;
            }

            Last = owner.IsLimited(envelope) ? SendResult.RateLimited : await owner._http.SendAsync(envelope, cancellationToken).ConfigureAwait(false);
            return this;
        }

        /// <summary>Records how the first attempt, made by the caller in its own async frame, ended.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void First(SendResult result) => Last = result;

        /// <summary>Whether the attempt just made failed in a way the retry strategy retries; it is then replayed to it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool ReplayIfRetryable(CancellationToken stop)
        {
            _replay = Last is SendResult.NetworkError or SendResult.ServerError && !stop.IsCancellationRequested;
            return _replay;
        }
    }

    public RateLimiter Limits => _limits;

    public async Task DeliverAsync(OutgoingEnvelope envelope, CancellationToken stop)
    {
        var attempt = new Attempt(this, envelope);
        SendResult result;
        try
        {
            // Nearly every envelope is settled by its first attempt, so it is made without entering Polly (its
            // context, outcome and strategy frames cost more per send than the rest of this method). Only an attempt
            // that should be retried enters the retry strategy, which sees it as its own first attempt: the retry
            // count, the backoff and the cancellation rules are Polly's, unchanged. The first send is awaited here, in
            // this method's frame, rather than through Attempt.SendAsync's: one async frame less per envelope.
            attempt.First(IsLimited(envelope) ? SendResult.RateLimited : await _http.SendAsync(envelope, stop).ConfigureAwait(false));
            result = _retries && attempt.ReplayIfRetryable(stop)
                ? (await _retry.ExecuteAsync(static (state, cancellationToken) => state.SendAsync(cancellationToken), attempt, stop).ConfigureAwait(false)).Last
                : attempt.Last;
        }
        catch (OperationCanceledException)
        {
            // Shutting down (during a send or a backoff delay): keep what can be kept.
            await HoldAsync(envelope, attempt.Last == SendResult.ServerError ? SentryDiscardReason.SendError : SentryDiscardReason.NetworkError, "ShutDown").ConfigureAwait(false);
            return;
        }

        if (SettledAtOnce(envelope, result))
        {
            return;
        }

        switch (result)
        {
            case SendResult.RateLimited:
                await HoldAsync(envelope, SentryDiscardReason.RateLimitBackoff, result.ToString()).ConfigureAwait(false);
                return;
            default:
                // Network errors and 5xx after the last retry.
                await HoldAsync(envelope, result == SendResult.NetworkError ? SentryDiscardReason.NetworkError : SentryDiscardReason.SendError, result.ToString()).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>
    /// Settles an envelope that needs nothing more (delivered, or rejected for good): the common end of every send,
    /// kept out of the async method so that it runs as optimized code even before tiered compilation reaches the
    /// state machine (docs/benchmarks.md, eighth round).
    /// </summary>
    /// <returns><see langword="false"/> when the envelope still has to be kept or discarded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SettledAtOnce(OutgoingEnvelope envelope, SendResult result)
    {
        switch (result)
        {
            case SendResult.Delivered:
                foreach (var item in envelope.Items)
                {
                    _counters.AddDelivered(item.Category, item.Quantity);
                }

                return true;
            case SendResult.Rejected:
                Discard(envelope, SentryDiscardReason.SendError, nameof(SendResult.Rejected));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Settles items that were never serialized or sent (filters, sampling, overflow).</summary>
    public void Discard(IReadOnlyList<ItemCount> items, string reason)
    {
        foreach (var item in items)
        {
            _counters.AddDiscarded(reason, item.Category, item.Quantity);
            _reports.Record(reason, item.Category, item.Quantity);
        }
    }

    /// <summary>Whether any category the envelope carries is rate-limited now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsLimited(OutgoingEnvelope envelope) => IsLimited(envelope.Items);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsLimited(IReadOnlyList<ItemCount> items)
    {
        foreach (var item in items)
        {
            if (item.Category != SentryDataCategory.Span && _limits.IsLimited(item.Category))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Takes the pending discards for a <c>client_report</c> item riding on the envelope being prepared, when there are
    /// any, the <c>internal</c> category is not limited, and the envelope is likely to be sent now (no spool backlog).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<DiscardCount>? TakeReportsToCarry()
    {
        if (!_reports.HasPending || _limits.IsLimited(SentryDataCategory.Internal) || _spool?.Count > 0)
        {
            return null;
        }

        var taken = _reports.TakeAll();
        return taken.Count > 0 ? taken : null;
    }

    /// <summary>Keeps the envelope in the spool when there is one; otherwise it is discarded for <paramref name="reason"/>.</summary>
    public async Task HoldAsync(OutgoingEnvelope envelope, string reason, string result)
    {
        ReturnReports(envelope);
        if (_spool is null)
        {
            Discard(envelope, reason, result);
            return;
        }

        try
        {
            Spooled(envelope, await _spool.TryWriteAsync(envelope.Items, envelope.Gzipped, SpoolBody(envelope), CancellationToken.None).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CaptureLog.SpoolFailed(_logger, ex);
            Discard(envelope, reason, result);
        }
    }

    /// <summary>
    /// Writes an envelope prepared on a capturing thread to the spool, synchronously (backpressure on the caller);
    /// <see langword="false"/> when the spool is full or failing, and it was discarded as <c>queue_overflow</c>.
    /// </summary>
    public bool Hold(OutgoingEnvelope envelope)
    {
        ReturnReports(envelope);
        try
        {
            return Spooled(envelope, _spool!.TryWrite(envelope.Items, envelope.Gzipped, SpoolBody(envelope)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CaptureLog.SpoolFailed(_logger, ex);
            Discard(envelope, SentryDiscardReason.QueueOverflow, "SpoolFailed");
            return false;
        }
    }

    /// <summary>Settles the items of a spooled file the drainer delivered (2xx) or that Sentry rejected (4xx).</summary>
    public void SettleSpooled(SpooledEnvelope file, bool delivered)
    {
        foreach (var item in file.Items)
        {
            _counters.RemoveSpooled(item.Category, item.Quantity);
            if (delivered)
            {
                _counters.AddDelivered(item.Category, item.Quantity);
            }
            else
            {
                CaptureLog.NotDelivered(_logger, nameof(SendResult.Rejected), item.Quantity, item.Category, "discarded");
            }
        }

        if (!delivered)
        {
            Discard(file.Items, SentryDiscardReason.SendError);
        }
    }

    /// <summary>Counts files an earlier run left in the spool as spooled, so delivering them balances.</summary>
    public void CountLoaded(IEnumerable<SpooledEnvelope> files)
    {
        foreach (var item in files.SelectMany(f => f.Items))
        {
            _counters.AddSpooled(item.Category, item.Quantity);
        }
    }

    private bool Spooled(OutgoingEnvelope envelope, bool written)
    {
        if (!written)
        {
            Discard(envelope, SentryDiscardReason.QueueOverflow, "SpoolFull");
            return false;
        }

        foreach (var item in envelope.Items)
        {
            _counters.AddSpooled(item.Category, item.Quantity);
        }

        return true;
    }

    /// <summary>The body the spool keeps: without a carried client report, which went back to the recorder.</summary>
    private byte[] SpoolBody(OutgoingEnvelope envelope)
    {
        if (envelope.WithoutReports is not { } plain)
        {
            return envelope.Body;
        }

        if (!envelope.Gzipped)
        {
            return plain;
        }

        using var buffer = new MemoryStream();
        return EnvelopeWriter.Gzip(plain, _options.Compression, buffer);
    }

    /// <summary>A carried client report goes back to the recorder when its envelope is not delivered.</summary>
    private void ReturnReports(OutgoingEnvelope envelope)
    {
        if (envelope.TakeReports() is { } reports)
        {
            _reports.Restore(reports);
        }
    }

    private void Discard(OutgoingEnvelope envelope, string reason, string result)
    {
        ReturnReports(envelope);
        foreach (var item in envelope.Items)
        {
            CaptureLog.NotDelivered(_logger, result, item.Quantity, item.Category, "discarded");
        }

        Discard(envelope.Items, reason);
    }

    /// <summary>Sends one <c>client_report</c> with every discard not yet reported; puts them back if it fails.</summary>
    public async Task<bool> SendClientReportAsync(EnvelopeWriter writer, PayloadContext context, CancellationToken cancellationToken)
    {
        if (!_reports.HasPending || _limits.IsLimited(SentryDataCategory.Internal))
        {
            return !_reports.HasPending;
        }

        var discards = _reports.TakeAll();
        if (discards.Count == 0)
        {
            return true;
        }

        var now = _time.GetUtcNow();
        writer.Begin(null, now);
        ClientReportPayloadWriter.Write(writer.BeginItem(), now, discards);
        writer.EndItem("client_report");
        var envelope = new OutgoingEnvelope(writer.ToBody(_options.Compression), _options.Compression != System.IO.Compression.CompressionLevel.NoCompression, []);
        SendResult result;
        try
        {
            result = await _http.SendAsync(envelope, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            result = SendResult.NetworkError;
        }

        if (result != SendResult.Delivered)
        {
            _reports.Restore(discards);
            return false;
        }

        return true;
    }
}
