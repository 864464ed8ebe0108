using System.Globalization;

namespace Sentry.Management.Capture.Tracing;

/// <summary>The upstream side of a trace, read from <c>sentry-trace</c> (or W3C <c>traceparent</c>) and <c>baggage</c>.</summary>
internal sealed record IncomingTrace(string TraceId, string SpanId, bool? Sampled, string? SentryBaggage)
{
    /// <summary>Reads <c>{trace_id}-{span_id}[-{sampled}]</c>; <see langword="null"/> when the header is missing or malformed (a new trace starts).</summary>
    public static IncomingTrace? FromSentryTrace(string? header, string? baggage)
    {
        if (header is null)
        {
            return null;
        }

        var value = header.AsSpan().Trim();
        if (value.Length is not (49 or 51) || value[32] != '-' || !IsHex(value[..32]) || !IsHex(value[33..49]))
        {
            return null;
        }

        bool? sampled = null;
        if (value.Length == 51)
        {
            if (value[49] != '-' || value[50] is not ('0' or '1'))
            {
                return null;
            }

            sampled = value[50] == '1';
        }

        return Create(value[..32], value[33..49], sampled, baggage);
    }

    /// <summary>Reads W3C <c>00-{trace_id}-{parent_id}-{flags}</c>.</summary>
    public static IncomingTrace? FromTraceparent(string? header, string? baggage)
    {
        if (header is null)
        {
            return null;
        }

        var value = header.AsSpan().Trim();
        if (value.Length != 55 || !value.StartsWith("00-") || value[35] != '-' || value[52] != '-'
            || !IsHex(value[3..35]) || !IsHex(value[36..52])
            || !byte.TryParse(value[53..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var flags))
        {
            return null;
        }

        return Create(value[3..35], value[36..52], (flags & 1) == 1, baggage);
    }

    /// <summary>Keeps only the <c>sentry-</c> members of a W3C baggage header: the others belong to other vendors, which add their own.</summary>
    public static string? SentryMembers(string? baggage)
    {
        if (string.IsNullOrWhiteSpace(baggage))
        {
            return null;
        }

        var kept = baggage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(m => m.StartsWith("sentry-", StringComparison.Ordinal) && m.Contains('=', StringComparison.Ordinal));
        var joined = string.Join(',', kept);
        return joined.Length == 0 ? null : joined;
    }

    private static IncomingTrace? Create(ReadOnlySpan<char> traceId, ReadOnlySpan<char> spanId, bool? sampled, string? baggage)
    {
        // All-zero ids are invalid in both formats.
        if (!traceId.ContainsAnyExcept('0') || !spanId.ContainsAnyExcept('0'))
        {
            return null;
        }

        return new IncomingTrace(
            traceId.ToString().ToLowerInvariant(),
            spanId.ToString().ToLowerInvariant(),
            sampled,
            SentryMembers(baggage));
    }

    private static bool IsHex(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
