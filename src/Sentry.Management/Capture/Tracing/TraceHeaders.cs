using System.Text;

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
    /// The dynamic sampling context: forwarded unchanged when the trace came from upstream, else this service's own
    /// (trace id, public key, release, environment, sampled, and the transaction name unless it is a raw URL).
    /// </summary>
    public static string BaggageValue(TraceTransaction transaction, SentryCaptureOptions options, string publicKey)
    {
        if (transaction.IncomingBaggage is { } incoming)
        {
            return incoming;
        }

        var builder = new StringBuilder(160)
            .Append("sentry-trace_id=").Append(transaction.TraceId)
            .Append(",sentry-public_key=").Append(Uri.EscapeDataString(publicKey));
        if (!string.IsNullOrEmpty(options.Release))
        {
            builder.Append(",sentry-release=").Append(Uri.EscapeDataString(options.Release));
        }

        if (!string.IsNullOrEmpty(options.Environment))
        {
            builder.Append(",sentry-environment=").Append(Uri.EscapeDataString(options.Environment));
        }

        builder.Append(",sentry-sampled=").Append(transaction.IsSampled ? "true" : "false");
        builder.Append(",sentry-sample_rate=").Append(options.TracesSampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return builder.ToString();
    }

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
