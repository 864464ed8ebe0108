using System.Globalization;
using System.Text.Json;
using Sentry.Management.Api;
using Sentry.Management.Serialization;

namespace Sentry.Management.Workflows.Alerts;

/// <summary>
/// The workflow engine of one project's organization, once it is known to exist: the project's id, its workflows
/// and detectors, and find-or-create-or-update of a workflow or detector by name.
/// </summary>
internal sealed class WorkflowEngine
{
    private readonly ProjectScope _project;
    private readonly IAlertsApi _api;
    private readonly string _projectId;

    private WorkflowEngine(ProjectScope project, string projectId, List<Workflow> workflows)
    {
        _project = project;
        _api = project.Api<IAlertsApi>();
        _projectId = projectId;
        Workflows = workflows;
    }

    internal List<Workflow> Workflows { get; }

    private string Org => _project.Organization.Slug;

    /// <summary>
    /// Lists the project's workflows. A 404 there means this Sentry predates the workflow engine: <see langword="null"/>
    /// under <see cref="AlertApi.Auto"/> (use the legacy API), an exception under <see cref="AlertApi.WorkflowEngine"/>.
    /// </summary>
    internal static async Task<WorkflowEngine?> ProbeAsync(ProjectScope project, AlertApi api, CancellationToken cancellationToken)
    {
        var details = await project.Api<IProjectsApi>().GetAsync(project.Organization.Slug, project.Slug, cancellationToken).ConfigureAwait(false);
        var projectId = details.Id ?? throw new InvalidOperationException($"Sentry answered project '{project.Slug}' without an id.");
        try
        {
            var workflows = await project.Api<IAlertsApi>().ListWorkflowsAsync(project.Organization.Slug, project: [projectId], cancellationToken: cancellationToken).ConfigureAwait(false);
            return new WorkflowEngine(project, projectId, workflows);
        }
        catch (SentryNotFoundException e) when (api == AlertApi.Auto)
        {
            _ = e; // this Sentry has no workflows endpoint: the legacy API it is
            return null;
        }
        catch (SentryNotFoundException e)
        {
            throw new InvalidOperationException(
                $"This Sentry has no workflow engine ({e.Method} {e.Path} answered 404): create the rule with AlertApi.Legacy (or AlertApi.Auto).", e);
        }
    }

    /// <summary>The detector issue alerts attach to: the project's issue-stream detector, or its error detector on installs that have only that.</summary>
    internal async Task<Detector> DefaultDetectorAsync(CancellationToken cancellationToken)
    {
        var detectors = await ListDetectorsAsync(cancellationToken).ConfigureAwait(false);
        return detectors.FirstOrDefault(d => d.Type == "issue_stream" && d.Id is not null)
            ?? detectors.FirstOrDefault(d => d.Type == "error" && d.Id is not null)
            ?? throw new InvalidOperationException(
                $"Project '{_project.Slug}' (id {_projectId}) has no issue-stream or error detector for a workflow to attach to; create the rule with AlertApi.Legacy, or check the project.");
    }

    internal Task<List<Detector>> ListDetectorsAsync(CancellationToken cancellationToken) =>
        _api.ListDetectorsAsync(Org, project: [_projectId], cancellationToken: cancellationToken);

    /// <summary>Creates the workflow, or finds the project's workflow of that name and updates it when it says something else.</summary>
    internal async Task<(Workflow Workflow, AlertSetupChange Change)> EnsureWorkflowAsync(WorkflowRequest request, CancellationToken cancellationToken)
    {
        var existing = Workflows.FirstOrDefault(w => string.Equals(w.Name, request.Name, StringComparison.Ordinal) && w.Id is not null);
        if (existing is null)
        {
            return (await _api.CreateWorkflowAsync(Org, request, cancellationToken).ConfigureAwait(false), AlertSetupChange.Created);
        }

        if (AlertJson.Covers(
            JsonSerializer.SerializeToElement(existing, AlertsJsonContext.Default.Workflow),
            JsonSerializer.SerializeToElement(request, AlertsJsonContext.Default.WorkflowRequest)))
        {
            return (existing, AlertSetupChange.Unchanged);
        }

        return (await _api.UpdateWorkflowAsync(Org, existing.Id!, request, cancellationToken).ConfigureAwait(false), AlertSetupChange.Updated);
    }

    /// <summary>Creates the detector in the project, or finds the project's detector of that name and updates it when it says something else.</summary>
    internal async Task<(Detector Detector, AlertSetupChange Change)> EnsureDetectorAsync(DetectorRequest request, CancellationToken cancellationToken)
    {
        var detectors = await ListDetectorsAsync(cancellationToken).ConfigureAwait(false);
        var existing = detectors.FirstOrDefault(d => string.Equals(d.Name, request.Name, StringComparison.Ordinal) && d.Id is not null);
        if (existing is null)
        {
            return (await _api.CreateDetectorAsync(Org, _project.Slug, request, cancellationToken).ConfigureAwait(false), AlertSetupChange.Created);
        }

        if (SameDetector(existing, request))
        {
            return (existing, AlertSetupChange.Unchanged);
        }

        return (await _api.UpdateDetectorAsync(Org, existing.Id!, request, cancellationToken).ConfigureAwait(false), AlertSetupChange.Updated);
    }

    /// <summary>
    /// Sentry answers a detector's data source as a query subscription (<c>queryObj.snubaQuery</c>), not in the shape it
    /// was sent; compare the query's aggregate, filter and window there and everything else as sent.
    /// </summary>
    private static bool SameDetector(Detector existing, DetectorRequest request)
    {
        var sent = JsonSerializer.SerializeToNode(request, AlertsJsonContext.Default.DetectorRequest)!.AsObject();
        sent.Remove("data_sources");
        if (!AlertJson.Covers(JsonSerializer.SerializeToElement(existing, AlertsJsonContext.Default.Detector), AlertJson.Element(sent)))
        {
            return false;
        }

        var wanted = request.DataSources ?? [];
        var have = existing.DataSources ?? [];
        return wanted.Count == have.Count && wanted.Zip(have).All(pair =>
            pair.Second.ValueKind == JsonValueKind.Object
            && pair.Second.TryGetProperty("queryObj", out var query) && query.ValueKind == JsonValueKind.Object
            && query.TryGetProperty("snubaQuery", out var snuba)
            && AlertJson.Covers(snuba, AlertJson.Element(new System.Text.Json.Nodes.JsonObject
            {
                ["aggregate"] = pair.First.GetProperty("aggregate").GetString(),
                ["query"] = pair.First.GetProperty("query").GetString(),
                ["timeWindow"] = pair.First.GetProperty("timeWindow").GetInt32(),
            })));
    }

    internal static long Id(string id) => long.Parse(id, CultureInfo.InvariantCulture);
}
