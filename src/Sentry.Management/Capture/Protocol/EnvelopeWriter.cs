using System.Buffers;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sentry.Management.Capture.Protocol;

/// <summary>
/// Builds one envelope (<c>header\n(item-header\npayload\n)*</c>) with reusable buffers, then gzips it.
/// One instance per sender worker: not thread-safe.
/// </summary>
internal sealed class EnvelopeWriter : IDisposable
{
    /// <summary>
    /// How strings are escaped in every payload. Envelopes go to an ingestion endpoint, never into HTML, so
    /// <c>&lt;</c>, <c>&gt;</c>, <c>+</c>, <c>&amp;</c>, <c>'</c> and non-ASCII text need no <c>\uXXXX</c> escapes: compiler-generated
    /// names (<c>&lt;Main&gt;b__0_1</c>, nested types with <c>+</c>) are in most stack frames, and each escape is six bytes.
    /// Quotes, backslashes and control characters are still escaped, so the JSON stays valid.
    /// </summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    // The payload writers emit well-formed JSON by construction (the envelope tests parse every kind), so the
    // writer's own structure checks are skipped on this hot path.
    internal static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Indented = false, Encoder = Encoder };
    private readonly ArrayBufferWriter<byte> _envelope = new(4096);
    private readonly ArrayBufferWriter<byte> _payload = new(4096);
    private readonly Utf8JsonWriter _headerJson;
    private readonly Utf8JsonWriter _payloadJson;
    private readonly MemoryStream _compressed = new();

    public EnvelopeWriter()
    {
        _headerJson = new Utf8JsonWriter(_envelope, WriterOptions);
        _payloadJson = new Utf8JsonWriter(_payload, WriterOptions);
    }

    /// <summary>Starts a new envelope with its header line; <paramref name="trace"/> is the <c>trace</c> header of a traced event or transaction.</summary>
    /// <remarks>
    /// No <c>dsn</c> header: every envelope is posted to the DSN's own endpoint with the <c>X-Sentry-Auth</c> header,
    /// which is what Relay authenticates by; the envelope header's <c>dsn</c> is for a tunnel that forwards envelopes
    /// without it, which this client does not post to (Sentry's JavaScript SDK writes it only when a tunnel is set). It
    /// was 60 to 100 bytes of every envelope (31 after gzip in the delivery benchmark). <c>sent_at</c> is UTC with <c>Z</c>.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Begin(Guid? eventId, DateTimeOffset sentAt, Tracing.DynamicSamplingContext? trace = null)
    {
        _envelope.ResetWrittenCount();
        _headerJson.Reset(_envelope);
        _headerJson.WriteStartObject();
        if (eventId is { } id)
        {
            WriteId(_headerJson, JsonNames.EventId, id);
        }

        _headerJson.WriteString(JsonNames.SentAt, sentAt.UtcDateTime);
        SdkWriter.Write(_headerJson);
        trace?.WriteHeader(_headerJson);
        _headerJson.WriteEndObject();
        _headerJson.Flush();
        NewLine();
    }

    /// <summary>Writes a GUID as Sentry's 32 hex digits without dashes, with no string in between.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteId(Utf8JsonWriter writer, JsonEncodedText name, Guid id)
    {
        Span<byte> hex = stackalloc byte[32];
        id.TryFormat(hex, out _, "N");
        writer.WriteString(name, hex);
    }

    /// <summary>Returns the writer for the next item's payload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Utf8JsonWriter BeginItem()
    {
        _payload.ResetWrittenCount();
        _payloadJson.Reset(_payload);
        return _payloadJson;
    }

    /// <summary>Writes the item header (with the payload's exact byte length) and the payload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndItem(string type, int? itemCount = null, string? contentType = null)
    {
        _payloadJson.Flush();
        _headerJson.Reset(_envelope);
        _headerJson.WriteStartObject();
        _headerJson.WriteString(JsonNames.Type, type);
        _headerJson.WriteNumber(JsonNames.Length, _payload.WrittenCount);
        if (itemCount is { } count)
        {
            _headerJson.WriteNumber(JsonNames.ItemCount, count);
        }

        if (contentType is not null)
        {
            _headerJson.WriteString(JsonNames.ContentType, contentType);
        }

        _headerJson.WriteEndObject();
        _headerJson.Flush();
        NewLine();
        _envelope.Write(_payload.WrittenSpan);
        NewLine();
    }

    /// <summary>The envelope as written so far, uncompressed.</summary>
    public ReadOnlySpan<byte> Written => _envelope.WrittenSpan;

    // "Fastest" through zlib (bodies longer than GzipEncoder takes, and the spool's re-gzip) is level 2, not 1: 17 % fewer bytes on
    // the wire for the same delivery rate (docs/benchmarks.md).
    private static readonly ZLibCompressionOptions FastestOptions = new() { CompressionLevel = 2 };

    /// <summary>
    /// The finished envelope as a request body, gzipped unless <paramref name="level"/> is <see cref="CompressionLevel.NoCompression"/>:
    /// at <see cref="CompressionLevel.Fastest"/> by a pooled <see cref="GzipEncoder"/>, which keeps its tables from one
    /// envelope to the next, otherwise (and for bodies over <see cref="GzipEncoder.MaxInput"/>) by zlib.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte[] ToBody(CompressionLevel level) => level switch
    {
        CompressionLevel.NoCompression => _envelope.WrittenSpan.ToArray(),
        CompressionLevel.Fastest when _envelope.WrittenCount <= GzipEncoder.MaxInput => GzipEncoder.Gzip(_envelope.WrittenSpan),
        _ => Gzip(_envelope.WrittenSpan, level, _compressed),
    };

    /// <summary>Gzips envelope bytes at <paramref name="level"/> (<see cref="CompressionLevel.Fastest"/> is zlib level 2) through <paramref name="buffer"/>, which is reset first.</summary>
    public static byte[] Gzip(ReadOnlySpan<byte> envelope, CompressionLevel level, MemoryStream buffer)
    {
        buffer.SetLength(0);
        using (var gzip = level == CompressionLevel.Fastest ? new GZipStream(buffer, FastestOptions, leaveOpen: true) : new GZipStream(buffer, level, leaveOpen: true))
        {
            gzip.Write(envelope);
        }

        return buffer.ToArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void NewLine()
    {
        var span = _envelope.GetSpan(1);
        span[0] = (byte)'\n';
        _envelope.Advance(1);
    }

    public void Dispose()
    {
        _headerJson.Dispose();
        _payloadJson.Dispose();
        _compressed.Dispose();
    }
}
