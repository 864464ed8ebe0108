using System.Diagnostics;

namespace Sentry.Management.Mcp.Tests.TestSupport;

/// <summary>Where the built server is, and running it as a process (MCP_SERVER_COMMAND picks another build, such as the AOT binary).</summary>
internal static class ServerProcess
{
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sentry.Management.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Sentry.Management.sln) was not found above the test directory.");
    }

    public static string Command() =>
        Environment.GetEnvironmentVariable("MCP_SERVER_COMMAND")
        ?? Path.Combine(RepositoryRoot(), "src", "Sentry.Management.Mcp.Server", "bin", "Release", "net10.0", "sentry-management-mcp");

    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, bool clearSentryEnvironment = true)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (clearSentryEnvironment)
        {
            foreach (var name in new[] { "SENTRY_AUTH_TOKEN", "SENTRY_ACCESS_TOKEN", "SENTRY_ORG", "SENTRY_URL" })
            {
                start.Environment.Remove(name);
            }
        }

        return start;
    }

    /// <summary>Runs the server to its exit (start-up errors end it at once) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(Command(), args))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
