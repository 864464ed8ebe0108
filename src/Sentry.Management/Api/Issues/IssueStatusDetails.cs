using System.Text.Json;

namespace Sentry.Management;

/// <summary>Details of an issue's resolution or archival.</summary>
public sealed class IssueStatusDetails : SentryModel
{
    /// <summary>Resolved in the next release.</summary>
    public bool? InNextRelease { get; set; }

    /// <summary>Resolved in this release version.</summary>
    public string? InRelease { get; set; }

    /// <summary>Resolved in a commit.</summary>
    public JsonElement? InCommit { get; set; }

    /// <summary>Archived for this many minutes.</summary>
    public int? IgnoreDuration { get; set; }

    /// <summary>Archived until it occurs this many times (in <see cref="IgnoreWindow"/> minutes).</summary>
    public int? IgnoreCount { get; set; }

    /// <summary>The window of <see cref="IgnoreCount"/>, in minutes.</summary>
    public int? IgnoreWindow { get; set; }

    /// <summary>Archived until it affects this many users (in <see cref="IgnoreUserWindow"/> minutes).</summary>
    public int? IgnoreUserCount { get; set; }

    /// <summary>The window of <see cref="IgnoreUserCount"/>, in minutes.</summary>
    public int? IgnoreUserWindow { get; set; }

    /// <summary>Archived until this time.</summary>
    public DateTimeOffset? IgnoreUntil { get; set; }

    /// <summary>Who archived or resolved it.</summary>
    public JsonElement? Actor { get; set; }
}
