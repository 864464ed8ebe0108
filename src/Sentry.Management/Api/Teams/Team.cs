using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>A team: a group of members that owns projects and receives their alerts.</summary>
public sealed class Team : SentryModel
{
    /// <summary>The numeric id, as a string.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The slug used in URLs.</summary>
    public string? Slug { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>When the team was created.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>Whether the current user is a member.</summary>
    public bool? IsMember { get; set; }

    /// <summary>The current user's role in the team, such as <c>contributor</c> or <c>admin</c>.</summary>
    public string? TeamRole { get; set; }

    /// <summary>Whether the current user can access the team.</summary>
    public bool? HasAccess { get; set; }

    /// <summary>Whether the current user's membership awaits approval.</summary>
    public bool? IsPending { get; set; }

    /// <summary>The number of members.</summary>
    public int? MemberCount { get; set; }

    /// <summary>The scopes the current token has through this team.</summary>
    public IReadOnlyList<string>? Access { get; set; }

    /// <summary>Flags such as <c>idp:provisioned</c>.</summary>
    public IReadOnlyDictionary<string, bool>? Flags { get; set; }

    /// <summary>The team's avatar.</summary>
    public SentryAvatar? Avatar { get; set; }

    /// <summary>The organization, on the detailed answer.</summary>
    public Organization? Organization { get; set; }

    /// <summary>The team's projects, when expanded.</summary>
    public IReadOnlyList<Project>? Projects { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Team {Slug} ({Name})";
}

/// <summary>A new team, or changes to a team.</summary>
public sealed class TeamRequest
{
    /// <summary>The slug; Sentry derives one from the name when creating without it. Required when updating.</summary>
    public string? Slug { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }
}
