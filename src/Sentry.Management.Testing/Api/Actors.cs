using System.Text.Json.Nodes;
using Sentry.Management.Testing.Hosting;

namespace Sentry.Management.Testing.Api;

/// <summary>
/// Who can be named as an assignee: the local user (whom the token belongs to: the seeded owner member, so the API
/// root, members, notes and assignees name the same user) and teams. An assignment is kept as <c>user:{id}</c> or
/// <c>team:{id}</c>.
/// </summary>
internal static class Actors
{
    public const string UserId = ManagementSeed.OwnerUserId;
    public const string UserName = ManagementSeed.OwnerName;
    public const string UserEmail = ManagementSeed.OwnerEmail;
    public const string Username = ManagementSeed.OwnerUsername;

    /// <summary>Reads <c>assignedTo</c> as Sentry accepts it: <c>user:1</c>, <c>team:2</c>, <c>#team-slug</c>, a username, an e-mail or <c>me</c>.</summary>
    /// <returns>The stored form; <see langword="null"/> to unassign.</returns>
    /// <exception cref="ApiProblem">The actor is unknown (400, as Sentry answers).</exception>
    public static string? Resolve(string? actor)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            return null;
        }

        actor = actor.Trim();
        if (actor is "me" or "user:" + UserId or UserId or UserEmail or Username)
        {
            return "user:" + UserId;
        }

        if (actor.StartsWith("team:", StringComparison.Ordinal) || actor.StartsWith('#'))
        {
            var team = actor.StartsWith('#') ? actor[1..] : actor["team:".Length..];
            if (team.Length > 0)
            {
                return "team:" + team;
            }
        }

        throw new ApiProblem(400, "Unknown actor input");
    }

    /// <summary>The <c>assignedTo</c> object of an issue, or <see langword="null"/>.</summary>
    public static JsonObject? Write(string? assigned)
    {
        if (assigned is null)
        {
            return null;
        }

        if (assigned.StartsWith("team:", StringComparison.Ordinal))
        {
            var team = assigned["team:".Length..];
            return new JsonObject { ["type"] = "team", ["id"] = team, ["name"] = team };
        }

        return new JsonObject { ["type"] = "user", ["id"] = UserId, ["name"] = UserName, ["email"] = UserEmail };
    }

    /// <summary>Whether an issue's assignment matches an <c>assigned:</c> search value.</summary>
    public static bool Matches(string? assigned, string value) => value switch
    {
        "none" or "[none]" => assigned is null,
        "me" or "[me]" or "my_teams" or "[me, my_teams]" => assigned == "user:" + UserId,
        _ => assigned is not null && (assigned == value || assigned == SafeResolve(value)),
    };

    private static string? SafeResolve(string value)
    {
        try
        {
            return Resolve(value);
        }
        catch (ApiProblem)
        {
            return null;
        }
    }
}
