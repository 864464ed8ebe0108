using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.SentryCli;

/// <summary>
/// A client no one here wrote: the sentry-cli binary creates a release, sets its commits, records a deploy and
/// finalizes it against the local Sentry, and our client reads all of it back.
/// </summary>
[Category("SentryCli")]
public sealed class SentryCliReleaseTests
{
    private const string Sha = "62aaca3ed186edc7671b4cca0ab6ec53cb7de8b5";
    private const string PreviousSha = "f9c8b7a6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0";

    private string _home = null!;

    [SetUp]
    public void CreateHome() => _home = Directory.CreateTempSubdirectory("sentry-cli-").FullName;

    [TearDown]
    public void DeleteHome() => Directory.Delete(_home, recursive: true);

    [Test]
    public async Task Sentry_cli_creates_commits_deploys_and_finalizes_a_release_that_our_client_reads_back()
    {
        var binary = SentryCliProcess.Find();
        if (binary is null)
        {
            Assert.Ignore($"sentry-cli is not installed at {SentryCliProcess.RelativePath}: run ./build.sh test (npm ci in tests/tools) to install it.");
        }

        await using var sentry = await LocalSentry.StartAsync();
        var cli = new SentryCliProcess(binary, sentry, _home);
        const string version = "app@2.0.0";

        // --commit names a repository Sentry knows: add it as a user would in the repository settings.
        using (var http = new TestSupport.LocalSentryHttp(sentry))
        {
            var (status, body) = await http.SendJsonAsync(HttpMethod.Post, $"/api/0/organizations/{sentry.Organization}/repos/", """{"name":"acme/app"}""");
            Assert.That(status, Is.EqualTo(201), body.ToString());
        }

        var steps = new[]
        {
            new[] { "info" },
            ["releases", "new", version],
            ["releases", "set-commits", version, "--commit", $"acme/app@{PreviousSha}..{Sha}"],
            ["deploys", "new", "--release", version, "-e", "production", "-n", "cli deploy"],
            ["releases", "finalize", version],
            ["releases", "list"],
        };
        var outputs = new List<SentryCliProcess.Result>();
        foreach (var step in steps)
        {
            var result = await cli.RunAsync(step);
            outputs.Add(result);
            Assert.That(result.ExitCode, Is.EqualTo(0), $"{result.Command} failed:\n{result.Output}");
        }

        var read = await OurClient.ReadReleaseAsync(sentry, version);

        Assert.Multiple(() =>
        {
            Assert.That(outputs[0].Output, Does.Contain(sentry.Url.ToString().TrimEnd('/')).And.Contain("org:admin"), "info reads the API root: who the token is and its scopes");
            Assert.That(outputs[^1].Output, Does.Contain(version), "releases list shows the release");
            Assert.That(read.Release.Version, Is.EqualTo(version));
            Assert.That(read.Release.DateReleased, Is.Not.Null, "finalized");
            Assert.That(read.Release.Projects!.Select(p => p.Slug), Is.EqualTo(new[] { sentry.Project.Slug }));
            Assert.That(read.Release.CommitCount, Is.EqualTo(1));
            Assert.That(read.Release.LastCommit?.Id, Is.EqualTo(Sha));
            Assert.That(read.Commits.Select(c => c.Id), Is.EqualTo(new[] { Sha }));
            Assert.That(read.Release.DeployCount, Is.EqualTo(1));
            Assert.That(read.Deploys.Select(d => (d.Environment, d.Name)), Is.EqualTo(new[] { ("production", "cli deploy") }));
            Assert.That(read.Listed.Select(r => r.Version), Does.Contain(version));
        });
    }

    [Test]
    public async Task Sentry_cli_set_commits_local_sends_the_git_history_that_our_client_reads_back()
    {
        var binary = SentryCliProcess.Find();
        if (binary is null)
        {
            Assert.Ignore($"sentry-cli is not installed at {SentryCliProcess.RelativePath}: run ./build.sh test (npm ci in tests/tools) to install it.");
        }

        // A repository of our own, so --local reads commits we wrote (offline: the remote is never contacted).
        var repository = Path.Combine(_home, "repo");
        Directory.CreateDirectory(repository);
        await Git(repository, "init", "-q", "-b", "main");
        await Git(repository, "remote", "add", "origin", "https://github.com/acme/app.git");
        File.WriteAllText(Path.Combine(repository, "Program.cs"), "// one");
        await Git(repository, "add", "Program.cs");
        await Git(repository, "-c", "user.name=Dev", "-c", "user.email=dev@local.test", "commit", "-q", "-m", "Add the program");

        await using var sentry = await LocalSentry.StartAsync();
        var cli = new SentryCliProcess(binary, sentry, repository);
        const string version = "app@3.0.0";
        foreach (var step in new[] { new[] { "releases", "new", version }, ["releases", "set-commits", version, "--local"] })
        {
            var result = await cli.RunAsync(step);
            Assert.That(result.ExitCode, Is.EqualTo(0), $"{result.Command} failed:\n{result.Output}");
        }

        var read = await OurClient.ReadReleaseAsync(sentry, version);

        Assert.Multiple(() =>
        {
            Assert.That(read.Commits, Has.Count.EqualTo(1));
            Assert.That(read.Commits[0].Message, Does.Contain("Add the program"));
            Assert.That(read.Commits[0].Id, Has.Length.EqualTo(40));
            Assert.That(read.Release.CommitCount, Is.EqualTo(1));
            Assert.That(read.Release.Authors?.Select(a => a.Email), Is.EqualTo(new[] { "dev@local.test" }));
        });
    }

    private static async Task Git(string directory, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Assert.Ignore($"git is not usable here ({string.Join(' ', arguments)}: {error}); the --local variant needs it.");
        }
    }
}
