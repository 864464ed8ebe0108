using System.Text.Json.Nodes;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Api.Projects;

/// <summary>A project as lists and creation answers write it: the summary plus its platforms, environments and latest release.</summary>
internal static class ProjectListJson
{
    public static JsonObject Write(StoredProject project, LocalServerState state)
    {
        var json = ProjectJson.Summary(project, state);
        json["platforms"] = project.Platform is null ? new JsonArray() : new JsonArray(project.Platform);
        json["hasUserReports"] = false;
        var environments = new JsonArray();
        foreach (var environment in state.Data.Events.All().Where(e => e.ProjectId == project.Id && e.Environment is not null).Select(e => e.Environment!).Distinct(StringComparer.Ordinal))
        {
            environments.Add((JsonNode)JsonValue.Create(environment));
        }

        json["environments"] = environments;
        var latest = state.Data.Releases.All().LastOrDefault(r => r.ProjectIds.Contains(project.Id));
        json["latestRelease"] = latest is null ? null : new JsonObject { ["version"] = latest.Version };
        return json;
    }
}
