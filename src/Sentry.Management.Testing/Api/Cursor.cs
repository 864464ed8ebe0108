using System.Globalization;

namespace Sentry.Management.Testing.Api;

/// <summary>
/// Sentry's pagination cursor, <c>{value}:{offset}:{is_prev}</c>. Lists here page by offset, so the cursors read
/// <c>0:100:0</c> (the next 100 from item 100) and <c>0:0:1</c> (the page before it).
/// </summary>
internal readonly record struct Cursor(long Value, int Offset, bool IsPrevious)
{
    public static Cursor Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new Cursor(0, 0, false);
        }

        var parts = text.Split(':');
        if (parts.Length != 3
            || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset) || offset < 0
            || parts[2] is not ("0" or "1"))
        {
            throw ApiProblem.BadRequest("Invalid cursor parameter.");
        }

        return new Cursor(value, offset, parts[2] == "1");
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value}:{Offset}:{(IsPrevious ? 1 : 0)}");
}
