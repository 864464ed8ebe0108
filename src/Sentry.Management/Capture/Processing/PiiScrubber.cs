using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Sentry.Management.Capture.Processing;

/// <summary>Replaces secret-looking values and card numbers with <c>[Filtered]</c> before anything is written.</summary>
internal sealed partial class PiiScrubber
{
    public const string Filtered = "[Filtered]";
    private readonly string[] _keys;

    public PiiScrubber(SentryCaptureOptions options)
    {
        Enabled = options.ScrubPii;
        _keys = [.. options.ScrubKeys.Where(k => !string.IsNullOrEmpty(k))];
    }

    public bool Enabled { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsSensitiveKey(string key)
    {
        if (!Enabled)
        {
            return false;
        }

        foreach (var fragment in _keys)
        {
            if (key.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Masks card numbers (13 to 19 digits, spaces or dashes allowed, valid Luhn checksum) in free text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string ScrubText(string text)
    {
        if (!Enabled || text.Length < 13 || !ContainsDigitRun(text))
        {
            return text;
        }

        return CardNumber().Replace(text, m => PassesLuhn(m.ValueSpan) ? Filtered : m.Value);
    }

    // Cheap pre-check so ordinary text never reaches the regex.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ContainsDigitRun(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : c is ' ' or '-' ? run : 0;
            if (run >= 13)
            {
                return true;
            }
        }

        return false;
    }

    private static bool PassesLuhn(ReadOnlySpan<char> candidate)
    {
        var sum = 0;
        var digits = 0;
        var doubled = false;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            var c = candidate[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            var d = c - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            digits++;
            doubled = !doubled;
        }

        return digits is >= 13 and <= 19 && sum % 10 == 0;
    }

    [GeneratedRegex(@"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex CardNumber();
}
