using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sentry.Management.Capture.Tracing;

/// <summary>
/// Sentry's dynamic sampling context (DSC): the trace's sampling facts, sent as the envelope header <c>trace</c>
/// and as the <c>sentry-*</c> members of outgoing <c>baggage</c>. The head of the trace decides it: a trace continued
/// from upstream baggage with a usable DSC keeps that DSC unchanged (frozen); otherwise this service is the head and
/// builds its own from the transaction and the options. All values are strings, as baggage carries them.
/// </summary>
internal sealed class DynamicSamplingContext
{
    private const string Prefix = "sentry-";

    // The transaction_info.source for which the name is a raw URL: it would split sampling rules by id.
    private const string UrlSource = "url";

    private readonly KeyValuePair<string, string>[] _entries;

    private DynamicSamplingContext(KeyValuePair<string, string>[] entries, string baggage)
    {
        _entries = entries;
        Baggage = baggage;
    }

    /// <summary>The <c>sentry-*</c> baggage members: the upstream text itself when frozen.</summary>
    public string Baggage { get; }

    /// <summary>
    /// The DSC of a transaction: the upstream one when it continued a trace with one, else its own. An upstream DSC
    /// without <c>sample_rand</c> gets the one this service made for the trace (the spec: created on the fly and
    /// propagated from then on), and nothing else of it changes.
    /// </summary>
    public static DynamicSamplingContext For(TraceTransaction transaction, SentryCaptureOptions options, string publicKey)
    {
        if (transaction.UpstreamContext is not { } upstream)
        {
            return Create(transaction, options, publicKey);
        }

        if (upstream.Get(SampleRand.Key) is not null)
        {
            return upstream;
        }

        var sampleRand = SampleRand.Format(transaction.SampleRandValue);
        return new DynamicSamplingContext(
            [.. upstream._entries, new(SampleRand.Key, sampleRand)],
            $"{upstream.Baggage},{Prefix}{SampleRand.Key}={sampleRand}");
    }

    /// <summary>
    /// Reads the <c>sentry-*</c> members of a baggage header; <see langword="null"/> without any. Whatever the
    /// upstream head put there is its DSC, even when incomplete: filling in our own values would make the trace's
    /// envelopes disagree about it.
    /// </summary>
    public static DynamicSamplingContext? FromBaggage(string? baggage)
    {
        if (IncomingTrace.SentryMembers(baggage) is not { } members)
        {
            return null;
        }

        var entries = new List<KeyValuePair<string, string>>();
        foreach (var member in members.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // W3C baggage members may carry ;properties after the value: they are not part of the DSC.
            var text = member.AsSpan();
            var semicolon = text.IndexOf(';');
            if (semicolon >= 0)
            {
                text = text[..semicolon];
            }

            var eq = text.IndexOf('=');
            var key = eq > Prefix.Length ? text[Prefix.Length..eq].Trim().ToString() : string.Empty;
            if (key.Length == 0 || entries.Exists(e => e.Key == key))
            {
                continue;
            }

            entries.Add(new(key, Uri.UnescapeDataString(text[(eq + 1)..].Trim().ToString())));
        }

        return entries.Count == 0 ? null : new DynamicSamplingContext([.. entries], members);
    }

    /// <summary>This service as the head of the trace: what it knows of the transaction and its options.</summary>
    public static DynamicSamplingContext Create(TraceTransaction transaction, SentryCaptureOptions options, string publicKey)
    {
        var entries = new List<KeyValuePair<string, string>>(8)
        {
            new("trace_id", transaction.TraceId),
            new("public_key", publicKey),
        };
        if (!string.IsNullOrEmpty(options.Release))
        {
            entries.Add(new("release", options.Release));
        }

        if (!string.IsNullOrEmpty(options.Environment))
        {
            entries.Add(new("environment", options.Environment));
        }

        if (!string.Equals(transaction.NameSource, UrlSource, StringComparison.Ordinal))
        {
            entries.Add(new("transaction", transaction.Name));
        }

        entries.Add(new("sample_rate", options.TracesSampleRate.ToString(CultureInfo.InvariantCulture)));
        entries.Add(new("sampled", transaction.IsSampled ? "true" : "false"));
        entries.Add(new(SampleRand.Key, SampleRand.Format(transaction.SampleRandValue)));
        KeyValuePair<string, string>[] array = [.. entries];
        return new DynamicSamplingContext(array, ToBaggage(array));
    }

    /// <summary>A member's value (key without <c>sentry-</c>), or <see langword="null"/>.</summary>
    public string? Get(string key)
    {
        foreach (var (k, value) in _entries)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Writes the envelope header's <c>trace</c> object.</summary>
    public void WriteHeader(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("trace");
        foreach (var (key, value) in _entries)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    private static string ToBaggage(KeyValuePair<string, string>[] entries)
    {
        var builder = new StringBuilder(192);
        foreach (var (key, value) in entries)
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(Prefix).Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }
}
