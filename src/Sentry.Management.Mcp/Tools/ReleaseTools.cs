using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sentry.Management.Mcp.Tooling;
using Sentry.Management.Mcp.Views;

namespace Sentry.Management.Mcp.Tools;

/// <summary>find_releases, get_release_details, create_release, set_release_commits, create_deploy, finalize_release.</summary>
internal static class ReleaseTools
{
    private static readonly ToolParameter Version = ToolParameter.Text("version", "The release version, such as backend@1.4.2 or a commit sha.", required: true);

    public static IEnumerable<ToolDefinition> All()
    {
        yield return new ToolDefinition
        {
            Name = "find_releases",
            Title = "Find releases",
            Description = "List an organization's (or a project's) releases, newest first. Returns a page and a nextCursor for more.",
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["project:read"],
            Parameters = [Params.Organization, Params.RegionUrl, Params.Project(required: false), Params.Query(QuerySyntax.Releases), Params.Cursor, Params.Limit()],
            OutputSchema = JsonSchemas.List(ReleaseViews.ReleaseSchema),
            Run = call => ListResult.PageAsync(
                call,
                pages => call.ProjectOrNull() is { } project
                    ? call.Org().Project(project).Releases.List(call.Text("query"), pages: pages) // facade: Project(p).Releases.List
                    : call.Org().Releases.List(call.Text("query"), pages: pages), // facade: Releases.List
                "Releases",
                ReleaseViews.Line,
                ReleaseViews.Json),
        };

        yield return new ToolDefinition
        {
            Name = "get_release_details",
            Title = "Get release details",
            Description = "Get a release with its recent deploys and commits (and health data with includeHealth).",
            Kind = ToolKind.Read,
            Idempotent = true,
            Scopes = ["project:read"],
            Parameters =
            [
                Params.Organization, Params.RegionUrl,
                ToolParameter.Text("releaseVersion", "The exact release version.", required: true),
                Params.Project(required: false, "projectSlugOrId"),
                ToolParameter.Flag("includeHealth", "Include crash-free rates and adoption per project."),
                ToolParameter.Flag("includeDeploys", "Include recent deploys (default true)."),
                ToolParameter.Flag("includeCommits", "Include recent commits (default true)."),
                ToolParameter.Integer("limit", "The most deploys and commits to list (1-50, default 10).", 1, 50),
            ],
            OutputSchema = JsonSchemas.Single(
                "release",
                ReleaseViews.ReleaseSchema,
                new KeyValuePair<string, JsonNode>("deploys", JsonSchemas.ArrayOf(ReleaseViews.DeploySchema)),
                new KeyValuePair<string, JsonNode>("commits", JsonSchemas.ArrayOf(ReleaseViews.CommitSchema)),
                new KeyValuePair<string, JsonNode>("health", new JsonObject { ["type"] = "array" })),
            Run = GetDetailsAsync,
        };

        yield return new ToolDefinition
        {
            Name = "create_release",
            Title = "Create a release",
            Description = "Create a release for one or more projects (as `sentry-cli releases new` does). Running it again for an existing version returns that release unchanged.",
            Kind = ToolKind.Additive,
            Idempotent = true,
            Scopes = ["project:releases"],
            Parameters =
            [
                Params.Organization, Params.RegionUrl, Version,
                ToolParameter.TextList("projects", "The project slugs the release belongs to (default: the --project constraint)."),
                ToolParameter.Text("ref", "The commit or tag the release was built from."),
                ToolParameter.Text("url", "A URL for the release, such as the CI run or changelog."),
            ],
            OutputSchema = JsonSchemas.Single("release", ReleaseViews.ReleaseSchema, new KeyValuePair<string, JsonNode>("alreadyExisted", new JsonObject { ["type"] = "boolean" })),
            Run = async call =>
            {
                var projects = call.Options.Project is { } pinned ? [pinned] : call.TextList("projects");
                if (projects.Count == 0)
                {
                    throw new ToolInputException("projects is required: the slugs of the projects this release belongs to.");
                }

                var create = new ReleaseCreate { Version = call.RequiredText("version"), Projects = projects, Ref = call.Text("ref"), Url = OptionalUrl(call, "url") };
                // facade: Releases.CreateOrGetAsync
                var result = await call.Org().Releases.CreateOrGetAsync(create, call.CancellationToken).ConfigureAwait(false);
                return new ToolOutput(
                    $"# Release {(result.AlreadyExisted ? "already existed" : "created")}\n\n{ReleaseViews.Line(result.Release)}\n",
                    new JsonObject { ["release"] = ReleaseViews.Json(result.Release), ["alreadyExisted"] = result.AlreadyExisted });
            },
        };

        yield return new ToolDefinition
        {
            Name = "set_release_commits",
            Title = "Set a release's commits",
            Description = "Associate commits with a release, replacing the ones it has: either refs (repository + commit [+ previousCommit], through Sentry's repository integration, as `sentry-cli releases set-commits --commit`) or explicit commits (id, repository, message, authorName, authorEmail, timestamp). Needs confirm: true.",
            Kind = ToolKind.Destructive,
            Idempotent = true,
            Scopes = ["project:releases"],
            Parameters =
            [
                Params.Organization, Params.RegionUrl, Version,
                ToolParameter.ObjectList("refs", "Repository refs: [{repository: 'acme/backend', commit: '<sha>', previousCommit: '<sha>'}].", JsonSchemas.Object("repository:string", "commit:string", "previousCommit:string")),
                ToolParameter.ObjectList("commits", "Explicit commits: [{id: '<sha>', repository, message, authorName, authorEmail, timestamp (ISO 8601)}].", JsonSchemas.Object("id:string", "repository:string", "message:string", "authorName:string", "authorEmail:string", "timestamp:string")),
            ],
            OutputSchema = JsonSchemas.Single("release", ReleaseViews.ReleaseSchema),
            Run = async call =>
            {
                var version = call.RequiredText("version");
                var refs = call.Objects("refs");
                var commits = call.Objects("commits");
                if ((refs.Count == 0) == (commits.Count == 0))
                {
                    throw new ToolInputException("Pass either refs or commits (one of them, not both).");
                }

                // facade: Releases.SetCommitsAsync (refs or explicit commits)
                var release = refs.Count > 0
                    ? await call.Org().Releases.SetCommitsAsync(version, refs.Select(ToRef), call.CancellationToken).ConfigureAwait(false)
                    : await call.Org().Releases.SetCommitsAsync(version, commits.Select(ToCommit), call.CancellationToken).ConfigureAwait(false);
                return new ToolOutput($"# Commits set on {release.Version}\n\n{ReleaseViews.Line(release)}\n", new JsonObject { ["release"] = ReleaseViews.Json(release) });
            },
        };

        yield return new ToolDefinition
        {
            Name = "create_deploy",
            Title = "Create a deploy",
            Description = "Record that a release was deployed to an environment (as `sentry-cli deploys new`).",
            Kind = ToolKind.Additive,
            Scopes = ["project:releases"],
            Parameters =
            [
                Params.Organization, Params.RegionUrl, Version,
                ToolParameter.Text("environment", "The environment, such as production.", required: true),
                ToolParameter.Text("name", "A name for the deploy."),
                ToolParameter.Text("url", "A URL for the deploy, such as the pipeline run."),
                ToolParameter.Text("dateStarted", "When it started (ISO 8601)."),
                ToolParameter.Text("dateFinished", "When it finished (ISO 8601); default now."),
                ToolParameter.TextList("projects", "The projects deployed (default: all of the release's)."),
            ],
            OutputSchema = JsonSchemas.Single("deploy", ReleaseViews.DeploySchema),
            Run = async call =>
            {
                var deploy = new DeployCreate
                {
                    Environment = call.RequiredText("environment"),
                    Name = call.Text("name"),
                    Url = OptionalUrl(call, "url"),
                    DateStarted = Time(call, "dateStarted"),
                    DateFinished = Time(call, "dateFinished") ?? call.Time.GetUtcNow(),
                    Projects = call.Options.Project is { } pinned ? [pinned] : call.TextList("projects") is { Count: > 0 } list ? list : null,
                };
                // facade: Releases.CreateDeployAsync
                var created = await call.Org().Releases.CreateDeployAsync(call.RequiredText("version"), deploy, call.CancellationToken).ConfigureAwait(false);
                return new ToolOutput($"# Deploy recorded\n\n{ReleaseViews.Line(created)}\n", new JsonObject { ["deploy"] = ReleaseViews.Json(created) });
            },
        };

        yield return new ToolDefinition
        {
            Name = "finalize_release",
            Title = "Finalize a release",
            Description = "Mark a release as released (sets dateReleased, as `sentry-cli releases finalize`); default now.",
            Kind = ToolKind.Additive,
            Scopes = ["project:releases"],
            Parameters = [Params.Organization, Params.RegionUrl, Version, ToolParameter.Text("dateReleased", "When it went live (ISO 8601); default now.")],
            OutputSchema = JsonSchemas.Single("release", ReleaseViews.ReleaseSchema),
            Run = async call =>
            {
                var when = Time(call, "dateReleased") ?? call.Time.GetUtcNow();
                // facade: Releases.FinalizeAsync
                var release = await call.Org().Releases.FinalizeAsync(call.RequiredText("version"), when, call.CancellationToken).ConfigureAwait(false);
                return new ToolOutput($"# Release finalized\n\n{ReleaseViews.Line(release)}\n", new JsonObject { ["release"] = ReleaseViews.Json(release) });
            },
        };
    }

    private static async Task<ToolOutput> GetDetailsAsync(ToolCall call)
    {
        var organization = call.Organization;
        var version = call.RequiredText("releaseVersion");
        var limit = call.Integer("limit", 10, 1, 50);
        var firstPage = new SentryPageOptions { MaxItems = limit };

        // facade: Releases.GetAsync, Releases.ListDeploys, Releases.ListCommits / Project(p).Releases.ListCommits
        var release = await call.Org(organization).Releases.GetAsync(version, includeHealth: call.Flag("includeHealth") == true, cancellationToken: call.CancellationToken).ConfigureAwait(false);
        var deploys = call.Flag("includeDeploys") == false ? [] : await call.Org(organization).Releases.ListDeploys(version, firstPage).ToListAsync(call.CancellationToken).ConfigureAwait(false);
        var commits = call.Flag("includeCommits") == false
            ? []
            : await (call.ProjectOrNull("projectSlugOrId") is { } project
                ? call.Org(organization).Project(project).Releases.ListCommits(version, firstPage)
                : call.Org(organization).Releases.ListCommits(version, firstPage)).ToListAsync(call.CancellationToken).ConfigureAwait(false);

        var text = new StringBuilder("# Release ").AppendLine(release.Version).AppendLine().AppendLine(ReleaseViews.Line(release));
        var health = new JsonArray();
        foreach (var releaseProject in release.Projects ?? [])
        {
            if (releaseProject.HealthData is { } data)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {releaseProject.Slug}: crash-free sessions {Format.Percent(data.CrashFreeSessions / 100)}, users {Format.Percent(data.CrashFreeUsers / 100)}, adoption {Format.Number(data.Adoption)} %").AppendLine();
                health.Add((JsonNode)new JsonObject { ["project"] = releaseProject.Slug, ["crashFreeSessions"] = data.CrashFreeSessions, ["crashFreeUsers"] = data.CrashFreeUsers, ["adoption"] = data.Adoption });
            }
        }

        text.AppendLine().AppendLine("## Deploys").AppendLine(deploys.Count == 0 ? "none" : string.Join('\n', deploys.Select(ReleaseViews.Line)));
        text.AppendLine().AppendLine("## Commits").AppendLine(commits.Count == 0 ? "none" : string.Join('\n', commits.Select(ReleaseViews.Line)));
        return new ToolOutput(Budget.Cut(text.ToString(), call.Options.ResultBudget, "lower limit"), new JsonObject
        {
            ["release"] = ReleaseViews.Json(release),
            ["deploys"] = new JsonArray([.. deploys.Select(d => (JsonNode)ReleaseViews.Json(d))]),
            ["commits"] = new JsonArray([.. commits.Select(c => (JsonNode)ReleaseViews.Json(c))]),
            ["health"] = health,
        });
    }

    private static ReleaseRef ToRef(JsonElement item) => new()
    {
        Repository = Field(item, "repository") ?? throw new ToolInputException("Each ref needs repository."),
        Commit = Field(item, "commit") ?? throw new ToolInputException("Each ref needs commit."),
        PreviousCommit = Field(item, "previousCommit"),
    };

    private static ReleaseCommitData ToCommit(JsonElement item) => new()
    {
        Id = Field(item, "id") ?? throw new ToolInputException("Each commit needs id (the sha)."),
        Repository = Field(item, "repository"),
        Message = Field(item, "message"),
        AuthorName = Field(item, "authorName"),
        AuthorEmail = Field(item, "authorEmail"),
        Timestamp = Field(item, "timestamp") is { } t ? ParseTime(t, "commits.timestamp") : null,
    };

    private static string? Field(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString() : null;

    private static DateTimeOffset? Time(ToolCall call, string name) => call.Text(name) is { } text ? ParseTime(text, name) : null;

    private static DateTimeOffset ParseTime(string text, string name) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new ToolInputException($"{name} '{text}' is not an ISO 8601 time such as 2026-12-01T08:00:00Z.");

    private static Uri? OptionalUrl(ToolCall call, string name) =>
        call.Text(name) is not { } text ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var url) ? url
        : throw new ToolInputException($"{name} '{text}' is not an absolute URL.");
}
