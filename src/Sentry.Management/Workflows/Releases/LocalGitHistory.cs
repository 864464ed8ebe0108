using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Sentry.Management.Workflows.Releases;

/// <summary>
/// Reads the commits of a local git checkout, as <c>sentry-cli releases set-commits --local</c> does: the repository
/// name from the <c>origin</c> remote, <c>HEAD</c>, and the commits since the previous release's last commit.
/// </summary>
/// <remarks>
/// It runs the <c>git</c> program rather than parsing <c>.git</c>: packed refs, worktrees, shallow clones and
/// alternates all behave exactly as the developer's own git sees them, and no native library ships with the package.
/// </remarks>
internal sealed class LocalGitHistory
{
    private const char FieldSeparator = '\u001f';
    private const char RecordSeparator = '\u001e';

    private readonly string _path;
    private readonly string _git;

    /// <param name="path">A folder inside the checkout.</param>
    /// <param name="gitExecutable">The git program; <c>git</c> from PATH by default.</param>
    internal LocalGitHistory(string path, string gitExecutable = "git")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        _git = gitExecutable;
    }

    /// <summary>Reads HEAD, the repository name and the commits after <paramref name="sinceCommit"/> (newest first).</summary>
    /// <param name="sinceCommit">The last commit of the previous release; <see langword="null"/> when there is none.</param>
    /// <param name="maxCommits">The most commits to read; without a previous commit, the last this many.</param>
    /// <param name="repositoryName">The repository as Sentry knows it (<c>owner/repo</c>); read from the <c>origin</c> remote when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read (git is stopped).</param>
    /// <returns>The commits, and whether the previous commit was found in the local history.</returns>
    /// <exception cref="InvalidOperationException">git is missing, the folder is not a checkout, or the name cannot be found; the message says what to do.</exception>
    internal async Task<LocalGitCommits> ReadAsync(string? sinceCommit, int maxCommits, string? repositoryName, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCommits, 1);
        var head = (await RunAsync(["rev-parse", "HEAD"], cancellationToken).ConfigureAwait(false)).Trim();
        var repository = repositoryName ?? RepositoryNameFromRemote(await RemoteUrlAsync(cancellationToken).ConfigureAwait(false))
            ?? throw new InvalidOperationException($"The git checkout at '{_path}' has no 'origin' remote to name the repository: pass the repository name (owner/repo) as Sentry's integration knows it.");

        var previousFound = false;
        var range = "HEAD";
        if (!string.IsNullOrWhiteSpace(sinceCommit))
        {
            previousFound = await ContainsAsync(sinceCommit, cancellationToken).ConfigureAwait(false);
            if (previousFound)
            {
                range = sinceCommit + "..HEAD";
            }
        }

        var log = await RunAsync(["log", "--no-color", "-n", maxCommits.ToString(CultureInfo.InvariantCulture), "--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%B%x1e", range], cancellationToken).ConfigureAwait(false);
        var commits = new List<ReleaseCommitData>();
        foreach (var record in log.Split(RecordSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = record.Split(FieldSeparator);
            if (fields.Length < 5)
            {
                continue;
            }

            commits.Add(new ReleaseCommitData
            {
                Id = fields[0],
                Repository = repository,
                AuthorName = fields[1],
                AuthorEmail = fields[2],
                Timestamp = DateTimeOffset.Parse(fields[3], CultureInfo.InvariantCulture),
                Message = fields[4].TrimEnd(),
            });
        }

        return new LocalGitCommits(repository, head, commits, previousFound);
    }

    /// <summary>
    /// The <c>owner/repo</c> name of a remote URL in any form git accepts: <c>https://host/owner/repo.git</c>,
    /// <c>git@host:owner/repo.git</c>, <c>ssh://git@host:22/owner/repo</c>; nested groups (GitLab) are kept.
    /// </summary>
    internal static string? RepositoryNameFromRemote(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        string path;
        if (url.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                return null;
            }

            path = uri.AbsolutePath;
        }
        else if (url.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && !url.StartsWith('/'))
        {
            path = url[(colon + 1)..]; // scp-like: git@github.com:owner/repo.git
        }
        else
        {
            return null; // a local path: no hosted repository to name
        }

        path = path.Trim('/');
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^4];
        }

        return path.Contains('/', StringComparison.Ordinal) ? Uri.UnescapeDataString(path) : null;
    }

    private async Task<string?> RemoteUrlAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await RunAsync(["config", "--get", "remote.origin.url"], cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (GitCommandException)
        {
            return null; // git config exits 1 when the key is missing
        }
    }

    private async Task<bool> ContainsAsync(string commit, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(["cat-file", "-e", commit + "^{commit}"], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (GitCommandException)
        {
            return false;
        }
    }

    private async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_git)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _path,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(_path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The user's pager or locale must not change what we parse.
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["LC_ALL"] = "C";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("git could not be started.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Reading commits from the local repository needs git on PATH ({e.Message}). Install git, or give the commits explicitly.", e);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            throw new InvalidOperationException($"The folder '{_path}' does not exist.", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var text = await output.ConfigureAwait(false);
            var message = (await error.ConfigureAwait(false)).Trim();
            if (process.ExitCode != 0)
            {
                if (message.Contains("not a git repository", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"'{_path}' is not inside a git checkout, so there are no local commits to read.");
                }

                throw new GitCommandException($"git {arguments[0]} failed with exit code {process.ExitCode}: {message}");
            }

            return text;
        }
    }
}

/// <summary>The commits read from a local checkout.</summary>
/// <param name="Repository">The repository name (<c>owner/repo</c>).</param>
/// <param name="Head">The commit checked out.</param>
/// <param name="Commits">The commits, newest first.</param>
/// <param name="PreviousCommitFound">Whether the previous release's commit was in the local history (a shallow clone may miss it).</param>
internal sealed record LocalGitCommits(string Repository, string Head, IReadOnlyList<ReleaseCommitData> Commits, bool PreviousCommitFound);

/// <summary>A git command that ran and failed.</summary>
internal sealed class GitCommandException(string message) : InvalidOperationException(message);
