using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api;

/// <summary>The entities the management areas name in their routes, found by slug or id; 404 when there is none.</summary>
internal static class AreaLookups
{
    public static StoredTeam? FindTeam(this LocalData data, StoredOrganization organization, string slugOrId) =>
        data.Teams.All().FirstOrDefault(t => t.OrganizationId == organization.Id && (t.Slug == slugOrId || t.Id == slugOrId));

    /// <summary>The team named by the <c>{team}</c> route value.</summary>
    public static StoredTeam Team(this ApiContext context, StoredOrganization organization) =>
        context.Data.FindTeam(organization, context.Route("team")) ?? throw ApiProblem.NotFound();

    /// <summary>The member named by the <c>{member_id}</c> route value; <c>me</c> is the token's user.</summary>
    public static StoredMember Member(this ApiContext context, StoredOrganization organization)
    {
        var id = context.Route("member_id");
        return context.Data.Members.All().FirstOrDefault(m => m.OrganizationId == organization.Id
                   && (id == "me" ? m.UserId == ManagementSeed.OwnerUserId : m.Id == id))
               ?? throw ApiProblem.NotFound();
    }

    public static List<StoredProject> ProjectsOf(this LocalData data, StoredOrganization organization) =>
        data.Projects.All().Where(p => p.OrganizationId == organization.Id).ToList();
}
