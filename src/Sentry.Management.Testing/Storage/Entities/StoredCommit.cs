namespace Sentry.Management.Testing.Storage;

/// <summary>A commit of a repository, as a release's <c>commits</c> or <c>refs</c> recorded it (there is no git here).</summary>
internal sealed class StoredCommit
{
    public required string Id { get; set; }

    public required string OrganizationId { get; set; }

    public required string RepositoryId { get; set; }

    /// <summary>The commit's sha.</summary>
    public required string Key { get; set; }

    public string? Message { get; set; }

    public string? AuthorName { get; set; }

    public string? AuthorEmail { get; set; }

    public DateTimeOffset DateCreated { get; set; }

    /// <summary>The files it changed: path and change type (<c>A</c>, <c>M</c>, <c>D</c>).</summary>
    public List<StoredCommitFile> Files { get; set; } = [];
}

/// <summary>One file a commit changed.</summary>
internal sealed class StoredCommitFile
{
    public required string Filename { get; set; }

    public string? Type { get; set; }
}
