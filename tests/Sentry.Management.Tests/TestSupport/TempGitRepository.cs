using System.Diagnostics;

namespace Sentry.Management.Tests.TestSupport;

/// <summary>A real git checkout in a temporary folder with an <c>origin</c> remote, deleted on dispose.</summary>
internal sealed class TempGitRepository : IDisposable
{
    internal TempGitRepository(string origin = "git@github.com:acme/api.git")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sm-git-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Git("init", "-q", "-b", "main");
        Git("remote", "add", "origin", origin);
    }

    internal string Path { get; }

    /// <summary>Commits a change and returns its SHA.</summary>
    internal string Commit(string message, string author = "Ann", string email = "ann@example.com")
    {
        File.AppendAllText(System.IO.Path.Combine(Path, "file.txt"), message + "\n");
        Git("add", "file.txt");
        Git("-c", $"user.name={author}", "-c", $"user.email={email}", "commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    internal string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"git {string.Join(' ', arguments)}: {error}");
        return output;
    }

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal); // git's object files are read-only
        }

        Directory.Delete(Path, recursive: true);
    }
}
