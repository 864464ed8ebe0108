using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>
/// An organization's members: list, find by e-mail or username (what assigning an issue needs), invite, change roles,
/// remove, and team membership.
/// </summary>
public class MembersClient
{
    private readonly IMembersApi _api = null!;
    private readonly OrganizationScope _scope = null!;

    internal MembersClient(OrganizationScope scope)
    {
        _scope = scope;
        _api = scope.Api<IMembersApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected MembersClient()
    {
    }

    /// <summary>Lists the members and pending invitations, fetching pages as the listing is enumerated.</summary>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<OrganizationMember> List(SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        return OrganizationScope.Pageable((cursor, ct) => _api.ListAsync(organization, cursor, ct), pages);
    }

    /// <summary>Finds the member with an e-mail address or username (case-insensitive), reading pages until found.</summary>
    /// <param name="emailOrUsername">The member's e-mail address or the user's username.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The member, or <see langword="null"/> when nobody in the organization has that e-mail or username.</returns>
    /// <exception cref="ArgumentException"><paramref name="emailOrUsername"/> is empty.</exception>
    public virtual async Task<OrganizationMember?> FindAsync(string emailOrUsername, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailOrUsername);
        var wanted = emailOrUsername.Trim();
        await foreach (var member in List().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (Matches(member.Email, wanted) || Matches(member.User?.Email, wanted) || Matches(member.User?.Username, wanted))
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>Gets a member.</summary>
    /// <param name="memberId">The member's id (not the user's id).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member.</returns>
    public virtual Task<OrganizationMember> GetAsync(string memberId, CancellationToken cancellationToken = default) =>
        _api.GetAsync(_scope.Slug, Id(memberId), cancellationToken);

    /// <summary>Invites someone by e-mail.</summary>
    /// <param name="invitation">The e-mail address (required), role and teams.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pending member.</returns>
    public virtual Task<OrganizationMember> InviteAsync(OrganizationMemberInvite invitation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentException.ThrowIfNullOrWhiteSpace(invitation.Email, "invitation.Email");
        foreach (var team in invitation.TeamRoles ?? [])
        {
            SentrySlug.Validate(team.TeamSlug, "teamSlug");
        }

        return _api.InviteAsync(_scope.Slug, invitation, cancellationToken);
    }

    /// <summary>Changes a member's organization role or team roles.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <param name="update">The roles to set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member as it is now.</returns>
    public virtual Task<OrganizationMember> UpdateAsync(string memberId, OrganizationMemberUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _api.UpdateAsync(_scope.Slug, Id(memberId), update, cancellationToken);
    }

    /// <summary>Removes a member from the organization, or withdraws an invitation.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry removed the member.</returns>
    public virtual Task RemoveAsync(string memberId, CancellationToken cancellationToken = default) =>
        _api.RemoveAsync(_scope.Slug, Id(memberId), cancellationToken);

    /// <summary>Adds a member to a team.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <param name="teamSlug">The team's slug or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What Sentry did: added, asked the team's admins to approve, or nothing because the member already belonged.</returns>
    public virtual async Task<TeamMembershipChange> AddToTeamAsync(string memberId, string teamSlug, CancellationToken cancellationToken = default)
    {
        using var response = await _api.AddToTeamAsync(_scope.Slug, Id(memberId), SentrySlug.Validate(teamSlug, nameof(teamSlug)), cancellationToken).ConfigureAwait(false);
        if (response.Error is { } error)
        {
            throw error;
        }

        return response.StatusCode switch
        {
            System.Net.HttpStatusCode.Accepted => TeamMembershipChange.Requested,
            System.Net.HttpStatusCode.NoContent => TeamMembershipChange.AlreadyMember,
            _ => TeamMembershipChange.Added,
        };
    }

    /// <summary>Changes a member's role in a team.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <param name="teamSlug">The team's slug or id.</param>
    /// <param name="teamRole"><c>contributor</c> or <c>admin</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member's team role as it is now.</returns>
    public virtual Task<MemberTeamRole> SetTeamRoleAsync(string memberId, string teamSlug, string teamRole, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamRole);
        return _api.UpdateTeamRoleAsync(_scope.Slug, Id(memberId), SentrySlug.Validate(teamSlug, nameof(teamSlug)), new MemberTeamRoleUpdate { TeamRole = teamRole }, cancellationToken);
    }

    /// <summary>Removes a member from a team.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <param name="teamSlug">The team's slug or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The team the member left.</returns>
    public virtual Task<Team> RemoveFromTeamAsync(string memberId, string teamSlug, CancellationToken cancellationToken = default) =>
        _api.RemoveFromTeamAsync(_scope.Slug, Id(memberId), SentrySlug.Validate(teamSlug, nameof(teamSlug)), cancellationToken);

    /// <summary>Lists a team's members with their team roles.</summary>
    /// <param name="teamSlug">The team's slug or id.</param>
    /// <param name="pages">Start cursor and caps.</param>
    /// <returns>A lazy listing.</returns>
    public virtual SentryPageable<OrganizationMember> ListTeamMembers(string teamSlug, SentryPageOptions? pages = null)
    {
        var organization = _scope.Slug;
        var team = SentrySlug.Validate(teamSlug, nameof(teamSlug));
        return OrganizationScope.Pageable((cursor, ct) => _api.ListTeamMembersAsync(organization, team, cursor, ct), pages);
    }

    private static bool Matches(string? value, string wanted) => string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase);

    private static string Id(string memberId, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(memberId))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId, name);
        return memberId.Trim();
    }
}

/// <summary>What adding a member to a team did.</summary>
public enum TeamMembershipChange
{
    /// <summary>The member is in the team now.</summary>
    Added,

    /// <summary>The organization requires approval: Sentry asked the team's admins (the member is not in the team yet).</summary>
    Requested,

    /// <summary>The member already belonged to the team; nothing changed.</summary>
    AlreadyMember,
}
