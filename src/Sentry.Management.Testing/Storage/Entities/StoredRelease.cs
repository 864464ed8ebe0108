namespace Sentry.Management.Testing.Storage;

/// <summary>A release of an organization, its projects, the commits set on it and its deploys' count source.</summary>
internal sealed class StoredRelease
{
    /// <summary>The numeric id (Sentry writes it as an integer).</summary>
    public required string Id { get; set; }

    public required string OrganizationId { get; set; }

    public required string Version { get; set; }

    public string? Ref { get; set; }

    public string? Url { get; set; }

    public DateTimeOffset DateCreated { get; set; }

    public DateTimeOffset? DateStarted { get; set; }

    public DateTimeOffset? DateReleased { get; set; }

    /// <summary>The ids of the projects it belongs to.</summary>
    public List<string> ProjectIds { get; set; } = [];

    /// <summary>The ids of its commits, newest first, as Sentry orders them.</summary>
    public List<string> CommitIds { get; set; } = [];

    /// <summary>The free-form <c>data</c> object, as JSON text.</summary>
    public string Data { get; set; } = "{}";
}
