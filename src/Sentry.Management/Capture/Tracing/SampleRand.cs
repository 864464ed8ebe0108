using System.Globalization;

namespace Sentry.Management.Capture.Tracing;

/// <summary>
/// The trace's propagated random value (<c>sample_rand</c>, in [0, 1)): every service of a trace compares the same
/// number with its sample rate, so their decisions agree. The head derives it from the trace id; a service that
/// continues a trace takes the upstream one, or, when upstream sent none, makes one that agrees with the upstream
/// decision (below the rate when sampled, at or above it when not).
/// </summary>
internal static class SampleRand
{
    /// <summary>The baggage key (after <c>sentry-</c>) and DSC member name.</summary>
    public const string Key = "sample_rand";

    /// <summary>The value for a trace: the upstream one when usable, else one that keeps the upstream decision true, else from the trace id.</summary>
    /// <param name="traceId">The trace's id (32 hex digits).</param>
    /// <param name="upstreamSampled">The upstream sampling decision, when the trace was continued with one.</param>
    /// <param name="upstreamRand">The upstream <c>sample_rand</c> text, when its baggage had one.</param>
    /// <param name="rate">The sample rate the decision was made with (the upstream one when it sent it).</param>
    public static double For(string traceId, bool? upstreamSampled, string? upstreamRand, double rate)
    {
        if (TryParse(upstreamRand, out var propagated))
        {
            return propagated;
        }

        var random = FromTraceId(traceId);
        if (upstreamSampled is not { } sampled || !(rate > 0 && rate < 1))
        {
            return random;
        }

        // Scale into the half of [0, 1) that agrees with the decision: [0, rate) when sampled, [rate, 1) when not.
        return sampled ? random * rate : rate + (random * (1 - rate));
    }

    /// <summary>Whether a trace with this value is kept at this rate.</summary>
    public static bool IsSampled(double sampleRand, double rate) => rate >= 1 || (rate > 0 && sampleRand < rate);

    /// <summary>
    /// A uniform value in [0, 1) from the trace id, the same in every process for the same trace (the spec's advice):
    /// the id's last 16 hex digits, mixed so that ids that are not random (hand-made, sequential) still spread.
    /// </summary>
    public static double FromTraceId(string traceId)
    {
        var tail = traceId.AsSpan(Math.Max(0, traceId.Length - 16));
        var bits = ulong.TryParse(tail, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : (ulong)string.GetHashCode(traceId, StringComparison.Ordinal);

        // SplitMix64's finalizer, then the top 53 bits as a double in [0, 1).
        bits ^= bits >> 30;
        bits *= 0xBF58476D1CE4E5B9UL;
        bits ^= bits >> 27;
        bits *= 0x94D049BB133111EBUL;
        bits ^= bits >> 31;
        return (bits >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Six decimals, cut (not rounded) so the text stays below 1 and on the same side of a rate as the value.</summary>
    public static string Format(double sampleRand) =>
        (Math.Floor(sampleRand * 1_000_000) / 1_000_000).ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Reads a propagated value; anything that is not a number in [0, 1) is as if none was sent.</summary>
    public static bool TryParse(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= 0 && value < 1;
}
