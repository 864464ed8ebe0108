using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sentry.Management.Tests.TestSupport;

/// <summary>A real HTTP server on 127.0.0.1 that answers every request with one JSON body, compressed when asked, as Sentry's own servers do.</summary>
internal sealed class CompressingServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly List<string?> _acceptEncodings = [];
    private readonly byte[] _body;

    public CompressingServer(string json)
    {
        _body = Encoding.UTF8.GetBytes(json);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri Url { get; }

    public string Coding { get; set; } = "gzip";

    public int CompressedBodies { get; private set; }

    public IReadOnlyList<string?> AcceptEncodings
    {
        get
        {
            lock (_acceptEncodings)
            {
                return [.. _acceptEncodings];
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _serving.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync().ConfigureAwait(false);
            var accepted = context.Request.Headers["Accept-Encoding"];
            lock (_acceptEncodings)
            {
                _acceptEncodings.Add(accepted);
            }

            var coding = Coding;
            var body = _body;
            if (accepted?.Contains(coding, StringComparison.Ordinal) == true)
            {
                body = Compress(body, coding);
                context.Response.AddHeader("Content-Encoding", coding);
                CompressedBodies++;
            }

            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body).ConfigureAwait(false);
            context.Response.Close();
        }
    }

    /// <summary>The body in <paramref name="coding"/> (<c>gzip</c> or <c>br</c>).</summary>
    public static byte[] Compress(byte[] body, string coding)
    {
        using var output = new MemoryStream();
        using (Stream encoder = coding == "br" ? new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true) : new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            encoder.Write(body);
        }

        return output.ToArray();
    }
}
