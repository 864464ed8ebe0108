using System.Text;
using System.Text.Json;

namespace Sentry.Management.Serialization;

/// <summary>
/// The values one converter read last, so a value that repeats through a listing (a status, a platform, the project
/// every issue of a project listing carries) is not decoded into a new string each time: an unescaped ASCII token is
/// compared with the remembered text in place, and a match returns the remembered value.
/// </summary>
/// <remarks>
/// A small two-way set-associative table (<see cref="Sets"/> sets of two), indexed by a hash of the token's bytes: a
/// lookup costs one hash and at most two comparisons whatever was read before, and a miss costs nothing beyond the
/// decoding it would have had anyway (the new value takes a way of its set), so an open set of values (slugs across an
/// organization's projects) cannot make reading slower, only stop helping. Every slot holds one reference (a string,
/// or an <see cref="ISentryEnum{TSelf}"/> wrapping one), so readers on other threads see a whole value or the old one.
/// </remarks>
/// <typeparam name="T">What a value is read as: a string, or a string enum.</typeparam>
internal sealed class RememberedValues<T>(Func<string, T> create, Func<T, string?> textOf)
{
    /// <summary>Sets of two ways each.</summary>
    internal const int Sets = 32;

    /// <summary>Longer tokens are decoded every time (no value of the sets this serves comes near).</summary>
    internal const int MaxLength = 64;

    private readonly T[] _slots = new T[Sets * 2];

    /// <summary>Reads the current string token.</summary>
    public T Read(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxLength)
        {
            return create(reader.GetString()!);
        }

        var utf8 = reader.ValueSpan;
        var hash = new HashCode();
        hash.AddBytes(utf8);
        var mixed = (uint)hash.ToHashCode();
        var set = (int)(mixed % Sets) * 2;
        var first = _slots[set];
        if (textOf(first) is { } firstText && Ascii.Equals(utf8, firstText))
        {
            return first;
        }

        var second = _slots[set + 1];
        if (textOf(second) is { } secondText && Ascii.Equals(utf8, secondText))
        {
            return second;
        }

        var value = create(reader.GetString()!);
        var way = textOf(first) is null ? 0 : textOf(second) is null ? 1 : (int)((mixed >> 16) & 1);
        _slots[set + way] = value;
        return value;
    }
}
