using System.Text;

namespace Sentry.Management.Testing.Grouping;

/// <summary>
/// Issue short ids as Sentry writes them: the project slug in capitals, a dash, and the per-project counter in
/// Sentry's base 32 (digits and letters without I, L, O and U), so issue 1 is <c>APP-1</c> and issue 32 <c>APP-10</c>.
/// </summary>
internal static class ShortId
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Format(string projectSlug, long number) => projectSlug.ToUpperInvariant() + "-" + Encode(number);

    /// <summary>Reads the counter back from a short id of that project; <see langword="null"/> when it is not one.</summary>
    public static long? Parse(string projectSlug, string shortId)
    {
        var prefix = projectSlug.ToUpperInvariant() + "-";
        if (!shortId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || shortId.Length == prefix.Length)
        {
            return null;
        }

        long value = 0;
        foreach (var c in shortId[prefix.Length..].ToUpperInvariant())
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            value = (value * 32) + digit;
        }

        return value;
    }

    private static string Encode(long number)
    {
        if (number <= 0)
        {
            return "0";
        }

        var text = new StringBuilder();
        while (number > 0)
        {
            text.Insert(0, Alphabet[(int)(number % 32)]);
            number /= 32;
        }

        return text.ToString();
    }
}
