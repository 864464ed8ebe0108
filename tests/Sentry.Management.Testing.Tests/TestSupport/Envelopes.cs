using System.Text;
using System.Text.Json;

namespace Sentry.Management.Testing.Tests.TestSupport;

/// <summary>Builds envelopes by hand, byte for byte, so the tests control the framing.</summary>
internal static class Envelopes
{
    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>An envelope with one event item whose length is given.</summary>
    public static string Event(object evt)
    {
        var json = JsonSerializer.Serialize(evt);
        var id = NewId();
        return $"{{\"event_id\":\"{id}\"}}\n{{\"type\":\"event\",\"length\":{Encoding.UTF8.GetByteCount(json)}}}\n{json}\n";
    }

    /// <summary>An envelope of items given as (header JSON, payload bytes).</summary>
    public static byte[] Build(string header, params (string Header, byte[] Payload)[] items)
    {
        using var output = new MemoryStream();
        Write(output, header);
        foreach (var (itemHeader, payload) in items)
        {
            output.WriteByte((byte)'\n');
            Write(output, itemHeader);
            output.WriteByte((byte)'\n');
            output.Write(payload);
        }

        output.WriteByte((byte)'\n');
        return output.ToArray();
    }

    public static (string, byte[]) Item(string type, string json) =>
        ($"{{\"type\":\"{type}\",\"length\":{Encoding.UTF8.GetByteCount(json)}}}", Encoding.UTF8.GetBytes(json));

    private static void Write(Stream output, string text) => output.Write(Encoding.UTF8.GetBytes(text));
}
