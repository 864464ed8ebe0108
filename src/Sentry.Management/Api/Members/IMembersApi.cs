using Refit;

namespace Sentry.Management.Api;

/// <summary>Sentry's organization-member endpoints (members, invitations, team membership), as a Refit interface.</summary>
public interface IMembersApi
{
    /// <summary>Lists an organization's members and pending invitations (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/members/")]
    Task<IApiResponse<List<OrganizationMember>>> ListAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Query] string? cursor = null,
        CancellationToken cancellationToken = default);

    /// <summary>Invites someone to the organization by e-mail.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="invitation">The e-mail address, role and teams.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new (pending) member.</returns>
    [Post("/api/0/organizations/{organization_id_or_slug}/members/")]
    Task<OrganizationMember> InviteAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [Body] OrganizationMemberInvite invitation,
        CancellationToken cancellationToken = default);

    /// <summary>Gets one member.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="memberId">The member's id (not the user's id).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member.</returns>
    [Get("/api/0/organizations/{organization_id_or_slug}/members/{member_id}/")]
    Task<OrganizationMember> GetAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("member_id")] string memberId,
        CancellationToken cancellationToken = default);

    /// <summary>Changes a member's organization role or team roles.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="memberId">The member's id.</param>
    /// <param name="update">The roles to set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member as it is now.</returns>
    [Put("/api/0/organizations/{organization_id_or_slug}/members/{member_id}/")]
    Task<OrganizationMember> UpdateAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("member_id")] string memberId,
        [Body] OrganizationMemberUpdate update,
        CancellationToken cancellationToken = default);

    /// <summary>Removes a member from the organization (or withdraws an invitation).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="memberId">The member's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry removed the member.</returns>
    [Delete("/api/0/organizations/{organization_id_or_slug}/members/{member_id}/")]
    Task RemoveAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("member_id")] string memberId,
        CancellationToken cancellationToken = default);

    /// <summary>Adds a member to a team.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="memberId">The member's id.</param>
    /// <param name="team">The team's id or slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The team the member joined (201); no body when Sentry made it a join request for approval (202) or the member already belonged (204).</returns>
    [Post("/api/0/organizations/{organization_id_or_slug}/members/{member_id}/teams/{team_id_or_slug}/")]
    Task<IApiResponse<Team>> AddToTeamAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("member_id")] string memberId,
        [AliasAs("team_id_or_slug")] string team,
        CancellationToken cancellationToken = default);

    /// <summary>Changes a member's role in a team.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="memberId">The member's id.</param>
    /// <param name="team">The team's id or slug.</param>
    /// <param name="update">The team role, <c>contributor</c> or <c>admin</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member's team role as it is now.</returns>
    [Put("/api/0/organizations/{organization_id_or_slug}/members/{member_id}/teams/{team_id_or_slug}/")]
    Task<MemberTeamRole> UpdateTeamRoleAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("member_id")] string memberId,
        [AliasAs("team_id_or_slug")] string team,
        [Body] MemberTeamRoleUpdate update,
        CancellationToken cancellationToken = default);

    /// <summary>Removes a member from a team.</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="memberId">The member's id.</param>
    /// <param name="team">The team's id or slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The team the member left.</returns>
    [Delete("/api/0/organizations/{organization_id_or_slug}/members/{member_id}/teams/{team_id_or_slug}/")]
    Task<Team> RemoveFromTeamAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("member_id")] string memberId,
        [AliasAs("team_id_or_slug")] string team,
        CancellationToken cancellationToken = default);

    /// <summary>Lists a team's members (one page).</summary>
    /// <param name="organization">The organization's id or slug.</param>
    /// <param name="team">The team's id or slug.</param>
    /// <param name="cursor">The page cursor, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its headers; each member carries its team role.</returns>
    [Get("/api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/members/")]
    Task<IApiResponse<List<OrganizationMember>>> ListTeamMembersAsync(
        [AliasAs("organization_id_or_slug")] string organization,
        [AliasAs("team_id_or_slug")] string team,
        [Query] string? cursor = null,
        CancellationToken cancellationToken = default);
}
