namespace Sentry.Management.Capture.Tracing;

/// <summary>Writes the <c>sentry-trace</c>, W3C <c>traceparent</c> and <c>baggage</c> headers for an outgoing call.</summary>
internal static class TraceHeaders
{
    public const string SentryTrace = "sentry-trace";
    public const string Traceparent = "traceparent";
    public const string Baggage = "baggage";

    public static string SentryTraceValue(TraceSpan span, bool sampled) =>
        string.Concat(span.TraceId, "-", span.SpanId, sampled ? "-1" : "-0");

    public static string TraceparentValue(TraceSpan span, bool sampled) =>
        string.Concat("00-", span.TraceId, "-", span.SpanId, sampled ? "-01" : "-00");

    /// <summary>
    /// The <c>sentry-*</c> baggage members: the trace's <see cref="DynamicSamplingContext"/>, the same one its envelopes
    /// carry (forwarded unchanged when the trace came from upstream with one).
    /// </summary>
    public static string BaggageValue(TraceTransaction transaction, SentryCaptureOptions options, string publicKey) =>
        transaction.SamplingContext(options, publicKey).Baggage;

    /// <summary>Puts the headers on the request; other vendors' baggage members are kept, stale <c>sentry-</c> ones replaced.</summary>
    public static void Apply(HttpRequestMessage request, TraceSpan span, TraceTransaction transaction, SentryCaptureOptions options, string publicKey)
    {
        var sampled = transaction.IsSampled;
        var headers = request.Headers;
        headers.Remove(SentryTrace);
        headers.TryAddWithoutValidation(SentryTrace, SentryTraceValue(span, sampled));
        headers.Remove(Traceparent);
        headers.TryAddWithoutValidation(Traceparent, TraceparentValue(span, sampled));

        var ours = BaggageValue(transaction, options, publicKey);
        if (headers.TryGetValues(Baggage, out var existing))
        {
            var others = existing
                .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(m => !m.StartsWith("sentry-", StringComparison.Ordinal))
                .ToList();
            headers.Remove(Baggage);
            if (others.Count > 0)
            {
                ours = string.Join(',', others) + "," + ours;
            }
        }

        headers.TryAddWithoutValidation(Baggage, ours);
    }
}
