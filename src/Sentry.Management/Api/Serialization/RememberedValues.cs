using System.Text;
using System.Text.Json;

namespace Sentry.Management.Serialization;

/// <summary>
/// The values one converter read last, so a value that repeats through a listing (a status, a platform, the project
/// every issue of a project listing carries) is not decoded into a new string each time: an unescaped token is
/// compared with the remembered texts in place, and a match returns the remembered value.
/// </summary>
/// <remarks>
/// At most <see cref="Capacity"/> values, scanned in order (a length check rejects most of them at once) and replaced
/// in turn once full, so an open set of values (slugs across an organization's projects) costs a few comparisons and
/// a small entry per miss and cannot fill the table for good. Each slot holds one reference to an immutable entry,
/// so readers on other threads see a whole entry or the old one.
/// </remarks>
/// <typeparam name="T">What a value is read as: a string, or a string enum.</typeparam>
/// <param name="create">Makes a value from its decoded text.</param>
/// <param name="misses">Where the miss counter starts (tests start it near its wrap).</param>
internal sealed class RememberedValues<T>(Func<string, T> create, int misses = 0)
{
    /// <summary>Values kept: more than any of the sets this serves has in common use.</summary>
    internal const int Capacity = 8;

    /// <summary>Longer tokens are decoded every time (no value of those sets comes near).</summary>
    internal const int MaxLength = 64;

    private readonly Entry?[] _entries = new Entry?[Capacity];
    private int _next = misses;

    /// <summary>Reads the current string token.</summary>
    public T Read(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxLength)
        {
            return create(reader.GetString()!);
        }

        var utf8 = reader.ValueSpan;
        foreach (var entry in _entries)
        {
            if (entry is null)
            {
                break;
            }

            if (Ascii.Equals(utf8, entry.Text))
            {
                return entry.Value;
            }
        }

        var text = reader.GetString()!;
        var value = create(text);
        // In uint: the counter wraps after 2^32 misses, and the slot must stay in range when it does.
        var slot = (int)(((uint)Interlocked.Increment(ref _next) - 1) % Capacity);
        Volatile.Write(ref _entries[slot], new Entry(text, value));
        return value;
    }

    private sealed record Entry(string Text, T Value);
}
