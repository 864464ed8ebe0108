using System.Globalization;
using System.Text.Json.Nodes;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Releases;

/// <summary>Sentry's release, commit, deploy and repository shapes.</summary>
internal static class ReleaseJson
{
    public static JsonObject Write(StoredRelease release, LocalServerState state)
    {
        var data = state.Data;
        var commits = release.CommitIds.Select(data.Commits.Find).OfType<StoredCommit>().ToList();
        var deploys = data.Deploys.All().Where(d => d.ReleaseId == release.Id).ToList();
        var events = data.Events.All().Where(e => e.Release == release.Version && release.ProjectIds.Contains(e.ProjectId)).ToList();
        var projects = new JsonArray();
        foreach (var project in release.ProjectIds.Select(data.Projects.Find).OfType<StoredProject>())
        {
            projects.Add((JsonNode)new JsonObject
            {
                ["id"] = int.Parse(project.Id, CultureInfo.InvariantCulture),
                ["slug"] = project.Slug,
                ["name"] = project.Name,
                ["newGroups"] = NewGroups(state, release, project.Id),
                ["platform"] = project.Platform,
                ["platforms"] = project.Platform is null ? new JsonArray() : new JsonArray(project.Platform),
                ["hasHealthData"] = data.Sessions.All().Any(s => s.ProjectId == project.Id && s.Release == release.Version),
            });
        }

        var authors = new JsonArray();
        foreach (var author in commits.Where(c => c.AuthorEmail is not null).DistinctBy(c => c.AuthorEmail))
        {
            authors.Add((JsonNode)Author(author)!);
        }

        return new JsonObject
        {
            ["id"] = long.Parse(release.Id, CultureInfo.InvariantCulture),
            ["version"] = release.Version,
            ["status"] = "open",
            ["shortVersion"] = ShortVersion(release.Version),
            ["versionInfo"] = VersionInfo(release.Version),
            ["ref"] = release.Ref,
            ["url"] = release.Url,
            ["dateReleased"] = ApiJson.Date(release.DateReleased),
            ["dateCreated"] = ApiJson.Date(release.DateCreated),
            ["dateStarted"] = ApiJson.Date(release.DateStarted),
            ["data"] = ApiJson.ParseObject(release.Data),
            ["newGroups"] = release.ProjectIds.Sum(p => NewGroups(state, release, p)),
            ["owner"] = null,
            ["commitCount"] = commits.Count,
            ["lastCommit"] = commits.Count > 0 ? Commit(commits[0], state, withReleases: false) : null,
            ["deployCount"] = deploys.Count,
            ["lastDeploy"] = deploys.Count > 0 ? Deploy(deploys.MaxBy(d => d.DateFinished)!) : null,
            ["authors"] = authors,
            ["projects"] = projects,
            ["firstEvent"] = ApiJson.Date(events.Count > 0 ? events.Min(e => e.Received) : null),
            ["lastEvent"] = ApiJson.Date(events.Count > 0 ? events.Max(e => e.Received) : null),
            ["currentProjectMeta"] = new JsonObject(),
            ["userAgent"] = null,
        };
    }

    private static int NewGroups(LocalServerState state, StoredRelease release, string projectId) =>
        state.Data.Issues.All().Count(i => i.ProjectId == projectId && i.FirstRelease == release.Version);

    /// <summary>Sentry shortens a 40-character sha and the build part of <c>package@version+build</c>.</summary>
    public static string ShortVersion(string version)
    {
        var at = version.IndexOf('@', StringComparison.Ordinal);
        var rest = at >= 0 ? version[(at + 1)..] : version;
        return rest.Length == 40 && rest.All(char.IsAsciiHexDigit) ? rest[..12] : rest;
    }

    private static JsonObject VersionInfo(string version)
    {
        var at = version.IndexOf('@', StringComparison.Ordinal);
        var package = at > 0 ? version[..at] : null;
        var raw = at > 0 ? version[(at + 1)..] : version;
        var plus = raw.IndexOf('+', StringComparison.Ordinal);
        return new JsonObject
        {
            ["package"] = package,
            ["version"] = new JsonObject { ["raw"] = raw },
            ["description"] = ShortVersion(version),
            ["buildHash"] = plus >= 0 ? raw[(plus + 1)..] : null,
        };
    }

    public static JsonObject? Author(StoredCommit commit) =>
        commit.AuthorEmail is null && commit.AuthorName is null
            ? null
            : new JsonObject { ["name"] = commit.AuthorName ?? commit.AuthorEmail, ["email"] = commit.AuthorEmail ?? "" };

    public static JsonObject Commit(StoredCommit commit, LocalServerState state, bool withReleases = true)
    {
        var json = new JsonObject
        {
            ["id"] = commit.Key,
            ["message"] = commit.Message,
            ["dateCreated"] = ApiJson.Date(commit.DateCreated),
            ["pullRequest"] = null,
            ["suspectCommitType"] = "",
            ["repository"] = state.Data.Repositories.Find(commit.RepositoryId) is { } repository ? Repository(repository) : null,
            // Sentry writes an empty object for a commit without an author.
            ["author"] = Author(commit) ?? new JsonObject(),
        };
        if (withReleases)
        {
            var releases = new JsonArray();
            foreach (var release in state.Data.Releases.All().Where(r => r.CommitIds.Contains(commit.Id)))
            {
                releases.Add((JsonNode)new JsonObject
                {
                    ["version"] = release.Version,
                    ["shortVersion"] = ShortVersion(release.Version),
                    ["ref"] = release.Ref,
                    ["url"] = release.Url,
                    ["dateReleased"] = ApiJson.Date(release.DateReleased),
                    ["dateCreated"] = ApiJson.Date(release.DateCreated),
                });
            }

            json["releases"] = releases;
        }

        return json;
    }

    public static JsonObject Repository(StoredRepository repository) => new()
    {
        ["id"] = repository.Id,
        ["name"] = repository.Name,
        ["url"] = null,
        ["provider"] = new JsonObject { ["id"] = "dummy", ["name"] = "Unknown Provider" },
        ["status"] = "active",
        ["dateCreated"] = ApiJson.Date(repository.DateCreated),
        ["integrationId"] = null,
        ["externalSlug"] = null,
        ["externalId"] = null,
    };

    public static JsonObject Deploy(StoredDeploy deploy) => new()
    {
        ["id"] = deploy.Id,
        ["environment"] = deploy.Environment,
        ["dateStarted"] = ApiJson.Date(deploy.DateStarted),
        ["dateFinished"] = ApiJson.Date(deploy.DateFinished),
        ["name"] = deploy.Name,
        ["url"] = deploy.Url,
    };
}
