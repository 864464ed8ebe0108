using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sentry.Management.Mcp.Tests.TestSupport;

/// <summary>
/// A tiny Sentry on 127.0.0.1 for tests that run the server as a process: it answers the few routes those tests use.
/// Swap it for the local Sentry (Sentry.Management.Testing) once that lands: the tests only need its URL and token.
/// </summary>
internal sealed class LoopbackSentry : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly Dictionary<string, string> _routes;

    private LoopbackSentry(int port, Dictionary<string, string> routes)
    {
        _routes = routes;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public string Token { get; } = "fake-loopback_token_for_tests";

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Starts it with routes "METHOD /path/" → JSON body.</summary>
    public static LoopbackSentry Start(Dictionary<string, string> routes)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LoopbackSentry(port, routes);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var key = $"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath}";
            Requests.Enqueue(key + context.Request.Url.Query);
            var found = _routes.TryGetValue(key, out var body);
            var bytes = Encoding.UTF8.GetBytes(found ? body! : $"{{\"detail\":\"no route {key}\"}}");
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
    }
}
