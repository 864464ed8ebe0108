using System.Security.Cryptography;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Hosting;

/// <summary>
/// Creates the organization, project, client key and auth token a fresh server starts with, or finds them again in
/// a data file, so a restarted dev server keeps its DSN and token.
/// </summary>
internal static class Seed
{
    public sealed record Result(StoredOrganization Organization, StoredProject Project, StoredKey Key, StoredToken Token);

    public static Result Ensure(LocalData data, LocalSentryOptions options, TimeProvider time)
    {
        lock (data.Gate)
        {
            var now = time.GetUtcNow();
            var organization = data.FindOrganization(options.Organization);
            if (organization is null)
            {
                organization = new StoredOrganization
                {
                    Id = data.NextId("organization"),
                    Slug = options.Organization,
                    Name = options.Organization,
                    DateCreated = now,
                };
                data.Organizations.Upsert(organization);
            }

            var project = data.FindProject(organization, options.Project);
            if (project is null)
            {
                project = new StoredProject
                {
                    Id = data.NextId("project"),
                    Slug = options.Project,
                    Name = options.Project,
                    OrganizationId = organization.Id,
                    Platform = "csharp",
                    DateCreated = now,

                    // Sentry gives a new organization a team named after it, which owns its first project.
                    Teams = [options.Organization],
                };
                data.Projects.Upsert(project);
            }

            var key = options.PublicKey is { } wanted
                ? data.Keys.Find(wanted)
                : data.Keys.All().FirstOrDefault(k => k.ProjectId == project.Id && k.IsActive);
            if (key is null)
            {
                key = new StoredKey
                {
                    Public = options.PublicKey ?? NewHex(16),
                    Secret = NewHex(16),
                    ProjectId = project.Id,
                    DateCreated = now,
                };
                data.Keys.Upsert(key);
            }

            var token = options.AuthToken is { } given ? data.Tokens.Find(given) : data.Tokens.All() is { Count: > 0 } tokens ? tokens[0] : null;
            if (token is null)
            {
                // The shape of a Sentry user token, so clients that check the prefix accept it.
                token = new StoredToken { Token = options.AuthToken ?? "sntryu_" + NewHex(32), DateCreated = now };
                data.Tokens.Upsert(token);
            }

            ManagementSeed.Ensure(data, options, organization, project, now);
            return new Result(organization, project, key, token);
        }
    }

    public static string NewHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>A new id in Sentry's event-id form: 32 lowercase hex characters.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");
}
