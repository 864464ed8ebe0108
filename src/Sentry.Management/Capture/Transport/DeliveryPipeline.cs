using Microsoft.Extensions.Logging;
using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Capture.Transport;

/// <summary>
/// Sends one serialized envelope: respects rate limits, retries network failures and 5xx with doubling
/// delays, and settles every item exactly once as delivered, spooled or discarded (with a reason).
/// </summary>
internal sealed class DeliveryPipeline
{
    private readonly SentryCaptureOptions _options;
    private readonly EnvelopeHttpSender _http;
    private readonly RateLimiter _limits;
    private readonly EnvelopeSpool? _spool;
    private readonly SentryCaptureCounters _counters;
    private readonly ClientReportRecorder _reports;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

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
    }

    public RateLimiter Limits => _limits;

    public async Task DeliverAsync(OutgoingEnvelope envelope, CancellationToken stop)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (IsLimited(envelope))
            {
                await HoldAsync(envelope, SentryDiscardReason.RateLimitBackoff, "RateLimited").ConfigureAwait(false);
                return;
            }

            SendResult result;
            try
            {
                result = await _http.SendAsync(envelope, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Shutting down: keep what can be kept.
                await HoldAsync(envelope, SentryDiscardReason.NetworkError, "ShutDown").ConfigureAwait(false);
                return;
            }

            switch (result)
            {
                case SendResult.Delivered:
                    foreach (var item in envelope.Items)
                    {
                        _counters.AddDelivered(item.Category, item.Quantity);
                    }

                    if (envelope.SpoolPath is { } path)
                    {
                        _spool?.Delete(path);
                    }

                    return;
                case SendResult.RateLimited:
                    await HoldAsync(envelope, SentryDiscardReason.RateLimitBackoff, result.ToString()).ConfigureAwait(false);
                    return;
                case SendResult.Rejected:
                    Discard(envelope, SentryDiscardReason.SendError, result.ToString());
                    if (envelope.SpoolPath is { } rejected)
                    {
                        _spool?.Delete(rejected);
                    }

                    return;
            }

            var reason = result == SendResult.NetworkError ? SentryDiscardReason.NetworkError : SentryDiscardReason.SendError;
            if (attempt >= _options.MaxRetries || stop.IsCancellationRequested)
            {
                await HoldAsync(envelope, reason, result.ToString()).ConfigureAwait(false);
                return;
            }

            try
            {
                await Task.Delay(Backoff(attempt), _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await HoldAsync(envelope, reason, "ShutDown").ConfigureAwait(false);
                return;
            }
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
    public bool IsLimited(OutgoingEnvelope envelope) => IsLimited(envelope.Items);

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

    private TimeSpan Backoff(int attempt)
    {
        var delay = _options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt, 10));
        var jitter = 1 + (Random.Shared.NextDouble() * 0.2);
        return TimeSpan.FromTicks(Math.Min((long)(delay.Ticks * jitter), TimeSpan.FromMinutes(5).Ticks));
    }

    /// <summary>Keeps the envelope in the spool when there is one; otherwise it is discarded for <paramref name="reason"/>.</summary>
    public async Task HoldAsync(OutgoingEnvelope envelope, string reason, string result)
    {
        if (_spool is null)
        {
            Discard(envelope, reason, result);
            return;
        }

        if (envelope.SpoolPath is not null)
        {
            return; // Still on disk from an earlier run; the next start tries again.
        }

        try
        {
            if (!await _spool.TryWriteAsync(envelope, CancellationToken.None).ConfigureAwait(false))
            {
                Discard(envelope, SentryDiscardReason.QueueOverflow, "SpoolFull");
                return;
            }

            foreach (var item in envelope.Items)
            {
                _counters.AddSpooled(item.Category, item.Quantity);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CaptureLog.SpoolFailed(_logger, ex);
            Discard(envelope, reason, result);
        }
    }

    private void Discard(OutgoingEnvelope envelope, string reason, string result)
    {
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
        writer.Begin(null, now, context.Dsn);
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
