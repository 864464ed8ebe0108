namespace Sentry.Management.Testing.Storage;

/// <summary>A deploy of a release to an environment.</summary>
internal sealed class StoredDeploy
{
    public required string Id { get; set; }

    public required string ReleaseId { get; set; }

    public required string Environment { get; set; }

    public string? Name { get; set; }

    public string? Url { get; set; }

    public DateTimeOffset? DateStarted { get; set; }

    public DateTimeOffset DateFinished { get; set; }

    /// <summary>The projects it went to (the release's when the request named none).</summary>
    public List<string> ProjectIds { get; set; } = [];
}
