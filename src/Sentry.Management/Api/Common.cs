using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>An avatar of an organization, team, project or user.</summary>
public sealed class SentryAvatar : SentryModel
{
    /// <summary>The kind of avatar, such as <c>letter_avatar</c>, <c>upload</c> or <c>gravatar</c>.</summary>
    public string? AvatarType { get; set; }

    /// <summary>The id of an uploaded avatar.</summary>
    public string? AvatarUuid { get; set; }

    /// <summary>The URL of an uploaded avatar.</summary>
    public string? AvatarUrl { get; set; }
}

/// <summary>A short reference to a team, as embedded in projects.</summary>
public sealed class SentryTeamReference : SentryModel
{
    /// <summary>The team's id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The team's slug.</summary>
    public string? Slug { get; set; }

    /// <summary>The team's display name.</summary>
    public string? Name { get; set; }
}
