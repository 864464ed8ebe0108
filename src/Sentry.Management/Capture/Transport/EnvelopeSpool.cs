using System.Globalization;
using System.Text;

namespace Sentry.Management.Capture.Transport;

/// <summary>An envelope file in the spool folder and what it accounts for.</summary>
internal sealed record SpooledEnvelope(string Path, bool Gzipped, IReadOnlyList<ItemCount> Items);

/// <summary>
/// Keeps undelivered envelopes in a folder the user names, one file per envelope, so a later run sends them.
/// The file name carries the order, the compression and the item counts
/// (<c>{ticks}-{id}.{g|r}.{category}={n},....envelope</c>), so loading needs no parsing of the bodies.
/// </summary>
internal sealed class EnvelopeSpool
{
    private const string Extension = ".envelope";
    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly int _maxFiles;
    private int _count;

    public EnvelopeSpool(string directory, int maxFiles, TimeProvider time)
    {
        _directory = System.IO.Path.GetFullPath(directory);
        _maxFiles = maxFiles;
        _time = time;
    }

    /// <summary>
    /// Writes an envelope atomically (temp file, then rename) so a crash never leaves half a file to send;
    /// <see langword="false"/> when the folder already holds its maximum, so an outage cannot fill the disk.
    /// </summary>
    public async Task<bool> TryWriteAsync(OutgoingEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.SpoolPath is not null)
        {
            return true; // Already on disk: it stays there until delivered.
        }

        if (Interlocked.Increment(ref _count) > _maxFiles)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        Directory.CreateDirectory(_directory);
        var name = new StringBuilder()
            .Append(_time.GetUtcNow().UtcTicks.ToString("D19", CultureInfo.InvariantCulture))
            .Append('-').Append(Guid.NewGuid().ToString("N"))
            .Append('.').Append(envelope.Gzipped ? 'g' : 'r').Append('.')
            .AppendJoin(',', envelope.Items.Select(i => $"{i.Category}={i.Quantity.ToString(CultureInfo.InvariantCulture)}"))
            .Append(Extension)
            .ToString();
        var path = System.IO.Path.Combine(_directory, name);
        var temp = path + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, envelope.Body, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            Interlocked.Decrement(ref _count);
            throw;
        }

        return true;
    }

    /// <summary>The envelopes left by earlier runs, oldest first; unreadable names are skipped.</summary>
    public List<SpooledEnvelope> Load()
    {
        var result = new List<SpooledEnvelope>();
        if (!Directory.Exists(_directory))
        {
            return result;
        }

        foreach (var path in Directory.EnumerateFiles(_directory, "*" + Extension).Order(StringComparer.Ordinal))
        {
            if (TryParseName(path) is { } spooled)
            {
                result.Add(spooled);
            }
        }

        Interlocked.Exchange(ref _count, result.Count);
        return result;
    }

    public static async Task<OutgoingEnvelope> ReadAsync(SpooledEnvelope file, CancellationToken cancellationToken)
    {
        var body = await File.ReadAllBytesAsync(file.Path, cancellationToken).ConfigureAwait(false);
        return new OutgoingEnvelope(body, file.Gzipped, file.Items) { SpoolPath = file.Path };
    }

    public void Delete(string path)
    {
        try
        {
            File.Delete(path);
            Interlocked.Decrement(ref _count);
        }
        catch (IOException)
        {
            // Another run may have sent and removed it already.
        }
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
