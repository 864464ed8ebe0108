using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sentry.Management.Benchmarks.Management;

/// <summary>A canned answer: the body and any extra header lines (each ending in CRLF).</summary>
/// <param name="Body">The JSON body.</param>
/// <param name="ExtraHeaders">Header lines such as a <c>Link</c>, each ending in CRLF; empty for none.</param>
internal readonly record struct CannedResponse(byte[] Body, string ExtraHeaders);

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 that answers every request at once with what <c>answer</c> returns for its
/// path and query. It reads the request head, skips the body by <c>Content-Length</c>, and serves each keep-alive
/// connection on its own blocking thread: the server's own cost per request is as small as it can be, so what is
/// measured is the client.
/// </summary>
internal sealed class CannedApiServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, CannedResponse> _answer;
    private readonly Thread _acceptor;
    private long _requests;

    public CannedApiServer(Func<string, CannedResponse> answer)
    {
        _answer = answer;
        _listener.Start();
        _acceptor = new Thread(AcceptLoop) { IsBackground = true, Name = "canned-api-accept" };
        _acceptor.Start();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public long Requests => Interlocked.Read(ref _requests);

    public ValueTask DisposeAsync()
    {
        _listener.Stop();
        return ValueTask.CompletedTask;
    }

    private void AcceptLoop()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = _listener.AcceptSocket();
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            new Thread(() => Serve(socket)) { IsBackground = true, Name = "canned-api-conn" }.Start();
        }
    }

    private void Serve(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        try
        {
            while (true)
            {
                var headEnd = IndexOfHeadEnd(buffer, filled);
                while (headEnd < 0)
                {
                    var read = socket.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                    headEnd = IndexOfHeadEnd(buffer, filled);
                }

                var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
                var target = head.Split(' ', 3)[1];
                var bodyLength = ContentLength(head);
                var consumed = headEnd + 4;

                // Skip the body: whatever of it is in the buffer, then the rest from the socket.
                var inBuffer = Math.Min(bodyLength, filled - consumed);
                consumed += inBuffer;
                var remaining = bodyLength - inBuffer;
                while (remaining > 0)
                {
                    var read = socket.Receive(buffer, 0, Math.Min(remaining, buffer.Length), SocketFlags.None);
                    if (read == 0)
                    {
                        return;
                    }

                    remaining -= read;
                    consumed = 0;
                    filled = 0;
                }

                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;

                var response = _answer(target);
                var responseHead = Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {response.Body.Length}\r\n{response.ExtraHeaders}\r\n");
                socket.Send([new ArraySegment<byte>(responseHead), new ArraySegment<byte>(response.Body)]);
                Interlocked.Increment(ref _requests);
            }
        }
        catch (SocketException)
        {
        }
        finally
        {
            socket.Dispose();
        }
    }

    private static int IndexOfHeadEnd(byte[] buffer, int filled) => buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line.AsSpan("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
