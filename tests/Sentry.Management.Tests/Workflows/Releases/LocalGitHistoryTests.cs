using Sentry.Management.Tests.TestSupport;
using Sentry.Management.Workflows.Releases;

namespace Sentry.Management.Tests.Workflows.Releases;

/// <summary>Reading commits from a real git checkout made in a temporary folder, as <c>set-commits --local</c> does.</summary>
public class LocalGitHistoryTests
{
    private TempGitRepository _git = null!;

    private string Repo => _git.Path;

    [SetUp]
    public void CreateRepository() => _git = new TempGitRepository("git@github.com:acme/backend.git");

    [TearDown]
    public void DeleteRepository() => _git.Dispose();

    [Test]
    public async Task Reads_the_commits_since_the_previous_release_newest_first()
    {
        var first = Commit("Initial commit", "Ann", "ann@example.com");
        var second = Commit("Fix the checkout\n\nLonger body.", "Bob", "bob@example.com");
        var third = Commit("Add retries", "Ann", "ann@example.com");

        var read = await new LocalGitHistory(Repo).ReadAsync(first, maxCommits: 20, repositoryName: null, CancellationToken.None);

        Assert.That(read.Repository, Is.EqualTo("acme/backend"));
        Assert.That(read.Head, Is.EqualTo(third));
        Assert.That(read.PreviousCommitFound, Is.True);
        Assert.That(read.Commits.Select(c => c.Id), Is.EqualTo(new[] { third, second }));
        var fix = read.Commits[1];
        Assert.That(fix.Message, Is.EqualTo("Fix the checkout\n\nLonger body."));
        Assert.That(fix.AuthorName, Is.EqualTo("Bob"));
        Assert.That(fix.AuthorEmail, Is.EqualTo("bob@example.com"));
        Assert.That(fix.Repository, Is.EqualTo("acme/backend"));
        Assert.That(fix.Timestamp, Is.Not.Null);
    }

    [Test]
    public async Task Without_a_previous_release_reads_the_last_commits_up_to_the_cap()
    {
        Commit("One", "Ann", "ann@example.com");
        Commit("Two", "Ann", "ann@example.com");
        var three = Commit("Three", "Ann", "ann@example.com");

        var read = await new LocalGitHistory(Repo).ReadAsync(sinceCommit: null, maxCommits: 2, repositoryName: "acme/override", CancellationToken.None);

        Assert.That(read.Commits, Has.Count.EqualTo(2));
        Assert.That(read.Commits[0].Id, Is.EqualTo(three));
        Assert.That(read.Repository, Is.EqualTo("acme/override"));
        Assert.That(read.PreviousCommitFound, Is.False);
    }

    [Test]
    public async Task A_previous_commit_missing_from_a_shallow_history_is_reported_not_guessed()
    {
        Commit("One", "Ann", "ann@example.com");

        var read = await new LocalGitHistory(Repo).ReadAsync("0123456789abcdef0123456789abcdef01234567", maxCommits: 20, repositoryName: null, CancellationToken.None);

        Assert.That(read.PreviousCommitFound, Is.False);
        Assert.That(read.Commits, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_folder_outside_any_checkout_gets_a_clear_error()
    {
        var outside = Path.Combine(Path.GetTempPath(), "sm-nogit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            var e = Assert.ThrowsAsync<InvalidOperationException>(() => new LocalGitHistory(outside).ReadAsync(null, 20, null, CancellationToken.None));
            Assert.That(e!.Message, Does.Contain("not inside a git checkout"));
        }
        finally
        {
            Directory.Delete(outside);
        }
    }

    [Test]
    public void A_missing_git_program_says_to_install_git_or_give_the_commits()
    {
        var e = Assert.ThrowsAsync<InvalidOperationException>(() => new LocalGitHistory(Repo, gitExecutable: "git-that-does-not-exist").ReadAsync(null, 20, null, CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("needs git on PATH"));
    }

    [TestCase("https://github.com/acme/backend.git", "acme/backend")]
    [TestCase("https://github.com/acme/backend", "acme/backend")]
    [TestCase("git@github.com:acme/backend.git", "acme/backend")]
    [TestCase("ssh://git@gitlab.example.com:2222/group/sub/backend.git", "group/sub/backend")]
    [TestCase("https://token@github.com/acme/backend.git", "acme/backend")]
    [TestCase("/srv/git/backend.git", null)]
    [TestCase("", null)]
    public void Names_the_repository_from_its_remote(string url, string? expected) =>
        Assert.That(LocalGitHistory.RepositoryNameFromRemote(url), Is.EqualTo(expected));

    private string Commit(string message, string author, string email) => _git.Commit(message, author, email);
}
