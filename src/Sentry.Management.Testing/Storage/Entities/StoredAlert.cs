namespace Sentry.Management.Testing.Storage;

/// <summary>
/// An alert definition of one of the four kinds the API serves: <c>workflow</c>, <c>detector</c>, <c>rule</c>
/// (legacy issue alert rule) and <c>metric</c> (metric alert rule). What the client sent is kept as JSON text and
/// answered back in the kind's shape; the fields the API filters or joins on are pulled out.
/// </summary>
internal sealed class StoredAlert
{
    /// <summary>The store key: <c>{kind}:{id}</c>, so each kind numbers its own ids.</summary>
    public string Key => Kind + ":" + Id;

    public required string Kind { get; set; }

    public required string Id { get; set; }

    public required string OrganizationId { get; set; }

    /// <summary>The project of a detector or issue alert rule; the first project of a metric alert rule.</summary>
    public string? ProjectId { get; set; }

    public required string Name { get; set; }

    /// <summary>A detector's type, such as <c>error</c> or <c>metric_issue</c>.</summary>
    public string? Type { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>The workflow's detectors (workflows only).</summary>
    public List<string> DetectorIds { get; set; } = [];

    public DateTimeOffset DateCreated { get; set; }

    public DateTimeOffset DateUpdated { get; set; }

    /// <summary>The request body the definition was created or last updated with.</summary>
    public string Json { get; set; } = "{}";
}
