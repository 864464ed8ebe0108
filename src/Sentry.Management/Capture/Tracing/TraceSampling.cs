using System.Globalization;

namespace Sentry.Management.Capture.Tracing;

/// <summary>
/// How a new transaction's trace is sampled: its trace id, the upstream context it continues, its
/// <c>sample_rand</c> and the decision. An upstream decision is kept, so a trace is whole or absent; otherwise
/// <c>sample_rand &lt; TracesSampleRate</c> decides, with the upstream <c>sample_rand</c> when there is one, so the
/// services of a trace agree.
/// </summary>
internal readonly record struct TraceSampling(string TraceId, bool IsSampled, double SampleRand, DynamicSamplingContext? Upstream)
{
    /// <summary>Decides for a trace this service heads (<paramref name="parent"/> <see langword="null"/>) or continues.</summary>
    public static TraceSampling Decide(IncomingTrace? parent, double tracesSampleRate)
    {
        var traceId = parent?.TraceId ?? CaptureIds.NewTraceId();
        var upstream = DynamicSamplingContext.FromBaggage(parent?.SentryBaggage);

        // The rate an upstream decision was made with, when it said; else ours (what our own DSC will say).
        var rate = double.TryParse(upstream?.Get("sample_rate"), NumberStyles.Float, CultureInfo.InvariantCulture, out var upstreamRate)
            && upstreamRate is >= 0 and <= 1
            ? upstreamRate
            : tracesSampleRate;
        var sampleRand = Tracing.SampleRand.For(traceId, parent?.Sampled, upstream?.Get(Tracing.SampleRand.Key), rate);
        var sampled = parent?.Sampled ?? Tracing.SampleRand.IsSampled(sampleRand, tracesSampleRate);
        return new TraceSampling(traceId, sampled, sampleRand, upstream);
    }
}
