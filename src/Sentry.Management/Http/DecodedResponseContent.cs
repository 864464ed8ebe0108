using System.IO.Compression;
using System.Net;

namespace Sentry.Management.Http;

/// <summary>
/// Compressed answers without the socket handler's <c>AutomaticDecompression</c>: every call asks for gzip or brotli
/// with one header added as text, and a compressed body is decoded as it is read. The socket handler's own
/// decompression parses and formats <c>Accept-Encoding</c> as typed values on every request, reads
/// <c>Content-Encoding</c> the same way on every answer and adds an async frame to each call: about 3 us of CPU per
/// call on loopback, a tenth of a project GET, whether the answer is compressed or not.
/// </summary>
/// <remarks>
/// Only the codings asked for are decoded, and only when one of them is the whole <c>Content-Encoding</c>; anything
/// else (an identity body, a primary handler that decoded it already and removed the header) is left as it is. As
/// with <c>AutomaticDecompression</c>, the decoded body has no <c>Content-Encoding</c> and no <c>Content-Length</c>.
/// Handlers a user adds through dependency injection sit below this, nearer the socket, and expect decoded answers:
/// with them the socket handler decompresses after all (<c>AddSentryManagement</c>).
/// </remarks>
internal sealed class DecodedResponseContent : ReplacedResponseContent
{
    /// <summary>What every call accepts: the codings this content decodes.</summary>
    internal const string AcceptEncoding = "gzip, br";

    private const string AcceptEncodingHeader = "Accept-Encoding";
    private const string ContentEncodingHeader = "Content-Encoding";

    private readonly bool _brotli;

    private DecodedResponseContent(HttpContent inner, bool brotli, long? encodedLength)
        : base(inner, ContentEncodingHeader)
    {
        _brotli = brotli;
        EncodedLength = encodedLength;
    }

    /// <summary>The body's length as it came over the wire, compressed, when the answer said it.</summary>
    internal long? EncodedLength { get; }

    /// <summary>Asks for a compressed answer, unless the caller chose the request's codings itself.</summary>
    internal static void Accept(HttpRequestMessage request)
    {
        var headers = request.Headers;
        if (!headers.NonValidated.Contains(AcceptEncodingHeader))
        {
            headers.TryAddWithoutValidation(AcceptEncodingHeader, AcceptEncoding);
        }
    }

    /// <summary>Replaces a gzip or brotli body of <paramref name="response"/> by one that decodes it as it is read.</summary>
    internal static void Apply(HttpResponseMessage response)
    {
        if (response.Content is not { } content
            || content is DecodedResponseContent
            || !content.Headers.NonValidated.TryGetValues(ContentEncodingHeader, out var codings)
            || codings.Count != 1)
        {
            return;
        }

        var coding = codings.ToString().Trim();
        var brotli = string.Equals(coding, "br", StringComparison.OrdinalIgnoreCase);
        if (brotli || string.Equals(coding, "gzip", StringComparison.OrdinalIgnoreCase) || string.Equals(coding, "x-gzip", StringComparison.OrdinalIgnoreCase))
        {
            response.Content = new DecodedResponseContent(content, brotli, content.Headers.ContentLength);
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var decoded = Decode(await Inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        await using (decoded.ConfigureAwait(false))
        {
            await decoded.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var decoded = Decode(Inner.ReadAsStream(cancellationToken));
        decoded.CopyTo(stream);
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        Decode(await Inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        CreateContentReadStreamAsync(CancellationToken.None);

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) =>
        Decode(Inner.ReadAsStream(cancellationToken));

    private Stream Decode(Stream encoded) =>
        _brotli ? new BrotliStream(encoded, CompressionMode.Decompress) : new GZipStream(encoded, CompressionMode.Decompress);
}
