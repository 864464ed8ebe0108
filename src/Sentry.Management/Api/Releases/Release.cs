using System.Text.Json;
using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>A release: a version of code deployed to an environment, with its commits, deploys and health.</summary>
public sealed class Release : SentryModel
{
    /// <summary>The numeric id, as a string.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The version identifier, such as <c>frontend@1.0.0</c> or a commit hash.</summary>
    public string? Version { get; set; }

    /// <summary>The version as Sentry displays it (package prefix and build metadata may be shortened).</summary>
    public string? ShortVersion { get; set; }

    /// <summary>The release status, such as <c>open</c> or <c>archived</c>.</summary>
    public ReleaseStatus? Status { get; set; }

    /// <summary>The version parsed into package and semantic version, when Sentry could parse it.</summary>
    public ReleaseVersionInfo? VersionInfo { get; set; }

    /// <summary>The commit reference (for example a tag) the release was made from.</summary>
    public string? Ref { get; set; }

    /// <summary>A URL pointing to the release, such as its page in the source host.</summary>
    public string? Url { get; set; }

    /// <summary>When the release went live (finalized); <see langword="null"/> while it is unreleased.</summary>
    public DateTimeOffset? DateReleased { get; set; }

    /// <summary>When Sentry created the release.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>When the release was started, if it was given.</summary>
    public DateTimeOffset? DateStarted { get; set; }

    /// <summary>Free-form data attached to the release.</summary>
    public IDictionary<string, JsonElement>? Data { get; set; }

    /// <summary>The number of new issues first seen in this release.</summary>
    public int? NewGroups { get; set; }

    /// <summary>The user who owns the release, if one was set.</summary>
    public ReleaseAuthor? Owner { get; set; }

    /// <summary>The number of commits associated with the release.</summary>
    public int? CommitCount { get; set; }

    /// <summary>The most recent commit of the release.</summary>
    public ReleaseCommit? LastCommit { get; set; }

    /// <summary>The number of deploys of the release.</summary>
    public int? DeployCount { get; set; }

    /// <summary>The most recent deploy of the release.</summary>
    public Deploy? LastDeploy { get; set; }

    /// <summary>The authors of the release's commits (Sentry users, or name and e-mail for unknown authors).</summary>
    public IReadOnlyList<ReleaseAuthor>? Authors { get; set; }

    /// <summary>The projects the release belongs to.</summary>
    public IReadOnlyList<ReleaseProject>? Projects { get; set; }

    /// <summary>When the first event of the release arrived.</summary>
    public DateTimeOffset? FirstEvent { get; set; }

    /// <summary>When the latest event of the release arrived.</summary>
    public DateTimeOffset? LastEvent { get; set; }

    /// <summary>Project-specific metadata (next/previous release) when the request was scoped to a project.</summary>
    public IDictionary<string, JsonElement>? CurrentProjectMeta { get; set; }

    /// <summary>The user agent of the tool that created the release.</summary>
    public string? UserAgent { get; set; }

    /// <summary>Adoption stage by project slug, when requested with <c>adoptionStages</c>.</summary>
    public IReadOnlyDictionary<string, ReleaseAdoptionStage>? AdoptionStages { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Release {Version}";
}

/// <summary>A release status. Values Sentry adds later read fine and keep their text.</summary>
/// <param name="Value">The status as Sentry spells it.</param>
[JsonConverter(typeof(SentryEnumConverter<ReleaseStatus>))]
public readonly record struct ReleaseStatus(string Value) : ISentryEnum<ReleaseStatus>
{
    /// <summary>The release is in use.</summary>
    public static ReleaseStatus Open { get; } = new("open");

    /// <summary>The release is archived (hidden from lists, no longer matched).</summary>
    public static ReleaseStatus Archived { get; } = new("archived");

    /// <inheritdoc />
    public static ReleaseStatus From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>A release version parsed by Sentry into package and version.</summary>
public sealed class ReleaseVersionInfo : SentryModel
{
    /// <summary>The package part, such as <c>frontend</c> of <c>frontend@1.0.0</c>.</summary>
    public string? Package { get; set; }

    /// <summary>The parsed version.</summary>
    public ReleaseSemanticVersion? Version { get; set; }

    /// <summary>The version as Sentry describes it.</summary>
    public string? Description { get; set; }

    /// <summary>The build hash, when the version is a commit hash.</summary>
    public string? BuildHash { get; set; }
}

/// <summary>The version part of a release, split into semantic-version components when it is one.</summary>
public sealed class ReleaseSemanticVersion : SentryModel
{
    /// <summary>The version text as given.</summary>
    public string? Raw { get; set; }

    /// <summary>The major number.</summary>
    public long? Major { get; set; }

    /// <summary>The minor number.</summary>
    public long? Minor { get; set; }

    /// <summary>The patch number.</summary>
    public long? Patch { get; set; }

    /// <summary>The pre-release part, such as <c>beta.1</c>.</summary>
    public string? Pre { get; set; }

    /// <summary>The build code, such as <c>7</c> of <c>1.0.0+7</c>.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? BuildCode { get; set; }

    /// <summary>How many numeric components the version has.</summary>
    public int? Components { get; set; }
}

/// <summary>A project a release belongs to, with its release-health data when requested.</summary>
public sealed class ReleaseProject : SentryModel
{
    /// <summary>The project's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The project's slug.</summary>
    public string? Slug { get; set; }

    /// <summary>The project's name.</summary>
    public string? Name { get; set; }

    /// <summary>New issues of the release in this project.</summary>
    public int? NewGroups { get; set; }

    /// <summary>The project's platform.</summary>
    public string? Platform { get; set; }

    /// <summary>The project's platforms.</summary>
    public IReadOnlyList<string>? Platforms { get; set; }

    /// <summary>Whether Sentry has session data for the release in this project.</summary>
    public bool? HasHealthData { get; set; }

    /// <summary>Release-health numbers, when requested with <c>health</c>.</summary>
    public ReleaseHealthData? HealthData { get; set; }

    /// <summary>When the release went live in this project.</summary>
    public DateTimeOffset? DateReleased { get; set; }

    /// <summary>When the release was created in this project.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>When the release was started in this project.</summary>
    public DateTimeOffset? DateStarted { get; set; }
}

/// <summary>Release-health numbers of a release in one project. Sentry sends <see langword="null"/> where it has no data.</summary>
public sealed class ReleaseHealthData : SentryModel
{
    /// <summary>Median session duration.</summary>
    public double? DurationP50 { get; set; }

    /// <summary>90th percentile session duration.</summary>
    public double? DurationP90 { get; set; }

    /// <summary>Percentage (0-100) of users who had no crash.</summary>
    public double? CrashFreeUsers { get; set; }

    /// <summary>Percentage (0-100) of sessions that did not crash.</summary>
    public double? CrashFreeSessions { get; set; }

    /// <summary>Users of the release.</summary>
    public long? TotalUsers { get; set; }

    /// <summary>Users of the release in the last 24 hours.</summary>
    public long? TotalUsers24h { get; set; }

    /// <summary>Users of the whole project in the last 24 hours.</summary>
    public long? TotalProjectUsers24h { get; set; }

    /// <summary>Sessions of the release.</summary>
    public long? TotalSessions { get; set; }

    /// <summary>Sessions of the release in the last 24 hours.</summary>
    public long? TotalSessions24h { get; set; }

    /// <summary>Sessions of the whole project in the last 24 hours.</summary>
    public long? TotalProjectSessions24h { get; set; }

    /// <summary>Share (percent) of the project's users on this release.</summary>
    public double? Adoption { get; set; }

    /// <summary>Share (percent) of the project's sessions on this release.</summary>
    public double? SessionsAdoption { get; set; }

    /// <summary>Crashed sessions.</summary>
    public long? SessionsCrashed { get; set; }

    /// <summary>Errored sessions.</summary>
    public long? SessionsErrored { get; set; }

    /// <summary>Whether Sentry has session data.</summary>
    public bool? HasHealthData { get; set; }

    /// <summary>Time series by period (such as <c>24h</c>): timestamp and count pairs.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StatsPoint>>? Stats { get; set; }
}

/// <summary>The adoption stage of a release in one project.</summary>
public sealed class ReleaseAdoptionStage : SentryModel
{
    /// <summary>The stage, such as <c>low_adoption</c>, <c>adopted</c> or <c>replaced</c>.</summary>
    public string? Stage { get; set; }

    /// <summary>When the release was adopted.</summary>
    public DateTimeOffset? Adopted { get; set; }

    /// <summary>When the release stopped being adopted.</summary>
    public DateTimeOffset? Unadopted { get; set; }
}

/// <summary>
/// A person in a release: a Sentry user (id, username and more), or only name and e-mail for commit authors
/// Sentry cannot match to a user. Sentry sends an empty object when a commit has no author.
/// </summary>
public sealed class ReleaseAuthor : SentryModel
{
    /// <summary>The user's id, when the author is a Sentry user.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>The user name, when the author is a Sentry user.</summary>
    public string? Username { get; set; }

    /// <summary>The e-mail address.</summary>
    public string? Email { get; set; }

    /// <summary>The avatar URL.</summary>
    public string? AvatarUrl { get; set; }

    /// <summary>The avatar.</summary>
    public SentryAvatar? Avatar { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"ReleaseAuthor {Name}";
}
