using System.Text.Json.Serialization;

namespace Sentry.Management;

/// <summary>A new release. Only the properties that are set are sent.</summary>
public sealed class ReleaseCreate
{
    /// <summary>The version identifier (required), such as <c>my-app@1.2.3+45</c> or a commit SHA.</summary>
    public required string Version { get; set; }

    /// <summary>The slugs of the projects the release belongs to (required, at least one).</summary>
    public required IReadOnlyList<string> Projects { get; set; }

    /// <summary>A commit reference, such as a tag, when the version is not a commit.</summary>
    public string? Ref { get; set; }

    /// <summary>A URL pointing to the release, such as its page on the source host.</summary>
    public Uri? Url { get; set; }

    /// <summary>When the release went live. Setting it finalizes the release; leave it unset to finalize later.</summary>
    public DateTimeOffset? DateReleased { get; set; }

    /// <summary>Commits to associate, when Sentry has no repository integration to read them from.</summary>
    public IReadOnlyList<ReleaseCommitData>? Commits { get; set; }

    /// <summary>Head commits per repository, from which Sentry reads the commit range through its repository integration.</summary>
    public IReadOnlyList<ReleaseRef>? Refs { get; set; }

    /// <summary>The status: <c>open</c> (default) or <c>archived</c>.</summary>
    public ReleaseStatus? Status { get; set; }

    /// <summary>The user name of the user to make the release's owner.</summary>
    public string? Owner { get; set; }
}

/// <summary>Changes to a release. Only the properties that are set are sent.</summary>
public sealed class ReleaseUpdate
{
    /// <summary>A commit reference, such as a tag.</summary>
    public string? Ref { get; set; }

    /// <summary>A URL pointing to the release.</summary>
    public Uri? Url { get; set; }

    /// <summary>When the release went live; setting it finalizes the release.</summary>
    public DateTimeOffset? DateReleased { get; set; }

    /// <summary>Commits to associate with the release.</summary>
    public IReadOnlyList<ReleaseCommitData>? Commits { get; set; }

    /// <summary>Head commits per repository to associate the commit range with the release.</summary>
    public IReadOnlyList<ReleaseRef>? Refs { get; set; }
}

/// <summary>A commit sent with a release, as sentry-cli sends it when it reads the local git history.</summary>
public sealed class ReleaseCommitData
{
    /// <summary>The commit SHA (required, at most 64 characters).</summary>
    public required string Id { get; set; }

    /// <summary>The repository name as connected in Sentry, such as <c>owner/repo</c>.</summary>
    public string? Repository { get; set; }

    /// <summary>The commit message.</summary>
    public string? Message { get; set; }

    /// <summary>The author's name.</summary>
    [JsonPropertyName("author_name")]
    public string? AuthorName { get; set; }

    /// <summary>The author's e-mail, used to match the author to a Sentry user.</summary>
    [JsonPropertyName("author_email")]
    public string? AuthorEmail { get; set; }

    /// <summary>When the commit was made.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The files the commit changed.</summary>
    [JsonPropertyName("patch_set")]
    public IReadOnlyList<ReleaseCommitPatch>? PatchSet { get; set; }
}

/// <summary>A file changed by a commit.</summary>
public sealed class ReleaseCommitPatch
{
    /// <summary>The file's path.</summary>
    public required string Path { get; set; }

    /// <summary>The change: <c>A</c> (added), <c>M</c> (modified) or <c>D</c> (deleted).</summary>
    public required string Type { get; set; }
}

/// <summary>The head commit of one repository in a release (and optionally the previous release's head).</summary>
public sealed class ReleaseRef
{
    /// <summary>The repository name as connected in Sentry (for GitLab, the group name rather than the slug).</summary>
    public required string Repository { get; set; }

    /// <summary>The release's head commit SHA.</summary>
    public required string Commit { get; set; }

    /// <summary>The previous release's head commit SHA; send it the first time commits are set for a repository.</summary>
    public string? PreviousCommit { get; set; }
}

/// <summary>A new deploy of a release. Only the properties that are set are sent.</summary>
public sealed class DeployCreate
{
    /// <summary>The environment deployed to (required), such as <c>production</c>.</summary>
    public required string Environment { get; set; }

    /// <summary>A name for the deploy.</summary>
    public string? Name { get; set; }

    /// <summary>A URL pointing to the deploy, such as the CI run.</summary>
    public Uri? Url { get; set; }

    /// <summary>When the deploy started.</summary>
    public DateTimeOffset? DateStarted { get; set; }

    /// <summary>When the deploy finished; Sentry uses the current time when it is not set.</summary>
    public DateTimeOffset? DateFinished { get; set; }

    /// <summary>The slugs of the projects to create the deploy in; all of the release's projects when not set.</summary>
    public IReadOnlyList<string>? Projects { get; set; }
}
