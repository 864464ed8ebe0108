namespace Sentry.Management;

/// <summary>
/// A dry run of a triage: exactly which issues would change and how. Nothing has changed yet; <see cref="ApplyAsync"/>
/// makes the changes. The assignee is already resolved, so applying cannot fail on an unknown member or team.
/// </summary>
public sealed class IssueTriagePlan
{
    private readonly Func<IssueTriagePlan, IProgress<TriageProgress>?, CancellationToken, Task<IssueTriageResult>> _apply;

    internal IssueTriagePlan(
        IssueTriageRequest request,
        IReadOnlyList<IssueTriageItem> items,
        IssueUpdate? update,
        Func<IssueTriagePlan, IProgress<TriageProgress>?, CancellationToken, Task<IssueTriageResult>> apply)
    {
        Request = request;
        Items = items;
        Update = update;
        _apply = apply;
    }

    /// <summary>What was asked.</summary>
    public IssueTriageRequest Request { get; }

    /// <summary>The issues that would change, in Sentry's order, each with its current and new state.</summary>
    public IReadOnlyList<IssueTriageItem> Items { get; }

    /// <summary>The bulk update that applying sends (status and assignee, resolved); <see langword="null"/> when the change is only a note.</summary>
    public IssueUpdate? Update { get; }

    /// <summary>Makes the changes: status and assignee through Sentry's bulk endpoint in requests of at most 100 issues, then each note.</summary>
    /// <param name="progress">Told after each request.</param>
    /// <param name="cancellationToken">Stops before the next request (what was done is still in the result of a later run, not lost: re-planning finds what remains).</param>
    /// <returns>What changed and what failed, per issue.</returns>
    public Task<IssueTriageResult> ApplyAsync(IProgress<TriageProgress>? progress = null, CancellationToken cancellationToken = default) =>
        _apply(this, progress, cancellationToken);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Items.Count} issue(s) matching '{Request.Query}' would be {Request.Change}"
        + string.Concat(Items.Select(i => $"\n  {i}"));
}

/// <summary>One issue of a triage plan.</summary>
/// <param name="IssueId">The issue's numeric id.</param>
/// <param name="ShortId">The readable id, such as <c>BACKEND-1A</c>.</param>
/// <param name="Title">The title.</param>
/// <param name="CurrentState">Its state now, such as <c>unresolved, unassigned</c>.</param>
/// <param name="NewState">Its state after the change, such as <c>resolved, assigned to jane@acme.io</c>.</param>
public sealed record IssueTriageItem(string IssueId, string? ShortId, string? Title, string CurrentState, string NewState)
{
    /// <inheritdoc />
    public override string ToString() => $"{ShortId ?? IssueId} {Title}: {CurrentState} -> {NewState}";
}

/// <summary>How far applying a triage got.</summary>
/// <param name="Completed">Steps done (bulk requests and notes).</param>
/// <param name="Total">All steps.</param>
/// <param name="Step">What was just done, such as <c>status and assignee of 50 issue(s)</c> or <c>note on BACKEND-1A</c>.</param>
/// <param name="Succeeded">Whether that step succeeded.</param>
public readonly record struct TriageProgress(int Completed, int Total, string Step, bool Succeeded);

/// <summary>What applying a triage did, per issue.</summary>
public sealed class IssueTriageResult
{
    internal IssueTriageResult(IReadOnlyList<IssueTriageItem> changed, IReadOnlyList<IssueTriageFailure> failed)
    {
        Changed = changed;
        Failed = failed;
    }

    /// <summary>The issues that got every part of the change.</summary>
    public IReadOnlyList<IssueTriageItem> Changed { get; }

    /// <summary>The issues where some part failed, with why.</summary>
    public IReadOnlyList<IssueTriageFailure> Failed { get; }

    /// <summary>Whether every issue got the whole change.</summary>
    public bool Succeeded => Failed.Count == 0;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Changed.Count} issue(s) changed, {Failed.Count} failed" + string.Concat(Failed.Select(f => $"\n  {f}"));
}

/// <summary>An issue where part of a triage failed.</summary>
/// <param name="Item">The issue and the change it should have had.</param>
/// <param name="Part">What failed: <c>status/assignee</c> or <c>note</c>.</param>
/// <param name="Error">Sentry's answer.</param>
public sealed record IssueTriageFailure(IssueTriageItem Item, string Part, SentryApiException Error)
{
    /// <inheritdoc />
    public override string ToString() => $"{Item.ShortId ?? Item.IssueId}: {Part} failed ({(int)Error.StatusCode} {Error.Detail})";
}
