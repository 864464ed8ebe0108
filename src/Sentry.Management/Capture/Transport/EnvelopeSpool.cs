using System.Globalization;
using System.Text;
using System.Threading.Channels;

namespace Sentry.Management.Capture.Transport;

/// <summary>An envelope file in the spool folder and what it accounts for.</summary>
internal sealed record SpooledEnvelope(string Path, bool Gzipped, IReadOnlyList<ItemCount> Items)
{
    /// <summary>The order it was spooled in (files of an earlier run first); the drainer sends the lowest first.</summary>
    public long Sequence { get; init; }

    public long Bytes { get; init; }

    /// <summary>The category the file is queued under: its first item's.</summary>
    public string Category => Items.Count > 0 ? Items[0].Category : SentryDataCategory.Error;
}

/// <summary>
/// Keeps undelivered envelopes in a folder the user names, one file per envelope, bounded by count and bytes, and
/// indexes them in memory (one queue per category, oldest first) so the <see cref="SpoolDrainer"/> never lists the
/// folder per send. The file name carries the order, the compression and the item counts
/// (<c>{ticks}-{sequence}-{id}.{g|r}.{category}={n},....envelope</c>; files of older versions, without the
/// sequence, load the same way), so loading needs no parsing of the bodies.
/// </summary>
/// <remarks>
/// Every file this index holds counts once in the <see cref="PendingTracker"/> until it is removed, so a flush waits
/// for the drainer to deliver or settle it.
/// </remarks>
internal sealed class EnvelopeSpool
{
    private const string Extension = ".envelope";
    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly int _maxFiles;
    private readonly long _maxBytes;
    private readonly PendingTracker _pending;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PriorityQueue<SpooledEnvelope, long>> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _sequence;
    private int _files;
    private long _bytes;
    private int _heldTotal;

    public EnvelopeSpool(string directory, int maxFiles, long maxBytes, TimeProvider time, PendingTracker pending)
    {
        _directory = System.IO.Path.GetFullPath(directory);
        _maxFiles = maxFiles;
        _maxBytes = maxBytes;
        _time = time;
        _pending = pending;
    }

    /// <summary>Files held (waiting or being sent).</summary>
    public int Count => Volatile.Read(ref _heldTotal);

    /// <summary>Bytes of the files held.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Whether files of this category wait or are being sent: a fresh envelope then queues behind them.</summary>
    public bool HasBacklog(string category)
    {
        if (Volatile.Read(ref _heldTotal) == 0)
        {
            return false;
        }

        lock (_gate)
        {
            return _held.GetValueOrDefault(category) > 0;
        }
    }

    /// <summary>
    /// Writes an envelope atomically (temp file, then rename) so a crash never leaves half a file to send;
    /// <see langword="false"/> when the folder already holds its maximum files or bytes, so an outage cannot fill the disk.
    /// Synchronous: the caller thread of an overflowing capture writes here, as backpressure.
    /// </summary>
    public bool TryWrite(IReadOnlyList<ItemCount> items, bool gzipped, byte[] body)
    {
        if (TryReserve(items, gzipped, body.Length) is not { } file)
        {
            return false;
        }

        try
        {
            File.WriteAllBytes(file.Path + ".tmp", body);
            Commit(file);
        }
        catch
        {
            Unreserve(file.Bytes);
            throw;
        }

        return true;
    }

    /// <inheritdoc cref="TryWrite"/>
    public async Task<bool> TryWriteAsync(IReadOnlyList<ItemCount> items, bool gzipped, byte[] body, CancellationToken cancellationToken)
    {
        if (TryReserve(items, gzipped, body.Length) is not { } file)
        {
            return false;
        }

        try
        {
            await File.WriteAllBytesAsync(file.Path + ".tmp", body, cancellationToken).ConfigureAwait(false);
            Commit(file);
        }
        catch
        {
            Unreserve(file.Bytes);
            throw;
        }

        return true;
    }

    /// <summary>Indexes the envelopes left by earlier runs, oldest first; unreadable names are skipped.</summary>
    /// <returns>The files now indexed.</returns>
    public List<SpooledEnvelope> Load()
    {
        var result = new List<SpooledEnvelope>();
        var folder = new DirectoryInfo(_directory);
        if (!folder.Exists)
        {
            return result;
        }

        foreach (var file in folder.EnumerateFiles("*" + Extension).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (TryParseName(file.FullName) is { } spooled)
            {
                // Earlier runs' files keep their place even past the bounds: they exist already; new writes wait for room.
                Interlocked.Increment(ref _files);
                Interlocked.Add(ref _bytes, file.Length);
                var indexed = spooled with { Sequence = Interlocked.Increment(ref _sequence), Bytes = file.Length };
                Index(indexed);
                result.Add(indexed);
            }
        }

        return result;
    }

    /// <summary>
    /// Takes the oldest waiting file whose category may be sent now. When none may, <paramref name="wakeAt"/> is the
    /// earliest time a held-back one becomes sendable (<see langword="null"/> when nothing waits at all).
    /// </summary>
    public bool TryTakeOldest(Func<IReadOnlyList<ItemCount>, DateTimeOffset?> limitedUntil, out SpooledEnvelope? file, out DateTimeOffset? wakeAt)
    {
        file = null;
        wakeAt = null;
        lock (_gate)
        {
            PriorityQueue<SpooledEnvelope, long>? best = null;
            foreach (var queue in _waiting.Values)
            {
                if (!queue.TryPeek(out var head, out var sequence))
                {
                    continue;
                }

                if (limitedUntil(head.Items) is { } until)
                {
                    wakeAt = wakeAt is null || until < wakeAt ? until : wakeAt;
                    continue;
                }

                if (best is null || sequence < best.Peek().Sequence)
                {
                    best = queue;
                }
            }

            if (best is null)
            {
                return false;
            }

            file = best.Dequeue();
            return true;
        }
    }

    /// <summary>Puts a file that could not be sent now back in its place (it keeps its sequence).</summary>
    public void Return(SpooledEnvelope file)
    {
        lock (_gate)
        {
            Queue(file.Category).Enqueue(file, file.Sequence);
        }

        _changed.Writer.TryWrite(true);
    }

    /// <summary>Deletes a file that was delivered or settled, and frees its room.</summary>
    public void Remove(SpooledEnvelope file)
    {
        try
        {
            File.Delete(file.Path);
        }
        catch (IOException)
        {
            // Another run may have sent and removed it already.
        }
        catch (UnauthorizedAccessException)
        {
            // Left behind; it is no longer counted, and a later start may send it again (Sentry dedupes by event id).
        }

        Unreserve(file.Bytes);
        lock (_gate)
        {
            _held[file.Category] -= 1;
            _heldTotal--;
        }

        _pending.Done(1);
    }

    /// <summary>Waits until a file is added or returned, or <paramref name="timeout"/> passes (measured on the options' clock).</summary>
    public async Task WaitForChangeAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (_changed.Reader.TryRead(out _))
        {
            return;
        }

        if (timeout is not { } delay)
        {
            await _changed.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (delay > TimeSpan.Zero)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var changed = _changed.Reader.WaitToReadAsync(both.Token).AsTask();
            var elapsed = Task.Delay(delay, _time, both.Token);
            await Task.WhenAny(changed, elapsed).ConfigureAwait(false);
            await both.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        _changed.Reader.TryRead(out _);
    }

    public static Task<byte[]> ReadAsync(SpooledEnvelope file, CancellationToken cancellationToken) =>
        File.ReadAllBytesAsync(file.Path, cancellationToken);

    /// <summary>Takes room for one file and names it; <see langword="null"/> when the folder is at a bound.</summary>
    private SpooledEnvelope? TryReserve(IReadOnlyList<ItemCount> items, bool gzipped, long bytes)
    {
        if (Interlocked.Increment(ref _files) > _maxFiles)
        {
            Interlocked.Decrement(ref _files);
            return null;
        }

        if (Interlocked.Add(ref _bytes, bytes) > _maxBytes)
        {
            Unreserve(bytes);
            return null;
        }

        var (path, sequence) = NewName(items, gzipped);
        return new SpooledEnvelope(path, gzipped, items) { Sequence = sequence, Bytes = bytes };
    }

    /// <summary>Renames the written temp file into place, so a crash never leaves half a file to send, and indexes it.</summary>
    private void Commit(SpooledEnvelope file)
    {
        File.Move(file.Path + ".tmp", file.Path, overwrite: true);
        Index(file);
    }

    private void Unreserve(long bytes)
    {
        Interlocked.Decrement(ref _files);
        Interlocked.Add(ref _bytes, -bytes);
    }

    private void Index(SpooledEnvelope file)
    {
        lock (_gate)
        {
            Queue(file.Category).Enqueue(file, file.Sequence);
            _held[file.Category] = _held.GetValueOrDefault(file.Category) + 1;
            _heldTotal++;
        }

        _pending.Add(1);
        _changed.Writer.TryWrite(true);
    }

    private PriorityQueue<SpooledEnvelope, long> Queue(string category)
    {
        if (!_waiting.TryGetValue(category, out var queue))
        {
            queue = new PriorityQueue<SpooledEnvelope, long>();
            _waiting[category] = queue;
        }

        return queue;
    }

    private (string Path, long Sequence) NewName(IReadOnlyList<ItemCount> items, bool gzipped)
    {
        Directory.CreateDirectory(_directory);
        var sequence = Interlocked.Increment(ref _sequence);
        var name = new StringBuilder()
            .Append(_time.GetUtcNow().UtcTicks.ToString("D19", CultureInfo.InvariantCulture))
            .Append('-').Append(sequence.ToString("D12", CultureInfo.InvariantCulture))
            .Append('-').Append(Guid.NewGuid().ToString("N"))
            .Append('.').Append(gzipped ? 'g' : 'r').Append('.')
            .AppendJoin(',', items.Select(i => $"{i.Category}={i.Quantity.ToString(CultureInfo.InvariantCulture)}"))
            .Append(Extension)
            .ToString();
        return (System.IO.Path.Combine(_directory, name), sequence);
    }

    private static SpooledEnvelope? TryParseName(string path)
    {
        var parts = System.IO.Path.GetFileName(path).Split('.');
        if (parts.Length != 4 || parts[1] is not ("g" or "r"))
        {
            return null;
        }

        var items = new List<ItemCount>();
        foreach (var entry in parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = entry.Split('=');
            if (pair.Length != 2 || !long.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
            {
                return null;
            }

            items.Add(new ItemCount(pair[0], quantity));
        }

        return new SpooledEnvelope(path, parts[1] == "g", items);
    }
}
