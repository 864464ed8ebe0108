using System.Diagnostics;
using System.Text.Json;

namespace Sentry.Management.Tests.Capture.Support;

/// <summary>
/// Sentry's Spotlight sidecar (npm <c>@spotlightjs/spotlight</c> from tests/tools), started on 127.0.0.1 with a
/// free port and stopped (SIGTERM, then killed after a grace period) when disposed.
/// </summary>
public sealed class SpotlightSidecar : IAsyncDisposable
{
    private readonly Process _process;

    private SpotlightSidecar(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Dsn => $"http://spotlightkey@127.0.0.1:{Port}/1";

    /// <summary>Starts the sidecar or fails the test with what is missing (CI installs node and the package).</summary>
    public static async Task<SpotlightSidecar> StartAsync()
    {
        var tools = FindToolsFolder();
        var package = Path.Combine(tools, "node_modules", "@spotlightjs", "spotlight", "package.json");
        if (!File.Exists(package))
        {
            Assert.Fail($"Spotlight is not installed: {package} is missing. Run `npm ci` in {tools} (./build.sh test does).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--require", "./loopback-only.cjs", "spotlight-server.mjs", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"Node.js is needed for the Spotlight test but `node` could not be started: {ex.Message}");
            throw;
        }

        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("SPOTLIGHT_LISTENING ", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ');
                    Assert.That(parts[1], Is.EqualTo("127.0.0.1"), "Spotlight must listen on loopback only");
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return new SpotlightSidecar(process, int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        process.Kill(entireProcessTree: true);
        Assert.Fail("Spotlight did not report its port within 30 s: " + await errors);
        throw new InvalidOperationException();
    }

    /// <summary>
    /// Reads Spotlight's <c>/stream</c> (the buffer, then live) until <paramref name="done"/> is satisfied by the
    /// envelopes seen so far; each envelope is <c>[header, [[itemHeader, payload], ...]]</c> as Spotlight parsed it.
    /// </summary>
    public async Task<List<JsonElement>> ReadStreamUntilAsync(Func<List<JsonElement>, bool> done, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var cts = new CancellationTokenSource(timeout);
        var envelopes = new List<JsonElement>();
        try
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{Port}/stream", HttpCompletionOption.ResponseHeadersRead, cts.Token);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
            while (await reader.ReadLineAsync(cts.Token) is { } line)
            {
                if (!line.StartsWith("data:", StringComparison.Ordinal))
                {
                    continue;
                }

                envelopes.Add(JsonDocument.Parse(line["data:".Length..]).RootElement.Clone());
                if (done(envelopes))
                {
                    return envelopes;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return envelopes;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            if (!OperatingSystem.IsWindows())
            {
                // SIGTERM first: Spotlight begins a graceful shutdown; it is killed if it takes too long.
                using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await term.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private static string FindToolsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "tools");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        Assert.Fail("tests/tools (with package.json) was not found above " + AppContext.BaseDirectory);
        throw new InvalidOperationException();
    }
}
