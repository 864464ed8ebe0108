using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Sentry.Management.Testing.Host;

/// <summary>Starts a local Sentry, prints where it is as one JSON line, and runs until Ctrl+C or SIGTERM.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        HostArguments arguments;
        try
        {
            arguments = HostArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"sentry-local: {e.Message}\n\n{HostArguments.Usage}").ConfigureAwait(false);
            return 2;
        }

        if (arguments.Help)
        {
            await Console.Error.WriteLineAsync(HostArguments.Usage).ConfigureAwait(false);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            // Handled here, so the runtime does not kill the process before the server has stopped.
            context.Cancel = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        using var loggerFactory = LoggerFactory.Create(logging =>
        {
            logging.SetMinimumLevel(arguments.LogLevel switch
            {
                "trace" => LogLevel.Trace,
                "debug" => LogLevel.Debug,
                "warning" => LogLevel.Warning,
                "error" => LogLevel.Error,
                "none" => LogLevel.None,
                _ => LogLevel.Information,
            });
            // ASP.NET Core's own start-up chatter only at debug level: the server logs its address itself.
            if (arguments.LogLevel is not ("trace" or "debug"))
            {
                logging.AddFilter("Microsoft", LogLevel.Warning);
            }

            // stdout carries exactly the one JSON line; everything else goes to stderr.
            logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        });
        arguments.Options.LoggerFactory = loggerFactory;

        LocalSentry sentry;
        try
        {
            sentry = await LocalSentry.StartAsync(arguments.Options, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ArgumentException or OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"sentry-local: could not start: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (sentry.ConfigureAwait(false))
        {
            try
            {
                foreach (var fault in arguments.Faults)
                {
                    sentry.Faults.Apply(fault);
                }
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"sentry-local: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            await WriteReadyLineAsync(sentry).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: fall through to stop the server cleanly.
            }
        }

        return 0;
    }

    private static async Task WriteReadyLineAsync(LocalSentry sentry)
    {
        using var buffer = new MemoryStream();
        var json = new Utf8JsonWriter(buffer);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteString("url", sentry.Url.ToString().TrimEnd('/'));
            json.WriteString("authToken", sentry.AuthToken);
            json.WriteString("organization", sentry.Organization);
            json.WriteString("project", sentry.Project.Slug);
            json.WriteString("projectId", sentry.Project.Id);
            json.WriteString("dsn", sentry.Dsn);
            json.WriteEndObject();
        }

        var stdout = Console.OpenStandardOutput();
        buffer.WriteByte((byte)'\n');
        buffer.Position = 0;
        await buffer.CopyToAsync(stdout).ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
    }
}
