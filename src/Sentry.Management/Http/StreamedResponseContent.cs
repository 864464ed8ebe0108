using System.Net;

namespace Sentry.Management.Http;

/// <summary>
/// The body of a large successful response, read once as a stream straight into the source-generated deserializer.
/// Refit loads every response body into memory before it deserializes (best effort: when loading fails on content
/// whose stream stays readable, it deserializes from the stream). A page of 100 issues is about 76 KB, allocated
/// again for every page, so this content declines that first load, once; every later read behaves as the
/// response's own content does.
/// </summary>
/// <remarks>
/// The <c>Content-Length</c> header is not carried over: loading sizes its buffer by it before it asks for the
/// bytes, which would allocate the very buffer this avoids.
/// </remarks>
internal sealed class StreamedResponseContent : ReplacedResponseContent
{
    /// <summary>Bodies smaller than this are left to Refit's buffer, which costs less than declining it.</summary>
    internal const long MinimumLength = 16 * 1024;

    /// <summary>
    /// How much larger a compressed body is judged to be once decoded, where only its compressed length is known:
    /// Sentry's JSON compresses at least four to one, so a body this judges small is at most a few buffers' worth.
    /// </summary>
    private const long DecodedPerEncodedByte = 4;

    private int _declined;

    private StreamedResponseContent(HttpContent inner)
        : base(inner)
    {
    }

    /// <summary>Wraps the body of <paramref name="response"/> when it is a large (or unknown-length) successful body of one of this library's calls.</summary>
    internal static void Apply(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (response.Content is not { } content
            || content is StreamedResponseContent
            || response.StatusCode == HttpStatusCode.NoContent
            || LengthHint(content) is < MinimumLength
            || !UntracedRequest.IsLibraryApiCall(request))
        {
            return;
        }

        response.Content = new StreamedResponseContent(content);
    }

    private static long? LengthHint(HttpContent content) =>
        content is DecodedResponseContent decoded ? decoded.EncodedLength * DecodedPerEncodedByte : content.Headers.ContentLength;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _declined, 1) == 0)
        {
            throw new NotSupportedException(
                "Sentry.Management reads this response body once, as a stream, into the deserializer; it is not buffered. "
                + "When this is the inner exception of a deserialization error, the body was not the JSON the call expects.");
        }

        return Inner.CopyToAsync(stream, context, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        Inner.ReadAsStreamAsync(cancellationToken);

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Inner.ReadAsStreamAsync();
}
