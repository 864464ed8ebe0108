using System.Text.Json.Serialization;
using Sentry.Management.Serialization;

namespace Sentry.Management;

/// <summary>A member of an organization: a user who joined, or an invitation still pending.</summary>
public sealed class OrganizationMember : SentryModel
{
    /// <summary>The member's id (not the user's id): the one member endpoints take.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The e-mail address the member joined or was invited with.</summary>
    public string? Email { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>The user behind the membership; <see langword="null"/> while the invitation is pending.</summary>
    public ApiUser? User { get; set; }

    /// <summary>The organization role, such as <c>member</c>, <c>admin</c>, <c>manager</c> or <c>owner</c>.</summary>
    public string? OrgRole { get; set; }

    /// <summary>The member's role in the team, on team-member listings (<c>contributor</c> or <c>admin</c>).</summary>
    public string? Role { get; set; }

    /// <summary>The display name of <see cref="Role"/>.</summary>
    public string? RoleName { get; set; }

    /// <summary>Whether the invitation has not been accepted yet.</summary>
    public bool? Pending { get; set; }

    /// <summary>Whether the invitation expired.</summary>
    public bool? Expired { get; set; }

    /// <summary>The invitation status, such as <c>approved</c> or <c>requested_to_be_invited</c>.</summary>
    public string? InviteStatus { get; set; }

    /// <summary>Who sent the invitation.</summary>
    public string? InviterName { get; set; }

    /// <summary>When the membership (or invitation) was created.</summary>
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>The slugs of the member's teams, on the detailed answer.</summary>
    public IReadOnlyList<string>? Teams { get; set; }

    /// <summary>The member's role per team, on the detailed answer.</summary>
    public IReadOnlyList<MemberTeamRoleAssignment>? TeamRoles { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Member {Id} ({OrgRole}{(Pending == true ? ", pending" : string.Empty)})";
}

/// <summary>A member's role in one team.</summary>
public sealed class MemberTeamRoleAssignment : SentryModel
{
    /// <summary>The team's slug.</summary>
    public string? TeamSlug { get; set; }

    /// <summary>The role in that team: <c>contributor</c> or <c>admin</c>; <see langword="null"/> for the default.</summary>
    public string? Role { get; set; }
}

/// <summary>A member's role in a team, as Sentry answers a change of it.</summary>
public sealed class MemberTeamRole : SentryModel
{
    /// <summary>Whether the membership is active.</summary>
    public bool? IsActive { get; set; }

    /// <summary>The team role, <c>contributor</c> or <c>admin</c>.</summary>
    public string? TeamRole { get; set; }
}
