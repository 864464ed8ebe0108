using Microsoft.Extensions.Logging;

namespace Sentry.Management.Capture.Transport;

/// <summary>
/// Sends what the spool holds in the background, in the same process, oldest first, as soon as the link or the limit
/// allows; and owns the send slots (<see cref="SentryCaptureOptions.MaxConcurrentSends"/>) that the sender workers'
/// direct sends share with it.
/// </summary>
/// <remarks>
/// <para>A file whose category is rate-limited stays in its place while other categories flow; when everything left
/// is limited the drainer sleeps until the earliest limit ends (or a file is added), it never polls.</para>
/// <para>After a network error or 5xx it backs off exponentially from <see cref="SentryCaptureOptions.RetryBaseDelay"/>
/// (capped at a minute), so an outage costs one probe per backoff, not one request per file. A 2xx deletes the file
/// (delivered), a 4xx deletes it too (discarded as <c>send_error</c>, announced in a client report).</para>
/// </remarks>
internal sealed class SpoolDrainer : IDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(10);
    private readonly SentryCaptureOptions _options;
    private readonly EnvelopeSpool _spool;
    private readonly EnvelopeHttpSender _http;
    private readonly DeliveryPipeline _delivery;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<IReadOnlyList<ItemCount>, DateTimeOffset?> _limitedUntil;
    private Task _loop = Task.CompletedTask;
    private long _backoffUntilTicks;
    private int _failures;

    public SpoolDrainer(SentryCaptureOptions options, EnvelopeSpool spool, EnvelopeHttpSender http, DeliveryPipeline delivery, ILogger logger)
    {
        _options = options;
        _spool = spool;
        _http = http;
        _delivery = delivery;
        _logger = logger;
        _time = options.TimeProvider;
        _slots = new SemaphoreSlim(options.MaxConcurrentSends, options.MaxConcurrentSends);
        _limitedUntil = LimitedUntil;
    }

    /// <summary>Indexes the files an earlier run left, then starts draining.</summary>
    public void Start()
    {
        try
        {
            var loaded = _spool.Load();
            if (loaded.Count > 0)
            {
                _delivery.CountLoaded(loaded);
                CaptureLog.SpoolLoaded(_logger, loaded.Count);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CaptureLog.SpoolFailed(_logger, ex);
        }

        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// A sender worker's way to send a prepared envelope. Behind a backlog of its category it goes into the spool (FIFO);
    /// when no slot is free and the in-memory queue is under pressure it is spooled instead of waiting, so the queue
    /// keeps draining at CPU and disk speed; otherwise it waits for a slot.
    /// </summary>
    /// <returns><see langword="true"/> when the caller now holds a slot to send the envelope in (and gives it back with
    /// <see cref="ReleaseSlot"/>); <see langword="false"/> when the envelope was spooled (or settled) instead.</returns>
    public async Task<bool> TakeSlotOrSpoolAsync(OutgoingEnvelope envelope, string category, bool queueUnderPressure, CancellationToken stop)
    {
        if (_spool.HasBacklog(category) || (!_slots.Wait(0, CancellationToken.None) && (queueUnderPressure || !await _slots.TryWaitAsync(stop).ConfigureAwait(false))))
        {
            await _delivery.HoldAsync(envelope, SentryDiscardReason.QueueOverflow, "Spooled").ConfigureAwait(false);
            return false;
        }

        return true;
    }

    /// <summary>How many send slots are free at this moment (a hint: another sender may take one the next instant).</summary>
    public int FreeSlots => _slots.CurrentCount;

    /// <summary>Gives back a slot taken by <see cref="TakeSlotOrSpoolAsync"/> once its send has settled.</summary>
    public void ReleaseSlot() => _slots.Release();

    /// <summary>Stops taking files and waits for the sends in flight (cancelled: their files stay for a later start).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        for (var i = 0; i < _options.MaxConcurrentSends; i++)
        {
            await _slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _stop.Dispose();
        _slots.Dispose();
    }

    private async Task RunAsync()
    {
        CaptureFlow.EnterWorker();
        var stop = _stop.Token;
        try
        {
            while (true)
            {
                var backoff = new DateTimeOffset(Interlocked.Read(ref _backoffUntilTicks), TimeSpan.Zero) - _time.GetUtcNow();
                if (backoff > TimeSpan.Zero)
                {
                    await Task.Delay(backoff, _time, stop).ConfigureAwait(false);
                    continue;
                }

                await _slots.WaitAsync(stop).ConfigureAwait(false);
                if (Interlocked.Read(ref _backoffUntilTicks) > _time.GetUtcNow().UtcTicks)
                {
                    _slots.Release(); // A send that failed while this loop waited for the slot started a backoff.
                    continue;
                }

                if (!_spool.TryTakeOldest(_limitedUntil, out var file, out var wakeAt))
                {
                    _slots.Release();
                    await _spool.WaitForChangeAsync(wakeAt - _time.GetUtcNow(), stop).ConfigureAwait(false);
                    continue;
                }

                // Sent concurrently up to the free slots; the loop goes on to the next oldest file.
                _ = SendAsync(file!, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping; what is left stays on disk for the next start.
        }
    }

    private async Task SendAsync(SpooledEnvelope file, CancellationToken stop)
    {
        // Counters are settled before the file is removed: removing it ends its pending count, which releases a flush.
        try
        {
            byte[] body;
            try
            {
                body = await EnvelopeSpool.ReadAsync(file, stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // Removed behind our back (another process sending the same folder, or a user): it is gone, say so.
                _delivery.SettleSpooled(file, delivered: false);
                _spool.Remove(file);
                return;
            }

            var result = LimitedUntil(file.Items) is not null
                ? SendResult.RateLimited
                : await _http.SendAsync(new OutgoingEnvelope(body, file.Gzipped, file.Items), stop).ConfigureAwait(false);
            switch (result)
            {
                case SendResult.Delivered:
                    Volatile.Write(ref _failures, 0);
                    _delivery.SettleSpooled(file, delivered: true);
                    _spool.Remove(file);
                    break;
                case SendResult.Rejected:
                    _delivery.SettleSpooled(file, delivered: false);
                    _spool.Remove(file);
                    break;
                case SendResult.RateLimited:
                    _spool.Return(file); // The limiter now knows until when; the loop sleeps until then.
                    break;
                default:
                    BackOff();
                    _spool.Return(file);
                    break;
            }
        }
        catch (OperationCanceledException)
        {
            _spool.Return(file);
        }
#pragma warning disable CA1031 // A file that cannot be read (permissions, disk) must not kill the drainer: it waits for a later try.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CaptureLog.SpoolFailed(_logger, ex);
            BackOff();
            _spool.Return(file);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Concurrent sends failing together count as one failure, so the backoff doubles once per round.</summary>
    private void BackOff()
    {
        var now = _time.GetUtcNow();
        if (Interlocked.Read(ref _backoffUntilTicks) > now.UtcTicks)
        {
            return;
        }

        var failures = Math.Min(Interlocked.Increment(ref _failures), 30);
        var delay = TimeSpan.FromTicks((long)Math.Min(MaxBackoff.Ticks, Math.Max(MinBackoff.Ticks, _options.RetryBaseDelay.Ticks) * Math.Pow(2, failures - 1)));
        Interlocked.Exchange(ref _backoffUntilTicks, (now + delay).UtcTicks);
    }

    private DateTimeOffset? LimitedUntil(IReadOnlyList<ItemCount> items)
    {
        DateTimeOffset? latest = null;
        foreach (var item in items)
        {
            // Spans ride with their transaction; their own limit never holds the envelope (as for direct sends).
            if (item.Category != SentryDataCategory.Span && _delivery.Limits.LimitedUntil(item.Category) is { } until && (latest is null || until > latest))
            {
                latest = until;
            }
        }

        return latest;
    }
}
