using System.Diagnostics;
using System.Text;

namespace Sentry.Management.Testing.Tests.SentryCli;

/// <summary>
/// Runs the real sentry-cli binary (npm <c>@sentry/cli-linux-x64</c>, installed into tests/tools by
/// <c>./build.sh test</c>) against a local Sentry, with the environment its docs name and a private home, so no
/// user configuration or repository around the test leaks in.
/// </summary>
internal sealed class SentryCliProcess(string binary, LocalSentry sentry, string workingDirectory)
{
    public const string RelativePath = "tests/tools/node_modules/@sentry/cli-linux-x64/bin/sentry-cli";

    /// <summary>The binary in this checkout, or <see langword="null"/> when npm has not installed it.</summary>
    public static string? Find()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sentry.Management.sln")))
            {
                var path = Path.Combine(directory.FullName, RelativePath);
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }

    public sealed record Result(int ExitCode, string Output, string Command);

    public async Task<Result> RunAsync(params string[] arguments)
    {
        var result = await RunOnceAsync(arguments, debug: false);
        if (result.ExitCode != 0)
        {
            // Run it again with debug logging so the failure shows every request and answer.
            var debug = await RunOnceAsync(arguments, debug: true);
            return result with { Output = result.Output + "\n--- again with SENTRY_LOG_LEVEL=debug ---\n" + debug.Output };
        }

        return result;
    }

    private async Task<Result> RunOnceAsync(string[] arguments, bool debug)
    {
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in sentry.EnvironmentVariables)
        {
            start.Environment[name] = value;
        }

        start.Environment.Remove("SENTRY_DSN");
        start.Environment["HOME"] = workingDirectory;
        start.Environment["SENTRY_DISABLE_UPDATE_CHECK"] = "true";
        start.Environment["SENTRY_LOAD_DOTENV"] = "0";
        start.Environment["SENTRY_LOG_LEVEL"] = debug ? "debug" : "warn";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("sentry-cli did not start.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sentry-cli {string.Join(' ', arguments)} did not finish within 60 s.");
        }

        output.Append(await stdout).Append(await stderr);

        // The token must never reach test output, even in sentry-cli's debug log.
        var text = output.ToString().Replace(sentry.AuthToken, "<token>", StringComparison.Ordinal);
        return new Result(process.ExitCode, text, "sentry-cli " + string.Join(' ', arguments));
    }
}
