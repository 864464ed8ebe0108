using System.Globalization;
using System.Text.Json;

namespace Sentry.Management.Testing.Ingestion;

/// <summary>
/// Reads Sentry's envelope format strictly: a JSON header line, then items of a JSON header line and a payload. A
/// payload with a <c>length</c> is exactly that many bytes (binary allowed) followed by a newline or the end; one
/// without a <c>length</c> runs to the next newline.
/// </summary>
internal static class EnvelopeParser
{
    public static ParsedEnvelope Parse(ReadOnlyMemory<byte> body)
    {
        var span = body.Span;
        if (span.IsEmpty)
        {
            throw new EnvelopeFormatException("empty envelope");
        }

        var position = 0;
        var headers = ReadHeader(body, ref position, "envelope header");
        var items = new List<ParsedItem>();
        while (position < span.Length)
        {
            // A trailing newline after the last item is allowed, as SDKs write one.
            if (span[position] == (byte)'\n' && position == span.Length - 1)
            {
                break;
            }

            var index = items.Count;
            var itemHeaders = ReadHeader(body, ref position, $"item {index} header");
            if (!itemHeaders.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String || typeElement.GetString() is not { Length: > 0 } type)
            {
                throw new EnvelopeFormatException($"item {index} header has no \"type\"");
            }

            ReadOnlyMemory<byte> payload;
            if (itemHeaders.TryGetProperty("length", out var lengthElement) && lengthElement.ValueKind != JsonValueKind.Null)
            {
                if (lengthElement.ValueKind != JsonValueKind.Number || !lengthElement.TryGetInt32(out var length) || length < 0)
                {
                    throw new EnvelopeFormatException($"item {index} ({type}) has an invalid \"length\": {lengthElement.GetRawText()}");
                }

                if (length > span.Length - position)
                {
                    throw new EnvelopeFormatException(string.Create(CultureInfo.InvariantCulture,
                        $"item {index} ({type}) is truncated: \"length\" is {length} but only {span.Length - position} bytes remain"));
                }

                payload = body.Slice(position, length);
                position += length;
                if (position < span.Length)
                {
                    if (span[position] != (byte)'\n')
                    {
                        throw new EnvelopeFormatException(string.Create(CultureInfo.InvariantCulture,
                            $"item {index} ({type}) payload is longer than its \"length\" {length}: expected a newline at byte {position}"));
                    }

                    position++;
                }
            }
            else
            {
                var end = span[position..].IndexOf((byte)'\n');
                var length = end < 0 ? span.Length - position : end;
                payload = body.Slice(position, length);
                position += end < 0 ? length : length + 1;
            }

            items.Add(new ParsedItem(type, itemHeaders, payload));
        }

        return new ParsedEnvelope(headers, items);
    }

    private static JsonElement ReadHeader(ReadOnlyMemory<byte> body, ref int position, string what)
    {
        var rest = body.Span[position..];
        var end = rest.IndexOf((byte)'\n');
        var line = end < 0 ? body.Slice(position) : body.Slice(position, end);
        position += end < 0 ? line.Length : end + 1;
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new EnvelopeFormatException($"{what} is not a JSON object");
            }

            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new EnvelopeFormatException($"{what} is not valid JSON: {e.Message}");
        }
    }
}
