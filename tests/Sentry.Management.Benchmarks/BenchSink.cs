using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Benchmarks;

/// <summary>
/// The delivery probes' ingestion endpoint: the tests' <see cref="LoopbackSink"/> (parse off), either in this process
/// (the rig of the first eight rounds: its CPU lands in the process CPU measured for each SDK) or in a child process
/// of its own, as Sentry's ingestion is in production (the app's process CPU is then the SDK and its HTTP alone, and
/// the sink's CPU is read from the child and reported beside it).
/// </summary>
internal abstract class BenchSink : IAsyncDisposable
{
    /// <summary>Where the sink runs: set once from the command line (<c>--sink process</c>).</summary>
    public static bool OutOfProcess { get; set; }

    public abstract int Port { get; }

    public string Dsn(string key = "loopbackkey") => LoopbackSink.DsnFor(Port, key);

    public abstract Task ResetCountsAsync();

    public abstract Task<(long Envelopes, long Bytes)> CountsAsync();

    /// <summary>CPU time the sink has used outside this process so far; zero when it runs inside it.</summary>
    public abstract TimeSpan ExternalCpu();

    public abstract ValueTask DisposeAsync();

    public static async Task<BenchSink> StartAsync(TimeSpan latency) =>
        OutOfProcess ? await ChildSink.LaunchAsync(latency).ConfigureAwait(false) : new InProcessSink(new LoopbackSink(parse: false, latency: latency));

    /// <summary>
    /// The child's side (<c>--sink-server [latency ms]</c>): prints <c>port N</c>, then answers one command per line
    /// on stdin (<c>reset</c>, <c>counts</c>) until stdin closes.
    /// </summary>
    public static async Task ServeAsync(TimeSpan latency)
    {
        await using var sink = new LoopbackSink(parse: false, latency: latency);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"port {sink.Port}"));
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            switch (line)
            {
                case "reset":
                    sink.ResetCounts();
                    Console.Out.WriteLine("ok");
                    break;
                case "counts":
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sink.AcceptedEnvelopes} {sink.AcceptedBytes}"));
                    break;
                default:
                    Console.Out.WriteLine("unknown command");
                    break;
            }

            Console.Out.Flush();
        }
    }

    private sealed class InProcessSink(LoopbackSink sink) : BenchSink
    {
        public override int Port => sink.Port;

        public override Task ResetCountsAsync()
        {
            sink.ResetCounts();
            return Task.CompletedTask;
        }

        public override Task<(long Envelopes, long Bytes)> CountsAsync() => Task.FromResult((sink.AcceptedEnvelopes, sink.AcceptedBytes));

        public override TimeSpan ExternalCpu() => TimeSpan.Zero;

        public override ValueTask DisposeAsync() => sink.DisposeAsync();
    }

    private sealed class ChildSink : BenchSink
    {
        private readonly Process _process;
        private readonly SemaphoreSlim _gate = new(1, 1);

        private ChildSink(Process process, int port)
        {
            _process = process;
            Port = port;
        }

        public override int Port { get; }

        public static async Task<ChildSink> LaunchAsync(TimeSpan latency)
        {
            // Run the same program again: under `dotnet x.dll` the host is dotnet and the program its entry assembly.
            var host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path to start the sink with.");
            var entry = Assembly.GetEntryAssembly()?.Location;
            var info = new ProcessStartInfo(host)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            if (Path.GetFileNameWithoutExtension(host) == "dotnet" && !string.IsNullOrEmpty(entry))
            {
                info.ArgumentList.Add(entry);
            }

            info.ArgumentList.Add("--sink-server");
            info.ArgumentList.Add(latency.TotalMilliseconds.ToString(CultureInfo.InvariantCulture));
            var process = Process.Start(info) ?? throw new InvalidOperationException("The sink process did not start.");
            var first = await process.StandardOutput.ReadLineAsync().ConfigureAwait(false);
            if (first is null || !first.StartsWith("port ", StringComparison.Ordinal))
            {
                process.Kill();
                throw new InvalidOperationException($"The sink process said '{first}' instead of its port.");
            }

            return new ChildSink(process, int.Parse(first.AsSpan(5), CultureInfo.InvariantCulture));
        }

        public override async Task ResetCountsAsync() => await AskAsync("reset").ConfigureAwait(false);

        public override async Task<(long Envelopes, long Bytes)> CountsAsync()
        {
            var answer = await AskAsync("counts").ConfigureAwait(false);
            var parts = answer.Split(' ');
            return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        public override TimeSpan ExternalCpu()
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }

        public override async ValueTask DisposeAsync()
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }

            _process.Dispose();
            _gate.Dispose();
        }

        private async Task<string> AskAsync(string command)
        {
            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                await _process.StandardInput.WriteLineAsync(command).ConfigureAwait(false);
                await _process.StandardInput.FlushAsync().ConfigureAwait(false);
                return await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The sink process exited on '{command}'.");
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
