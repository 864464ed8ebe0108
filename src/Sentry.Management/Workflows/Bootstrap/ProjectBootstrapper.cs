namespace Sentry.Management.Workflows.Bootstrap;

/// <summary>
/// Finds or creates a team's project and its client key, then hands back a capture client for it. Every step reads
/// first and creates only what is missing, so a re-run (a deploy script, a CI job) changes nothing.
/// </summary>
internal sealed class ProjectBootstrapper(OrganizationClient organization, SentryManagementClient root)
{
    private const string Workflow = "Project bootstrap";
    private readonly List<WorkflowStep> _steps = [];

    internal async Task<ProjectBootstrap> RunAsync(ProjectBootstrapOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (projectSlug, teamSlug) = options.Validate();

        await Step("team " + teamSlug, () => EnsureTeamAsync(teamSlug, options.CreateTeamIfMissing, cancellationToken)).ConfigureAwait(false);
        var project = await Step("project " + projectSlug, () => EnsureProjectAsync(projectSlug, teamSlug, options, cancellationToken)).ConfigureAwait(false);
        var key = await Step("key", () => EnsureKeyAsync(projectSlug, options.KeyName, cancellationToken)).ConfigureAwait(false);

        var dsn = key.Dsn!.Public!.ToString();
        var capture = root.CreateCaptureClient(key, o => options.ApplyTo(o, dsn));
        return new ProjectBootstrap(project, key, capture, _steps.ToList());
    }

    private async Task<Team> EnsureTeamAsync(string teamSlug, bool create, CancellationToken cancellationToken)
    {
        try
        {
            var team = await organization.Teams.GetAsync(teamSlug, cancellationToken).ConfigureAwait(false);
            _steps.Add(new WorkflowStep("team " + teamSlug, WorkflowOutcome.Found, string.Empty));
            return team;
        }
        catch (SentryNotFoundException) when (create)
        {
            var team = await organization.Teams.CreateAsync(teamSlug, cancellationToken: cancellationToken).ConfigureAwait(false);
            _steps.Add(new WorkflowStep("team " + teamSlug, WorkflowOutcome.Created, string.Empty));
            return team;
        }
        catch (SentryNotFoundException e)
        {
            throw new ArgumentException(
                $"Team '{teamSlug}' does not exist in organization '{organization.Slug}' (or the token cannot see it). Create it, pick an existing team (org.Teams.List()), or set ProjectBootstrapOptions.CreateTeamIfMissing.",
                e);
        }
    }

    private async Task<Project> EnsureProjectAsync(string projectSlug, string teamSlug, ProjectBootstrapOptions options, CancellationToken cancellationToken)
    {
        var name = "project " + projectSlug;
        Project? existing = null;
        try
        {
            existing = await organization.Project(projectSlug).GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SentryNotFoundException)
        {
            // Not there yet: created below.
        }

        if (existing is not null)
        {
            _steps.Add(new WorkflowStep(name, WorkflowOutcome.Found, Differences(existing, teamSlug, options.Platform)));
            return existing;
        }

        var created = await organization.Projects.CreateAsync(
            teamSlug,
            new ProjectCreate { Name = options.Name ?? projectSlug, Slug = projectSlug, Platform = options.Platform },
            cancellationToken).ConfigureAwait(false);
        _steps.Add(new WorkflowStep(name, WorkflowOutcome.Created, $"under team {teamSlug}" + (options.Platform is null ? string.Empty : ", platform " + options.Platform)));
        return created;
    }

    private async Task<ProjectKey> EnsureKeyAsync(string projectSlug, string? keyName, CancellationToken cancellationToken)
    {
        var (key, created) = await ProjectKeyFinder.FindOrCreateAsync(organization.Project(projectSlug).Keys, keyName, nameIsPreference: false, cancellationToken).ConfigureAwait(false);
        if (key.Dsn?.Public is null)
        {
            throw new InvalidOperationException($"Sentry returned client key '{key.Name}' of project '{projectSlug}' without a public DSN.");
        }

        _steps.Add(new WorkflowStep("key " + (key.Name ?? key.Id), created ? WorkflowOutcome.Created : WorkflowOutcome.Found, key.Dsn.Public.ToString()));
        return key;
    }

    /// <summary>An existing project is used as it is; differences from what was asked are reported, not "fixed".</summary>
    private static string Differences(Project project, string teamSlug, string? platform)
    {
        var notes = new List<string>();
        if (platform is not null && project.Platform is { } actual && !string.Equals(actual, platform, StringComparison.Ordinal))
        {
            notes.Add($"its platform is {actual}, not {platform} (left as is)");
        }

        var teams = project.Teams?.Select(t => t.Slug).Where(s => s is not null).ToList();
        if (teams is { Count: > 0 } && !teams.Contains(teamSlug, StringComparer.Ordinal))
        {
            notes.Add($"owned by {string.Join(", ", teams)}, not {teamSlug} (left as is)");
        }

        return string.Join("; ", notes);
    }

    /// <summary>Runs a step; a failure after earlier steps changed something carries what was done.</summary>
    private async Task<T> Step<T>(string name, Func<Task<T>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception e) when (e is SentryApiException or HttpRequestException && _steps.Any(s => s.Changed))
        {
            throw new SentryWorkflowException(Workflow, name, [.. _steps, new WorkflowStep(name, WorkflowOutcome.Failed, string.Empty, e)], e);
        }
    }
}
