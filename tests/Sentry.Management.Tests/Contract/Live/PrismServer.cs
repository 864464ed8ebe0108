using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sentry.Management.Tests.Contract.Live;

/// <summary>
/// Runs Prism (<c>@stoplight/prism-cli</c>, pinned in tests/tools/package.json) as a mock of Sentry's API on a free
/// 127.0.0.1 port, serving the vendored schema. Prism validates every request against the schema and answers with the
/// schema's examples. The process is killed with its whole tree on <see cref="Dispose"/>, and also when the test host
/// exits or is cancelled, so a failed or aborted run leaves nothing listening.
/// </summary>
internal sealed class PrismServer : IDisposable
{
    private const int Attempts = 3;

    /// <summary>A Node preload that ends Prism when the test host is gone (see prism-watchdog.js).</summary>
    private static readonly string Watchdog = Path.Combine(AppContext.BaseDirectory, "Contract", "Live", "prism-watchdog.js");
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private int _disposed;

    private PrismServer(Process process, int port, ConcurrentQueue<string> output)
    {
        _process = process;
        Port = port;
        _output = output;
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        Console.CancelKeyPress += OnExit;
    }

    internal int Port { get; }

    /// <summary>How many attempts the start took (more than one after a port clash).</summary>
    internal int Attempt { get; private set; }

    /// <summary>The Node.js process id, so tests can check it is gone after <see cref="Dispose"/>.</summary>
    internal int ProcessId => _process.Id;

    internal Uri BaseUrl => new($"http://127.0.0.1:{Port}");

    /// <summary>The last lines Prism printed, for failure messages.</summary>
    internal string RecentOutput => string.Join("\n", _output.TakeLast(30));

    /// <summary>
    /// Starts Prism and waits until its port answers. A port taken between choosing and binding (another test run,
    /// another engineer's server) makes Prism exit; then another free port is tried.
    /// </summary>
    /// <exception cref="InvalidOperationException">Node or Prism is missing, or Prism did not start; the message says how to fix it.</exception>
    /// <param name="repositoryRoot">The folder holding Sentry.Management.sln (Prism lives in tests/tools/node_modules).</param>
    /// <param name="schemaPath">The OpenAPI file to serve.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="choosePort">Picks the port of each attempt; <see langword="null"/> for a free one (tests inject a taken port).</param>
    internal static async Task<PrismServer> StartAsync(string repositoryRoot, string schemaPath, CancellationToken cancellationToken, Func<int, int>? choosePort = null)
    {
        var node = FindNode();
        var cli = Path.Combine(repositoryRoot, "tests", "tools", "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException(
                $"Prism is not installed ({cli} is missing). The contract tests need it: run `cd tests/tools && npm ci` "
                + "(./build.sh test does this when tests/tools/node_modules is missing).");
        }

        var failures = new List<string>();
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var port = choosePort?.Invoke(attempt) ?? FreePort();
            var output = new ConcurrentQueue<string>();
            var process = Launch(node, cli, schemaPath, port, output);
            var server = new PrismServer(process, port, output);
            try
            {
                if (await server.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false))
                {
                    server.Attempt = attempt;
                    return server;
                }

                failures.Add($"attempt {attempt}, port {port}: Prism exited with code {SafeExitCode(process)}:\n{server.RecentOutput}");
            }
            catch (TimeoutException)
            {
                failures.Add($"attempt {attempt}, port {port}: no answer within {StartTimeout.TotalSeconds} s:\n{server.RecentOutput}");
            }
            catch
            {
                server.Dispose();
                throw;
            }

            server.Dispose();
        }

        throw new InvalidOperationException("Prism did not start:\n" + string.Join("\n\n", failures));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        Console.CancelKeyPress -= OnExit;
        Kill();
        _process.Dispose();
    }

    private void OnExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting while we kill it; nothing left to stop.
        }
    }

    private async Task<bool> WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var banner = $"Prism is listening on {BaseUrl.GetLeftPart(UriPartial.Authority)}";
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // drains the output readers, so the failure message has Prism's last words
                return false;
            }

            // Prism's own banner proves the port is ours (another server may have taken it between choosing and binding);
            // the connect proves it accepts connections.
            if (_output.Any(line => line.Contains(banner, StringComparison.Ordinal)))
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
                    return !_process.HasExited;
                }
                catch (SocketException)
                {
                    // Not accepting yet; poll again.
                }
            }

            // Polling a child process's start-up: real time is the point here, there is no clock to fake.
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException();
    }

    private static Process Launch(string node, string cli, string schemaPath, int port, ConcurrentQueue<string> output)
    {
        var start = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        start.Environment["SENTRY_MANAGEMENT_TEST_HOST_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var argument in new[] { "--require", Watchdog, cli, "mock", schemaPath, "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        void Keep(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            while (output.Count > 200 && output.TryDequeue(out _))
            {
            }
        }

        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string FindNode()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe" } : ["node"];
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(n => Path.Combine(dir, n)))
            .FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException(
            "Node.js is not on PATH. The contract tests run Prism (a Node.js program) and fail without it: install Node.js "
            + "(CI installs it), then run `cd tests/tools && npm ci`.");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }
}
