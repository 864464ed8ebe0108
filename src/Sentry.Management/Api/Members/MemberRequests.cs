namespace Sentry.Management;

/// <summary>An invitation to join an organization.</summary>
public sealed class OrganizationMemberInvite
{
    /// <summary>The e-mail address to invite (required).</summary>
    public required string Email { get; set; }

    /// <summary>The organization role: <c>member</c> (Sentry's default), <c>admin</c>, <c>manager</c>, <c>owner</c> or <c>billing</c>.</summary>
    public string? OrgRole { get; set; }

    /// <summary>The teams to add the member to, with a role in each.</summary>
    public IList<MemberTeamRoleAssignment>? TeamRoles { get; set; }

    /// <summary>Whether Sentry e-mails the invitation (default <see langword="true"/>); <see langword="false"/> to send the link yourself.</summary>
    public bool? SendInvite { get; set; }

    /// <summary>Whether to send the invitation again to a pending member.</summary>
    public bool? Reinvite { get; set; }
}

/// <summary>Changes to a member's roles.</summary>
public sealed class OrganizationMemberUpdate
{
    /// <summary>The new organization role.</summary>
    public string? OrgRole { get; set; }

    /// <summary>The member's teams and roles; replaces the current set when given.</summary>
    public IList<MemberTeamRoleAssignment>? TeamRoles { get; set; }
}

/// <summary>A new team role for a member.</summary>
public sealed class MemberTeamRoleUpdate
{
    /// <summary>The team role: <c>contributor</c> or <c>admin</c>.</summary>
    public required string TeamRole { get; set; }
}
