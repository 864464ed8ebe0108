using Sentry.Management.Api;

namespace Sentry.Management;

/// <summary>An organization's detectors (monitors that open issues): list, read, create in a project, change, delete, turn on or off.</summary>
public class DetectorsClient
{
    private readonly IAlertsApi _api = null!;
    private readonly OrganizationScope _scope = null!;

    internal DetectorsClient(OrganizationScope scope)
    {
        _scope = scope;
        _api = scope.Api<IAlertsApi>();
    }

    /// <summary>For mocking frameworks only.</summary>
    protected DetectorsClient()
    {
    }

    /// <summary>Lists an organization's detectors (one request; the schema declares no cursor).</summary>
    /// <param name="query">A search such as <c>type:metric_issue</c>.</param>
    /// <param name="projects">Project ids or slugs to filter by.</param>
    /// <param name="sortBy">The sort field, such as <c>name</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The detectors.</returns>
    public virtual async Task<IReadOnlyList<Detector>> ListAsync(
        string? query = null,
        IReadOnlyList<string>? projects = null,
        string? sortBy = null,
        CancellationToken cancellationToken = default) =>
        await _api.ListDetectorsAsync(_scope.Slug, query, sortBy, null, projects, cancellationToken).ConfigureAwait(false);

    /// <summary>Gets a detector.</summary>
    /// <param name="detectorId">The detector's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The detector.</returns>
    public virtual Task<Detector> GetAsync(string detectorId, CancellationToken cancellationToken = default) =>
        _api.GetDetectorAsync(_scope.Slug, QueryValues.NumericId(detectorId, nameof(detectorId)), cancellationToken);

    /// <summary>Creates a detector in a project.</summary>
    /// <param name="projectSlug">The project's slug or id.</param>
    /// <param name="detector">The detector (name and type required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created detector.</returns>
    public virtual Task<Detector> CreateAsync(string projectSlug, DetectorRequest detector, CancellationToken cancellationToken = default)
    {
        AlertRuleResponses.Validate(detector);
        return _api.CreateDetectorAsync(_scope.Slug, SentrySlug.Validate(projectSlug), detector, cancellationToken);
    }

    /// <summary>Changes a detector.</summary>
    /// <param name="detectorId">The detector's numeric id.</param>
    /// <param name="detector">The new state (name and type required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The detector as it is now.</returns>
    public virtual Task<Detector> UpdateAsync(string detectorId, DetectorRequest detector, CancellationToken cancellationToken = default)
    {
        AlertRuleResponses.Validate(detector);
        return _api.UpdateDetectorAsync(_scope.Slug, QueryValues.NumericId(detectorId, nameof(detectorId)), detector, cancellationToken);
    }

    /// <summary>Deletes a detector.</summary>
    /// <param name="detectorId">The detector's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry deleted it.</returns>
    public virtual Task DeleteAsync(string detectorId, CancellationToken cancellationToken = default) =>
        _api.DeleteDetectorAsync(_scope.Slug, QueryValues.NumericId(detectorId, nameof(detectorId)), cancellationToken);

    /// <summary>Turns the given detectors on or off in one request.</summary>
    /// <param name="detectorIds">The detectors' numeric ids (at least one).</param>
    /// <param name="enabled">On or off.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed detectors.</returns>
    public virtual async Task<IReadOnlyList<Detector>> SetEnabledAsync(
        IEnumerable<string> detectorIds,
        bool enabled,
        CancellationToken cancellationToken = default) =>
        await _api.BulkUpdateDetectorsAsync(_scope.Slug, new EnabledUpdate { Enabled = enabled }, null, AlertRuleResponses.Ids(detectorIds), null, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>Deletes the given detectors in one request.</summary>
    /// <param name="detectorIds">The detectors' numeric ids (at least one).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Sentry deleted them.</returns>
    public virtual Task DeleteManyAsync(IEnumerable<string> detectorIds, CancellationToken cancellationToken = default) =>
        _api.BulkDeleteDetectorsAsync(_scope.Slug, null, AlertRuleResponses.Ids(detectorIds), null, cancellationToken);
}
