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
