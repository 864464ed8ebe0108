using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Sentry.Management.Tests.Capture.Support;

/// <summary>One item of an envelope as read back by the tests, following Sentry's documented format.</summary>
public sealed record ParsedItem(JsonElement Header, byte[] Payload)
{
    public string Type => Header.GetProperty("type").GetString()!;

    public JsonElement Json => JsonDocument.Parse(Payload).RootElement;
}

/// <summary>
/// A strict reader of Sentry envelopes: a header line, then items whose header's <c>length</c> must be the
/// exact payload byte count, each followed by a newline.
/// </summary>
public sealed record ParsedEnvelope(JsonElement Header, IReadOnlyList<ParsedItem> Items)
{
    public static ParsedEnvelope Parse(byte[] body, bool gzipped)
    {
        var bytes = gzipped ? Gunzip(body) : body;
        var position = 0;
        var header = ReadLine(bytes, ref position);
        var items = new List<ParsedItem>();
        while (position < bytes.Length)
        {
            var itemHeader = ReadLine(bytes, ref position);
            int length = itemHeader.GetProperty("length").GetInt32();
            if (position + length > bytes.Length)
            {
                throw new FormatException($"Item length {length} runs past the end of the envelope.");
            }

            var payload = bytes.AsSpan(position, length).ToArray();
            position += length;
            if (position < bytes.Length)
            {
                if (bytes[position] != (byte)'\n')
                {
                    throw new FormatException("An item's payload is not followed by a newline: its length header is wrong.");
                }

                position++;
            }

            items.Add(new ParsedItem(itemHeader, payload));
        }

        return new ParsedEnvelope(header, items);
    }

    public static byte[] Gunzip(byte[] body)
    {
        using var input = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static JsonElement ReadLine(byte[] bytes, ref int position)
    {
        var end = Array.IndexOf(bytes, (byte)'\n', position);
        if (end < 0)
        {
            throw new FormatException("A header line has no terminating newline.");
        }

        var line = Encoding.UTF8.GetString(bytes, position, end - position);
        position = end + 1;
        return JsonDocument.Parse(line).RootElement.Clone();
    }
}
