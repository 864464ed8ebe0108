namespace Sentry.Management.Http;

/// <summary>
/// A response body that stands in for the one that came over the wire: it carries that body's headers (less
/// <c>Content-Length</c>, which no longer holds, and any it is told to drop), has no length known in advance, and
/// releases the original with itself.
/// </summary>
internal abstract class ReplacedResponseContent : HttpContent
{
    private const string ContentLengthHeader = "Content-Length";

    protected ReplacedResponseContent(HttpContent inner, string? droppedHeader = null)
    {
        Inner = inner;
        foreach (var header in inner.Headers.NonValidated)
        {
            if (!string.Equals(header.Key, ContentLengthHeader, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(header.Key, droppedHeader, StringComparison.OrdinalIgnoreCase))
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }

    /// <summary>The body as it came over the wire.</summary>
    protected HttpContent Inner { get; }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
