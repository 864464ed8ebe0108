using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sentry.Management.Tests.Capture.Support;

/// <summary>What the sink does with one request.</summary>
public enum SinkAction
{
    Ok,
    ServerError,
    Reset,
    RateLimited,
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (a random port) that stands in for Sentry's ingestion endpoint.
/// It reads each request fully, then answers as the plan says (200, 500, a connection reset, or a 429 with
/// <c>X-Sentry-Rate-Limits</c>), and counts what it accepted with a 200: items per category and the
/// discards announced in client reports. Used by the tests and by the benchmarks. Without <c>parse</c> (the
/// benchmarks) it is as cheap as an instant sink can be: it reads the head for Content-Length, skips the body
/// where it lies in the receive buffer, and answers with a prebuilt 200; it still counts every accepted envelope.
/// </summary>
public sealed class LoopbackSink : IAsyncDisposable
{
    private static readonly ReadOnlyMemory<byte> OkResponse = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}"u8.ToArray();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, byte> _connections = new();
    private readonly ConcurrentDictionary<string, long> _delivered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Reason, string Category), long> _reported = new();
    private readonly Func<long, SinkAction> _plan;
    private readonly Task _accepting;
    private long _requests;
    private long _envelopes;
    private long _bytes;

    /// <param name="plan">Decides the answer from the request's sequence number (1-based); always 200 when null.</param>
    /// <param name="parse">Parse envelopes to count items (tests); benchmarks only count requests and bytes.</param>
    /// <param name="latency">Added before each answer, to model a real network.</param>
    public LoopbackSink(Func<long, SinkAction>? plan = null, bool parse = true, TimeSpan latency = default)
    {
        _plan = plan ?? (_ => SinkAction.Ok);
        Parse = parse;
        Latency = latency;
        _listener.Start(512);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public bool Parse { get; }

    public TimeSpan Latency { get; }

    /// <summary>The <c>X-Sentry-Rate-Limits</c> value sent with <see cref="SinkAction.RateLimited"/>.</summary>
    public string RateLimitHeader { get; set; } = "60:transaction:project";

    public string Dsn(string key = "loopbackkey") => DsnFor(Port, key);

    /// <summary>The DSN of a loopback sink listening on <paramref name="port"/> (also for one in another process).</summary>
    public static string DsnFor(int port, string key = "loopbackkey") => $"http://{key}@127.0.0.1:{port}/1";

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Envelopes answered with 200.</summary>
    public long AcceptedEnvelopes => Interlocked.Read(ref _envelopes);

    /// <summary>Bytes of accepted requests (headers and bodies) as they crossed the wire.</summary>
    public long AcceptedBytes => Interlocked.Read(ref _bytes);

    public long Delivered(string category) => _delivered.GetValueOrDefault(category);

    public long Reported(string category) => _reported.Where(p => p.Key.Category == category).Sum(p => p.Value);

    public IReadOnlyDictionary<(string Reason, string Category), long> ReportedByReason => _reported;

    public void ResetCounts()
    {
        _delivered.Clear();
        _reported.Clear();
        Interlocked.Exchange(ref _envelopes, 0);
        Interlocked.Exchange(ref _bytes, 0);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            socket.NoDelay = true;
            _connections.TryAdd(socket, 0);
            if (!Parse && Latency == TimeSpan.Zero)
            {
                // The benchmarks' instant sink: a blocking thread per connection is woken by the kernel directly,
                // without epoll and thread-pool hand-offs for every request.
                new Thread(() => Serve(socket)) { IsBackground = true, Name = "LoopbackSink" }.Start();
            }
            else
            {
                _ = Task.Run(() => ServeAsync(socket));
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var reader = new RequestReader(socket);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var request = await reader.ReadAsync(Parse, _stop.Token);
                if (request is null)
                {
                    return;
                }

                var number = Interlocked.Increment(ref _requests);
                var action = _plan(number);
                if (Latency > TimeSpan.Zero)
                {
                    await Task.Delay(Latency, _stop.Token);
                }

                switch (action)
                {
                    case SinkAction.Reset:
                        socket.LingerState = new LingerOption(true, 0);
                        return;
                    case SinkAction.ServerError:
                        await WriteAsync(socket, "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n");
                        continue;
                    case SinkAction.RateLimited:
                        await WriteAsync(socket, $"HTTP/1.1 429 Too Many Requests\r\nX-Sentry-Rate-Limits: {RateLimitHeader}\r\nContent-Length: 0\r\n\r\n");
                        continue;
                }

                Record(request.Value);
                await socket.SendAsync(OkResponse, SocketFlags.None);
            }
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the sink is stopping.
        }
        finally
        {
            _connections.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    private void Serve(Socket socket)
    {
        var reader = new RequestReader(socket);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var request = reader.ReadSkippingBody();
                if (request is null)
                {
                    return;
                }

                switch (_plan(Interlocked.Increment(ref _requests)))
                {
                    case SinkAction.Reset:
                        socket.LingerState = new LingerOption(true, 0);
                        return;
                    case SinkAction.ServerError:
                        socket.Send(Encoding.ASCII.GetBytes("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"));
                        continue;
                    case SinkAction.RateLimited:
                        socket.Send(Encoding.ASCII.GetBytes($"HTTP/1.1 429 Too Many Requests\r\nX-Sentry-Rate-Limits: {RateLimitHeader}\r\nContent-Length: 0\r\n\r\n"));
                        continue;
                }

                Record(request.Value);
                socket.Send(OkResponse.Span);
            }
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            // The client went away or the sink is stopping.
        }
        finally
        {
            _connections.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    private void Record(ReceivedRequest request)
    {
        Interlocked.Increment(ref _envelopes);
        Interlocked.Add(ref _bytes, request.WireBytes);
        if (!Parse)
        {
            return;
        }

        var envelope = ParsedEnvelope.Parse(request.Body, request.Gzipped);
        foreach (var item in envelope.Items)
        {
            switch (item.Type)
            {
                case "event":
                    Add("error", 1);
                    if (item.Json.TryGetProperty("exception", out var exception)
                        && exception.GetProperty("values").EnumerateArray().Any(v => !v.GetProperty("mechanism").GetProperty("handled").GetBoolean()))
                    {
                        Add("error:unhandled", 1);
                    }

                    break;
                case "session":
                    Add("session:" + item.Json.GetProperty("status").GetString(), 1);
                    break;
                case "transaction":
                    Add("transaction", 1);
                    Add("span", item.Json.GetProperty("spans").GetArrayLength() + 1);
                    break;
                case "trace_metric":
                    Add("trace_metric", item.Header.GetProperty("item_count").GetInt32());
                    break;
                case "client_report":
                    foreach (var line in item.Json.GetProperty("discarded_events").EnumerateArray())
                    {
                        var key = (line.GetProperty("reason").GetString()!, line.GetProperty("category").GetString()!);
                        _reported.AddOrUpdate(key, line.GetProperty("quantity").GetInt64(), (_, old) => old + line.GetProperty("quantity").GetInt64());
                    }

                    break;
            }
        }
    }

    private void Add(string category, long quantity) => _delivered.AddOrUpdate(category, quantity, (_, old) => old + quantity);

    private static async Task WriteAsync(Socket socket, string response) =>
        await socket.SendAsync(Encoding.ASCII.GetBytes(response), SocketFlags.None);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var socket in _connections.Keys)
        {
            socket.Dispose();
        }

        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private readonly record struct ReceivedRequest(byte[] Body, bool Gzipped, long WireBytes);

    /// <summary>Reads HTTP/1.1 requests with a Content-Length body from a keep-alive connection.</summary>
    private sealed class RequestReader(Socket socket)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        // keepBody: copy the body out for parsing; otherwise it is skipped where it lies in the buffer.
        public async Task<ReceivedRequest?> ReadAsync(bool keepBody, CancellationToken cancellationToken)
        {
            int headerEnd;
            while ((headerEnd = FindHeaderEnd()) < 0)
            {
                if (!await FillAsync(cancellationToken))
                {
                    return null;
                }
            }

            var (contentLength, gzipped) = ReadHead(_buffer.AsSpan(_start, headerEnd - _start));
            var headBytes = headerEnd + 4 - _start;
            _start = headerEnd + 4;
            var body = keepBody ? new byte[contentLength] : null;
            var copied = 0;
            while (copied < contentLength)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    return null;
                }

                var n = Math.Min(contentLength - copied, _end - _start);
                if (body is not null)
                {
                    Buffer.BlockCopy(_buffer, _start, body, copied, n);
                }

                copied += n;
                _start += n;
            }

            return new ReceivedRequest(body ?? [], gzipped, headBytes + contentLength);
        }

        /// <summary>Blocking read of one request, its body skipped; <see langword="null"/> when the client closed.</summary>
        public ReceivedRequest? ReadSkippingBody()
        {
            int headerEnd;
            while ((headerEnd = FindHeaderEnd()) < 0)
            {
                if (!Fill())
                {
                    return null;
                }
            }

            var (contentLength, gzipped) = ReadHead(_buffer.AsSpan(_start, headerEnd - _start));
            var headBytes = headerEnd + 4 - _start;
            _start = headerEnd + 4;
            var skipped = 0;
            while (skipped < contentLength)
            {
                if (_start == _end && !Fill())
                {
                    return null;
                }

                var n = Math.Min(contentLength - skipped, _end - _start);
                skipped += n;
                _start += n;
            }

            return new ReceivedRequest([], gzipped, headBytes + contentLength);
        }

        // Only Content-Length and Content-Encoding matter; read from the bytes without building strings.
        private static (int ContentLength, bool Gzipped) ReadHead(ReadOnlySpan<byte> head)
        {
            var contentLength = 0;
            var gzipped = false;
            while (!head.IsEmpty)
            {
                var lineEnd = head.IndexOf("\r\n"u8);
                var line = lineEnd < 0 ? head : head[..lineEnd];
                head = lineEnd < 0 ? default : head[(lineEnd + 2)..];
                var colon = line.IndexOf((byte)':');
                if (colon <= 0)
                {
                    continue;
                }

                var name = line[..colon].Trim((byte)' ');
                var value = line[(colon + 1)..].Trim((byte)' ');
                if (System.Text.Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
                {
                    if (!System.Buffers.Text.Utf8Parser.TryParse(value, out contentLength, out var consumed) || consumed != value.Length)
                    {
                        throw new IOException("Bad Content-Length in the loopback sink.");
                    }
                }
                else if (System.Text.Ascii.EqualsIgnoreCase(name, "Content-Encoding"u8))
                {
                    gzipped = Encoding.ASCII.GetString(value).Contains("gzip", StringComparison.OrdinalIgnoreCase);
                }
            }

            return (contentLength, gzipped);
        }

        private int FindHeaderEnd()
        {
            var index = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
            return index < 0 ? -1 : _start + index;
        }

        private bool Fill()
        {
            Compact();
            var read = socket.Receive(_buffer.AsSpan(_end), SocketFlags.None);
            _end += read;
            return read > 0;
        }

        private void Compact()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                throw new IOException("Request head too large for the loopback sink.");
            }
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            Compact();
            var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
            _end += read;
            return read > 0;
        }
    }
}
