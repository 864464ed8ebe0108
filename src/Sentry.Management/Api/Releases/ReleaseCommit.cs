using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>A commit associated with a release.</summary>
public sealed class ReleaseCommit : SentryModel
{
    /// <summary>The commit SHA.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The commit message.</summary>
    public string? Message { get; set; }

    /// <summary>When the commit was made.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>The pull request that merged the commit, if Sentry knows it.</summary>
    public ReleasePullRequest? PullRequest { get; set; }

    /// <summary>Why the commit is a suspect commit, or empty.</summary>
    public string? SuspectCommitType { get; set; }

    /// <summary>The repository of the commit.</summary>
    public ReleaseRepository? Repository { get; set; }

    /// <summary>The commit's author (empty when unknown).</summary>
    public ReleaseAuthor? Author { get; set; }

    /// <summary>The releases that contain the commit.</summary>
    public IReadOnlyList<ReleaseReference>? Releases { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"ReleaseCommit {Id}";
}

/// <summary>A pull request of a commit.</summary>
public sealed class ReleasePullRequest : SentryModel
{
    /// <summary>The pull request's number or id on the source host.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The title.</summary>
    public string? Title { get; set; }

    /// <summary>The description.</summary>
    public string? Message { get; set; }

    /// <summary>When it was opened.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>When it was merged.</summary>
    public DateTimeOffset? MergedAt { get; set; }

    /// <summary>Its state, such as <c>merged</c>, <c>open</c>, <c>closed</c> or <c>draft</c>.</summary>
    public string? Status { get; set; }

    /// <summary>The repository.</summary>
    public ReleaseRepository? Repository { get; set; }

    /// <summary>The author.</summary>
    public ReleaseAuthor? Author { get; set; }

    /// <summary>The pull request's page on the source host.</summary>
    public string? ExternalUrl { get; set; }
}

/// <summary>A source repository connected to Sentry.</summary>
public sealed class ReleaseRepository : SentryModel
{
    /// <summary>The repository's id in Sentry.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The repository name, such as <c>owner/repo</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The repository's URL.</summary>
    public string? Url { get; set; }

    /// <summary>The integration that provides it (id such as <c>integrations:github</c>, and name).</summary>
    public ReleaseRepositoryProvider? Provider { get; set; }

    /// <summary>The repository status, such as <c>active</c>.</summary>
    public string? Status { get; set; }

    /// <summary>When it was connected.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>The integration's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? IntegrationId { get; set; }

    /// <summary>The repository's slug on the source host.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ExternalSlug { get; set; }

    /// <summary>The repository's id on the source host.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ExternalId { get; set; }
}

/// <summary>The integration that provides a repository.</summary>
public sealed class ReleaseRepositoryProvider : SentryModel
{
    /// <summary>The provider id, such as <c>integrations:github</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The provider name, such as <c>GitHub</c>.</summary>
    public string? Name { get; set; }
}

/// <summary>A short reference to a release, as embedded in commits.</summary>
public sealed class ReleaseReference : SentryModel
{
    /// <summary>The version identifier.</summary>
    public string? Version { get; set; }

    /// <summary>The version as Sentry displays it.</summary>
    public string? ShortVersion { get; set; }

    /// <summary>The commit reference.</summary>
    public string? Ref { get; set; }

    /// <summary>The release's URL.</summary>
    public string? Url { get; set; }

    /// <summary>When the release went live.</summary>
    public DateTimeOffset? DateReleased { get; set; }

    /// <summary>When the release was created.</summary>
    public DateTimeOffset? DateCreated { get; set; }
}

/// <summary>A file changed by one of a release's commits.</summary>
public sealed class ReleaseCommitFile : SentryModel
{
    /// <summary>The change's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The organization's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? OrgId { get; set; }

    /// <summary>The commit's author.</summary>
    public ReleaseAuthor? Author { get; set; }

    /// <summary>The commit message.</summary>
    public string? CommitMessage { get; set; }

    /// <summary>The path of the file.</summary>
    public string? Filename { get; set; }

    /// <summary>The change: <c>A</c> (added), <c>M</c> (modified) or <c>D</c> (deleted).</summary>
    public string? Type { get; set; }

    /// <summary>The repository name.</summary>
    public string? RepoName { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"ReleaseCommitFile {Type} {Filename}";
}

/// <summary>A deploy of a release to an environment.</summary>
public sealed class Deploy : SentryModel
{
    /// <summary>The deploy's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The environment, such as <c>production</c>.</summary>
    public string? Environment { get; set; }

    /// <summary>The deploy's name.</summary>
    public string? Name { get; set; }

    /// <summary>A URL pointing to the deploy (for example the CI run).</summary>
    public string? Url { get; set; }

    /// <summary>When the deploy started.</summary>
    public DateTimeOffset? DateStarted { get; set; }

    /// <summary>When the deploy finished.</summary>
    public DateTimeOffset? DateFinished { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Deploy {Environment} {Name}";
}
