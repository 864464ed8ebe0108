using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Hosting;

/// <summary>
/// What a new Sentry organization has besides its project: the token's user as owner member, the default team
/// named after the organization (owning the project), the project's default detectors, and the installed Slack and
/// GitHub integrations the alert builder and external trackers refer to. Idempotent, so a data file keeps its ids.
/// </summary>
internal static class ManagementSeed
{
    public const string OwnerUserId = "1";

    public const string OwnerEmail = "owner@local.test";

    public const string OwnerUsername = "owner";

    public const string OwnerName = "Local Owner";

    public static void Ensure(LocalData data, LocalSentryOptions options, StoredOrganization organization, StoredProject project, DateTimeOffset now)
    {
        var team = data.Teams.All().FirstOrDefault(t => t.OrganizationId == organization.Id);
        if (team is null)
        {
            team = new StoredTeam { Id = data.NextId("team"), OrganizationId = organization.Id, Slug = organization.Slug, Name = organization.Slug, DateCreated = now };
            data.Teams.Upsert(team);
            if (!project.Teams.Contains(team.Slug))
            {
                project.Teams.Add(team.Slug);
                data.Projects.Upsert(project);
            }
        }

        if (!data.Members.All().Any(m => m.OrganizationId == organization.Id && m.UserId == OwnerUserId))
        {
            data.Members.Upsert(new StoredMember
            {
                Id = data.NextId("member"),
                OrganizationId = organization.Id,
                Email = OwnerEmail,
                UserId = OwnerUserId,
                Username = OwnerUsername,
                Name = OwnerName,
                OrgRole = "owner",
                DateCreated = now,
                Teams = new(StringComparer.Ordinal) { [team.Id] = "admin" },
            });
        }

        DefaultDetectors(data, organization, project, now);
        if (!data.Integrations.All().Any(i => i.OrganizationId == organization.Id))
        {
            data.Integrations.Upsert(new StoredIntegration { Id = data.NextId("integration"), OrganizationId = organization.Id, Provider = "slack", Name = options.SlackWorkspace, ExternalId = "T0LOCAL", DomainName = options.SlackWorkspace + ".slack.com" });
            data.Integrations.Upsert(new StoredIntegration { Id = data.NextId("integration"), OrganizationId = organization.Id, Provider = "github", Name = options.GitHubOrganization, ExternalId = "1000", DomainName = "github.com/" + options.GitHubOrganization });
        }
    }

    /// <summary>The detectors Sentry creates with every project: the error detector and the issue stream.</summary>
    public static void DefaultDetectors(LocalData data, StoredOrganization organization, StoredProject project, DateTimeOffset now)
    {
        (string Type, string Name)[] defaults = [("error", "Error Monitor"), ("issue_stream", "Issue Stream")];
        foreach (var (type, name) in defaults)
        {
            if (data.Alerts.All().Any(a => a.Kind == "detector" && a.ProjectId == project.Id && a.Type == type))
            {
                continue;
            }

            data.Alerts.Upsert(new StoredAlert
            {
                Kind = "detector",
                Id = data.NextId("detector"),
                OrganizationId = organization.Id,
                ProjectId = project.Id,
                Name = name,
                Type = type,
                DateCreated = now,
                DateUpdated = now,
            });
        }
    }
}
