using System.Text.Json.Nodes;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Releases;

/// <summary>
/// Sets a release's commits from a request's <c>commits</c> (the full list, as sentry-cli <c>--local</c> sends it) or
/// <c>refs</c> (repository, commit, previous commit). With no git host to ask, a ref records its head commit as the
/// release's commit. Repositories are created the first time a commit names one.
/// </summary>
internal static class CommitRecorder
{
    /// <summary>Replaces the release's commits when the body has <c>commits</c> or <c>refs</c>; call under the data gate.</summary>
    public static void Apply(ApiContext c, StoredOrganization organization, StoredRelease release, JsonObject body)
    {
        if (body.Array("commits") is { } commits)
        {
            release.CommitIds = commits.Select(item => Record(c, organization, item as JsonObject ?? throw ApiFieldProblem.Field("commits", "Each commit must be an object.")).Id).Distinct().ToList();
        }
        else if (body.Array("refs") is { } refs)
        {
            var ids = new List<string>();
            foreach (var item in refs)
            {
                var reference = item as JsonObject ?? throw ApiFieldProblem.Field("refs", "Each ref must be an object.");
                var repository = reference.String("repository") ?? throw ApiFieldProblem.Field("refs", "Each ref needs a repository.");
                var head = reference.String("commit") ?? throw ApiFieldProblem.Field("refs", "Each ref needs a commit.");

                // previousCommit marks where the previous release ended: without a git host there is nothing between.
                ids.Add(Record(c, organization, repository, head, message: null, null, null, c.Now, []).Id);
            }

            release.CommitIds = ids.Distinct().ToList();
        }
    }

    private static StoredCommit Record(ApiContext c, StoredOrganization organization, JsonObject commit)
    {
        var sha = commit.String("id") ?? throw ApiFieldProblem.Field("commits", "Each commit needs an id.");
        var files = new List<StoredCommitFile>();
        foreach (var file in commit.Array("patch_set") ?? [])
        {
            if (file is JsonObject f && f.String("path") is { } path)
            {
                files.Add(new StoredCommitFile { Filename = path, Type = f.String("type") });
            }
        }

        return Record(c, organization, commit.String("repository") ?? "unknown", sha, commit.String("message"),
            commit.String("author_name"), commit.String("author_email"), commit.Date("timestamp") ?? c.Now, files);
    }

    private static StoredCommit Record(ApiContext c, StoredOrganization organization, string repositoryName, string sha, string? message,
        string? authorName, string? authorEmail, DateTimeOffset date, List<StoredCommitFile> files)
    {
        var repository = c.Data.Repositories.All().FirstOrDefault(r => r.OrganizationId == organization.Id && r.Name == repositoryName);
        if (repository is null)
        {
            repository = new StoredRepository { Id = c.Data.NextId("repository"), OrganizationId = organization.Id, Name = repositoryName, DateCreated = c.Now };
            c.Data.Repositories.Upsert(repository);
        }

        var commit = c.Data.Commits.All().FirstOrDefault(x => x.RepositoryId == repository.Id && x.Key == sha);
        if (commit is null)
        {
            commit = new StoredCommit { Id = c.Data.NextId("commit"), OrganizationId = organization.Id, RepositoryId = repository.Id, Key = sha, DateCreated = date };
        }

        // A later, fuller description of the same commit (from --local after a --commit) wins.
        commit.Message = message ?? commit.Message;
        commit.AuthorName = authorName ?? commit.AuthorName;
        commit.AuthorEmail = authorEmail ?? commit.AuthorEmail;
        commit.Files = files.Count > 0 ? files : commit.Files;
        c.Data.Commits.Upsert(commit);
        return commit;
    }
}
