using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Sentry.Management.Testing.Ingestion;

/// <summary>Reads an ingestion request body whole, undoing <c>Content-Encoding</c> (gzip, deflate, br).</summary>
internal static class RequestBody
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var encoding = request.Headers.ContentEncoding.ToString().Trim().ToLowerInvariant();
        using var buffer = new MemoryStream();
        try
        {
            switch (encoding)
            {
                case "" or "identity":
                    await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                    break;
                case "gzip":
                    var gzip = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
                    await using (gzip.ConfigureAwait(false))
                    {
                        await gzip.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case "deflate":
                    var zlib = new ZLibStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
                    await using (zlib.ConfigureAwait(false))
                    {
                        await zlib.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case "br":
                    var brotli = new BrotliStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
                    await using (brotli.ConfigureAwait(false))
                    {
                        await brotli.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                default:
                    throw new EnvelopeFormatException($"unsupported Content-Encoding '{encoding}'");
            }
        }
        catch (InvalidDataException e)
        {
            throw new EnvelopeFormatException($"the body is not valid {encoding}: {e.Message}");
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
